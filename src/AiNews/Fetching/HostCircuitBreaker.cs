using System;
using System.Collections.Concurrent;
using System.Threading;

namespace AiNews.Fetching
{
    /// <summary>
    /// Counts consecutive timeouts per host (scheme + host + port) during one run and opens once a host has timed out
    /// <see cref="ConsecutiveTimeoutsToOpen"/> times in a row: the host's remaining requests then fail at once instead of
    /// each waiting out its own timeouts and retries (a feed of 40 items on one hanging host cost 40 × 4 × 30 s of
    /// timeouts, about 21 minutes at four at a time). An answer from the host, any answer, resets its count. It never
    /// closes again within the run: a host that hung twice in a row is not worth the user's time until the next run.
    /// </summary>
    public sealed class HostCircuitBreaker
    {
        /// <summary>
        /// Two: one timeout can be a lost packet or a brief stall, two in a row (across all requests to the host, retries
        /// included) mean the host is down or hanging, and each further one costs a full timeout.
        /// </summary>
        public const int ConsecutiveTimeoutsToOpen = 2;

        readonly ConcurrentDictionary<string, int[]> _timeouts = new ConcurrentDictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);

        static string Key(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

        /// <summary>True when the host of <paramref name="uri"/> has timed out too often in a row: skip it.</summary>
        public bool IsOpen(Uri uri) => _timeouts.TryGetValue(Key(uri), out int[] count) && Volatile.Read(ref count[0]) >= ConsecutiveTimeoutsToOpen;

        /// <summary>Records a timeout; true when this one opened the breaker (or it was open already).</summary>
        public bool TimedOut(Uri uri)
        {
            int[] count = _timeouts.GetOrAdd(Key(uri), _ => new int[1]);
            return Interlocked.Increment(ref count[0]) >= ConsecutiveTimeoutsToOpen;
        }

        /// <summary>Records an answer: the count of consecutive timeouts starts again (unless the breaker is open).</summary>
        public void Answered(Uri uri)
        {
            if (!_timeouts.TryGetValue(Key(uri), out int[] count)) return;
            int seen = Volatile.Read(ref count[0]);
            if (seen < ConsecutiveTimeoutsToOpen) Interlocked.CompareExchange(ref count[0], 0, seen);
        }
    }
}
