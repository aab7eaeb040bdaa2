using System;

namespace AiNews.Extraction
{
    /// <summary>
    /// A page exceeded a limit of its <see cref="ExtractionBudget"/> (time, or number of elements) and was given up;
    /// Get-AiArticle reports it as AiNews.ExtractionFailed and keeps what the feed said about the article.
    /// </summary>
    public sealed class ExtractionLimitException : Exception
    {
        public ExtractionLimitException(string message) : base(message) { }
    }
}
