using System;
using System.Globalization;

namespace AiNews.Extraction
{
    /// <summary>A page took longer to extract than its <see cref="ExtractionBudget"/> allows.</summary>
    public sealed class ExtractionTimeoutException : TimeoutException
    {
        public ExtractionTimeoutException(TimeSpan limit, string doing)
            : base("The page took longer than " + limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)
                + " s to extract (stopped while " + doing + "); it is too large or too deeply nested to read.")
        {
            Limit = limit;
        }

        /// <summary>The budget that was exceeded.</summary>
        public TimeSpan Limit { get; }
    }
}
