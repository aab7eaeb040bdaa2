namespace AiNews
{
    /// <summary>One outlet that carried a story: its name and its page.</summary>
    public sealed class ArticleSource
    {
        public ArticleSource() { }
        public ArticleSource(string name, string url) { Name = name; Url = url; }

        public string Name { get; set; }
        public string Url { get; set; }

        public override string ToString() => $"{Name} <{Url}>";
    }
}
