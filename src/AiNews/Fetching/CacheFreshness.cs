using System;
using System.Net.Http.Headers;

namespace AiNews.Fetching
{
    /// <summary>
    /// How long a stored response may be used without asking the server again (RFC 9111 §4.2): the freshness lifetime
    /// the server gave (Cache-Control max-age, else Expires − Date), or, lacking both, a heuristic one (§4.2.2): a
    /// fraction of the time since Last-Modified, capped. no-cache and no-store give none (always revalidate). A stale
    /// entry is never used without revalidation, so must-revalidate needs nothing more here.
    /// </summary>
    public static class CacheFreshness
    {
        /// <summary>
        /// The share of a document's age (Date − Last-Modified) it is presumed to stay unchanged: RFC 9111 §4.2.2's
        /// "typical setting" of 10%. A page last changed 3 days ago is reused for about 7 hours.
        /// </summary>
        public const double HeuristicFraction = 0.1;

        /// <summary>
        /// The longest heuristic lifetime: a daily job then re-asks every unchanged page at least once a day, so an
        /// edited old article is seen the next day at the latest (browsers cap the same heuristic at a week or more).
        /// </summary>
        public static readonly TimeSpan HeuristicCap = TimeSpan.FromHours(24);

        /// <summary>
        /// The freshness lifetime of a response with these headers, counted from <paramref name="now"/> (zero: revalidate
        /// before every use). <paramref name="heuristic"/> false allows only the lifetime the server stated: feeds are
        /// what a scheduled job polls to learn what is new, so an unstated lifetime is not presumed for them.
        /// </summary>
        public static TimeSpan Lifetime(CacheControlHeaderValue cacheControl, bool pragmaNoCache, DateTimeOffset? expires, DateTimeOffset? date,
            DateTimeOffset? lastModified, TimeSpan? age, bool heuristic, DateTimeOffset now)
        {
            if (cacheControl != null && (cacheControl.NoCache || cacheControl.NoStore)) return TimeSpan.Zero;
            if (cacheControl == null && pragmaNoCache) return TimeSpan.Zero; // HTTP/1.0's no-cache, when there is no Cache-Control
            DateTimeOffset served = date.HasValue && date.Value <= now ? date.Value : now;
            TimeSpan lifetime;
            if (cacheControl?.MaxAge != null) lifetime = cacheControl.MaxAge.Value;
            else if (expires.HasValue) lifetime = expires.Value - served;
            else if (heuristic && lastModified.HasValue && lastModified.Value < served)
            {
                lifetime = TimeSpan.FromTicks((long)((served - lastModified.Value).Ticks * HeuristicFraction));
                if (lifetime > HeuristicCap) lifetime = HeuristicCap;
            }
            else return TimeSpan.Zero;
            // The response's age when it arrived (RFC 9111 §4.2.3, simplified to what a client one hop away sees).
            if (age.HasValue && age.Value > TimeSpan.Zero) lifetime -= age.Value;
            return lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero;
        }

        /// <summary><see cref="Lifetime"/> for a response as HttpClient parsed it.</summary>
        public static TimeSpan Lifetime(System.Net.Http.HttpResponseMessage response, DateTimeOffset? lastModified, bool heuristic, DateTimeOffset now)
        {
            bool pragma = false;
            foreach (NameValueHeaderValue p in response.Headers.Pragma)
                if (string.Equals(p.Name, "no-cache", StringComparison.OrdinalIgnoreCase)) pragma = true;
            return Lifetime(response.Headers.CacheControl, pragma, response.Content?.Headers.Expires, response.Headers.Date,
                lastModified ?? response.Content?.Headers.LastModified, response.Headers.Age, heuristic, now);
        }
    }
}
