namespace AiNews.Summaries
{
    /// <summary>How an article got its LLM summary: first answer, after the one retry, from the cache, or not at all (the caller falls back).</summary>
    public enum LlmStatus { Ok, Retried, Cached, FellBack }
}
