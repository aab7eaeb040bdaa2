using System;

namespace AiNews.Http
{
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
        /// <summary>Requests made, counting retries.</summary>
        public int Attempts { get; set; }
    }
}
