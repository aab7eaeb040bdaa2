using System;

namespace AiNews.Articles
{
    /// <summary>Which articles a run keeps: a time range and a count per source.</summary>
    public sealed class ArticleWindow
    {
        public DateTimeOffset? Since { get; set; }
        /// <summary>Exclusive upper bound.</summary>
        public DateTimeOffset? Until { get; set; }
        public int? First { get; set; }

        public bool HasRange => Since.HasValue || Until.HasValue;

        /// <summary>Why an article falls outside the window, or null when it is inside.</summary>
        public string Reject(DateTimeOffset? published)
        {
            if (!HasRange) return null;
            if (!published.HasValue) return "it has no date, and a date range was asked for";
            if (Since.HasValue && published.Value < Since.Value) return $"it is from {published.Value:yyyy-MM-dd HH:mm zzz}, before {Since.Value:yyyy-MM-dd HH:mm zzz}";
            if (Until.HasValue && published.Value >= Until.Value) return $"it is from {published.Value:yyyy-MM-dd HH:mm zzz}, not before {Until.Value:yyyy-MM-dd HH:mm zzz}";
            return null;
        }
    }
}
