using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace AiNews.Http
{
    /// <summary>
    /// When to ask again and how long to wait first, for every AiNews client: transient statuses (408, 429, 5xx gateway
    /// and overload codes), exponential backoff with jitter, the server's Retry-After (seconds or a date), and the
    /// budgets (retries, the longest wait).
    /// </summary>
    public sealed class RetryPolicy
    {
        /// <summary>
        /// Each backoff is scaled by a random factor within ±25%, so that requests which failed together (one host's
        /// pages, a burst of webhook posts) do not all come back at the same instant.
        /// </summary>
        public const double Jitter = 0.25;

        /// <summary>The exponent stops growing here: 2^20 base delays is past any MaxDelay, and larger powers would overflow.</summary>
        private const int MaxDoublings = 20;

        private static readonly Random Random = new Random();

        public RetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay)
        {
            if (maxRetries < 0) throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries, "must not be negative");
            if (baseDelay < TimeSpan.Zero || maxDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(baseDelay), "retry delays must not be negative");
            MaxRetries = maxRetries;
            BaseDelay = baseDelay;
            MaxDelay = maxDelay;
        }

        /// <summary>Retries after the first attempt.</summary>
        public int MaxRetries { get; }

        /// <summary>The first backoff; it doubles with every retry.</summary>
        public TimeSpan BaseDelay { get; }

        /// <summary>The longest wait: backoffs are capped at it, and a Retry-After asking for longer is not waited for.</summary>
        public TimeSpan MaxDelay { get; }

        /// <summary>Whether attempt number <paramref name="attempt"/> (1 for the first) may be followed by another.</summary>
        public bool MayRetryAfter(int attempt) => attempt <= MaxRetries;

        /// <summary>Whether the server asked for a longer wait than this policy allows (the request is then given up).</summary>
        public bool IsTooLong(TimeSpan wait) => wait > MaxDelay;

        /// <summary>The wait after attempt number <paramref name="attempt"/> failed: BaseDelay·2^(attempt−1), jittered, at most MaxDelay.</summary>
        public TimeSpan Backoff(int attempt)
        {
            double factor;
            lock (Random) factor = 1 - Jitter + Random.NextDouble() * 2 * Jitter;
            double ms = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, MaxDoublings)) * factor;
            return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
        }

        /// <summary>
        /// Statuses worth asking again: a timeout (408), rate limiting (429), and the server errors that mean "busy or
        /// briefly broken" (500, 502, 503, 504 and Cloudflare's 52x). 501, 505 and the like will answer the same again.
        /// </summary>
        public static bool IsTransient(int status) =>
            status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504 || (status >= 520 && status <= 529);

        /// <summary>The Retry-After header as a wait from now (its delta-seconds or HTTP-date form), never negative; null when absent.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            RetryConditionHeaderValue value = response?.Headers.RetryAfter;
            if (value == null) return null;
            if (value.Delta.HasValue) return value.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : value.Delta.Value;
            if (value.Date.HasValue)
            {
                TimeSpan wait = value.Date.Value - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }
    }
}
