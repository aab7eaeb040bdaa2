namespace AiNews.Summaries
{
    /// <summary>What <see cref="LlmSummarizer.Summarize"/> did for one article.</summary>
    public sealed class LlmOutcome
    {
        public LlmStatus Status { get; set; }
        public LlmResult Result { get; set; }
        /// <summary>What went wrong on the failed attempt(s), for the warning; null when the first answer was good.</summary>
        public string Problem { get; set; }
    }
}
