namespace AiNews.Collection
{
    /// <summary>An article that passed the date window (and -AiOnly): the caller's output.</summary>
    public sealed class ArticleCollected : CollectionEvent
    {
        public ArticleCollected(Article article) { Article = article; }

        public Article Article { get; }

        public override string ToString() => Article?.Title ?? "";
    }
}
