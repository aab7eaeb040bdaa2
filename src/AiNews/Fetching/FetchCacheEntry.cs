using System;
using System.Globalization;

namespace AiNews.Fetching
{
    /// <summary>One stored response: the body and the validators to revalidate it with (ETag, Last-Modified).</summary>
    public sealed class FetchCacheEntry
    {
        public Uri Uri { get; set; }
        public Uri FinalUri { get; set; }
        public int StatusCode { get; set; } = 200;
        public string ContentType { get; set; }
        public string ETag { get; set; }
        /// <summary>The Last-Modified header exactly as the server sent it (sent back verbatim in If-Modified-Since).</summary>
        public string LastModified { get; set; }
        public DateTimeOffset StoredAt { get; set; }
        public byte[] Body { get; set; }

        /// <summary>The stored response as the result of a request for <paramref name="requested"/> that the server answered 304 at <paramref name="at"/>.</summary>
        internal FetchResult ToResult(Uri requested, Uri at, int redirects)
        {
            var result = new FetchResult
            {
                RequestedUri = requested,
                FinalUri = FinalUri ?? at,
                StatusCode = StatusCode,
                Body = Body,
                FromCache = true,
                Redirects = redirects,
                ETag = ETag,
                LastModified = LastModified != null && DateTimeOffset.TryParse(LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : (DateTimeOffset?)null,
            };
            result.SetContentType(ContentType);
            return result;
        }
    }
}
