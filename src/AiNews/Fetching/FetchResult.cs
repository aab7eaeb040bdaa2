using System;
using System.Net.Http.Headers;

namespace AiNews.Fetching
{
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
        /// <summary>True when the body came from the on-disk cache: the server answered 304 Not Modified, or the entry was fresh.</summary>
        public bool FromCache { get; set; }
        /// <summary>True when the cached body was fresh (RFC 9111 §4.2) and no request was sent at all.</summary>
        public bool Fresh { get; set; }
        /// <summary>True when this body is the one in the on-disk cache (served from it, or just stored in it).</summary>
        public bool InCache { get; set; }
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

        /// <summary>Sets <see cref="ContentType"/> and what it says: the media type and the charset.</summary>
        internal void SetContentType(string contentType)
        {
            ContentType = contentType;
            if (contentType != null && MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue parsed))
            {
                MediaType = parsed.MediaType?.ToLowerInvariant();
                Charset = string.IsNullOrEmpty(parsed.CharSet) ? null : parsed.CharSet.Trim('"');
            }
        }

        public override string ToString() => $"{StatusCode} {FinalUri} ({Body?.Length ?? 0} bytes{(FromCache ? ", from cache" : "")})";
    }
}
