using System;

namespace AiNews.Fetching
{
    /// <summary>A verbose line about one request; <see cref="ToString"/> is the message for Write-Verbose.</summary>
    public sealed class FetchLogEntry
    {
        public FetchLogEntry(FetchLogKind kind, Uri uri, string message, int attempt = 0, TimeSpan? delay = null)
        {
            Time = DateTimeOffset.Now;
            Kind = kind;
            Uri = uri;
            Message = message;
            Attempt = attempt;
            Delay = delay;
        }

        public DateTimeOffset Time { get; }
        public FetchLogKind Kind { get; }
        public Uri Uri { get; }
        public string Message { get; }
        public int Attempt { get; }
        /// <summary>For <see cref="FetchLogKind.Retrying"/>: the wait before the next attempt.</summary>
        public TimeSpan? Delay { get; }
        public override string ToString() => Message;
    }
}
