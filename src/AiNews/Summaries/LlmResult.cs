namespace AiNews.Summaries
{
    /// <summary>The labels and summary an LLM returned for one article, validated against the taxonomy.</summary>
    public sealed class LlmResult
    {
        public string Summary { get; set; }
        public string Organization { get; set; }
        public string[] Tags { get; set; } = new string[0];
        public string Importance { get; set; }
    }
}
