using System;
using System.Threading;
using System.Threading.Tasks;

namespace AiNews.Fetching
{
    /// <summary>What the caller expects; decides the Accept header, the content-type check and the error ids.</summary>
    public enum FetchKind
    {
        /// <summary>Anything; no content-type check.</summary>
        Any = 0,
        /// <summary>An RSS, RDF or Atom feed (XML).</summary>
        Feed = 1,
        /// <summary>An HTML page.</summary>
        Html = 2,
    }

    /// <summary>Stable error ids of fetch failures (the Commands layer turns them into ErrorRecords); never rename one.</summary>
    public static class FetchErrorIds
    {
        public const string FeedUnreachable = "AiNews.FeedUnreachable";
        public const string PageUnreachable = "AiNews.PageUnreachable";
        public const string FeedTooLarge = "AiNews.FeedTooLarge";
        public const string PageTooLarge = "AiNews.PageTooLarge";
        public const string RobotsDisallowed = "AiNews.RobotsDisallowed";
        public const string RedirectLoop = "AiNews.RedirectLoop";
        public const string RedirectRefused = "AiNews.RedirectRefused";
        public const string UnexpectedContentType = "AiNews.UnexpectedContentType";
        public const string HttpError = "AiNews.HttpError";
        public const string InvalidUri = "AiNews.InvalidUri";
        /// <summary>The address is not public (loopback, private, link-local ...) and private networks were not allowed.</summary>
        public const string AddressRefused = "AiNews.AddressRefused";
        /// <summary>The host timed out too often in a row; its remaining addresses are skipped for this run.</summary>
        public const string HostUnavailable = "AiNews.HostUnavailable";
        /// <summary>The host name could not be resolved, or the network is unreachable.</summary>
        public const string NetworkUnavailable = "AiNews.NetworkUnavailable";
    }

    /// <summary>
    /// The fetching service as the rest of the engine sees it: <see cref="WebFetcher"/> in production, a fake in tests
    /// that serve pages without a server.
    /// </summary>
    public interface IWebFetcher
    {
        /// <summary>Completes with a result, faults with a <see cref="FetchException"/>, or is cancelled.</summary>
        Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
    }

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

    /// <summary>A successful fetch: raw bytes plus what the headers said (decoding text is the caller's job).</summary>
    public sealed class FetchResult
    {
        public Uri RequestedUri { get; set; }
        /// <summary>The address after redirects.</summary>
        public Uri FinalUri { get; set; }
        /// <summary>The HTTP status of the content (200; for a cached body the status it was stored with).</summary>
        public int StatusCode { get; set; }
        /// <summary>The Content-Type header as sent, or null.</summary>
        public string ContentType { get; set; }
        /// <summary>The media type of the Content-Type header, lower case ("text/html"), or null.</summary>
        public string MediaType { get; set; }
        /// <summary>The charset parameter of the Content-Type header, or null (it may be wrong: the decoder decides).</summary>
        public string Charset { get; set; }
        /// <summary>The body, already decompressed (gzip, deflate, br).</summary>
        public byte[] Body { get; set; }
        /// <summary>True when the server answered 304 Not Modified and the body came from the on-disk cache.</summary>
        public bool FromCache { get; set; }
        /// <summary>Requests made, counting retries (1 when the first one succeeded).</summary>
        public int Attempts { get; set; }
        public int Redirects { get; set; }
        public TimeSpan Elapsed { get; set; }
        public string ETag { get; set; }
        public DateTimeOffset? LastModified { get; set; }
        /// <summary>The Content-Encoding that was decoded, or null.</summary>
        public string ContentEncoding { get; set; }
        public FetchKind Kind { get; set; }
        public object State { get; set; }

        public override string ToString() => $"{StatusCode} {FinalUri} ({Body?.Length ?? 0} bytes{(FromCache ? ", from cache" : "")})";
    }

    /// <summary>A fetch that failed, with a stable <see cref="ErrorId"/> and a message that says what to do.</summary>
    public sealed class FetchException : Exception
    {
        public FetchException(string errorId, Uri uri, string message, Exception inner = null) : base(message, inner)
        {
            ErrorId = errorId;
            Uri = uri;
        }

        /// <summary>One of <see cref="FetchErrorIds"/>.</summary>
        public string ErrorId { get; }
        /// <summary>The address that was asked for (the error's target).</summary>
        public Uri Uri { get; }
        /// <summary>Where the failure happened (after redirects), when known.</summary>
        public Uri FinalUri { get; set; }
        /// <summary>The last HTTP status seen, or null when none was received.</summary>
        public int? StatusCode { get; set; }
        public int Attempts { get; set; }
        public FetchKind Kind { get; set; }
        public object State { get; set; }
    }

    public enum FetchLogKind
    {
        Fetched,
        FromCache,
        Redirected,
        Retrying,
        Skipped,
        Failed,
        Robots,
        Cache,
    }

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
