using System;
using System.Globalization;

namespace AiNews.Fetching
{
    /// <summary>One stored response: the body, the validators to revalidate it with (ETag, Last-Modified) and how long it is fresh.</summary>
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
        /// <summary>Until when the entry may be used without asking the server (<see cref="CacheFreshness"/>); null: always revalidate.</summary>
        public DateTimeOffset? FreshUntil { get; set; }
        /// <summary>True while <see cref="FreshUntil"/> has not passed at <paramref name="now"/>.</summary>
        public bool IsFresh(DateTimeOffset now) => FreshUntil.HasValue && FreshUntil.Value > now;
        public byte[] Body { get; set; }

        /// <summary>The stored response as the result of a request for <paramref name="requested"/>: fresh, or answered 304 at <paramref name="at"/>.</summary>
        internal FetchResult ToResult(Uri requested, Uri at, int redirects)
        {
            var result = new FetchResult
            {
                RequestedUri = requested,
                FinalUri = FinalUri ?? at,
                StatusCode = StatusCode,
                Body = Body,
                FromCache = true,
                InCache = true,
                Redirects = redirects,
                ETag = ETag,
                LastModified = LastModified != null && DateTimeOffset.TryParse(LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : (DateTimeOffset?)null,
            };
            result.SetContentType(ContentType);
            return result;
        }
    }
}
