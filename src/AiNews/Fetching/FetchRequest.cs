using System;

namespace AiNews.Fetching
{
    /// <summary>One request: the address, what is expected, an optional caller state and an optional per-request log sink.</summary>
    public sealed class FetchRequest
    {
        public FetchRequest() { }
        public FetchRequest(Uri uri, FetchKind kind = FetchKind.Any, object state = null) { Uri = uri; Kind = kind; State = state; }

        public Uri Uri { get; set; }
        public FetchKind Kind { get; set; }
        /// <summary>Anything the caller wants back with the result (a source, a feed entry).</summary>
        public object State { get; set; }
        /// <summary>
        /// A host name (or literal address) that may be private for this request, whatever the fetcher's options say: the
        /// feed host of a catalog source marked AllowPrivateNetwork (an intranet feed). Other private hosts, reached by a
        /// link or a redirect, are still refused. Null: only the fetcher's <see cref="FetchOptions.AllowPrivateNetwork"/> counts.
        /// </summary>
        public string PrivateHost { get; set; }
        /// <summary>Keep the first MaxResponseBytes of a longer body instead of failing (robots.txt, RFC 9309 2.5).</summary>
        internal bool TruncateAtLimit { get; set; }
        /// <summary>Receives this request's log lines, on a worker thread (besides <see cref="WebFetcher.Logged"/>).</summary>
        public Action<FetchLogEntry> Log { get; set; }
    }
}
