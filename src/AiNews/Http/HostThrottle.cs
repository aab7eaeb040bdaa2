using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace AiNews.Http
{
    /// <summary>
    /// Limits requests in flight: in total, and to each host (scheme, host and port). A request takes a slot of its host
    /// first, then waits out the host's crawl delay (robots.txt Crawl-delay: requests to it start that far apart), then
    /// takes one of the total, and gives both slots back when the returned handle is disposed. The crawl delay is waited
    /// out before the total slot is taken, so a slow host does not hold up the others.
    /// </summary>
    public sealed class HostThrottle
    {
        /// <summary>
        /// The longest Crawl-delay honoured. Some robots.txt files ask for minutes or hours between requests; a daily job
        /// that waited that long per page would never finish, so longer delays are shortened to this (still slower than a
        /// reader clicking through the site).
        /// </summary>
        public static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(30);

        private readonly int _perHost;
        private readonly SemaphoreSlim _total;
        private readonly ConcurrentDictionary<string, Host> _hosts = new ConcurrentDictionary<string, Host>(StringComparer.OrdinalIgnoreCase);

        private sealed class Host
        {
            public SemaphoreSlim Slots;
            public DateTime NextStartUtc = DateTime.MinValue;   // guarded by the Host itself
        }

        public HostThrottle(int total, int perHost)
        {
            if (total < 1) throw new ArgumentOutOfRangeException(nameof(total), total, "must be at least 1");
            if (perHost < 1) throw new ArgumentOutOfRangeException(nameof(perHost), perHost, "must be at least 1");
            _perHost = perHost;
            _total = new SemaphoreSlim(total, total);
        }

        /// <summary>Waits for a slot for <paramref name="uri"/>'s host and one of the total; dispose the result to give them back.</summary>
        public Task<IDisposable> AcquireAsync(Uri uri, CancellationToken cancellationToken) => AcquireAsync(uri, TimeSpan.Zero, cancellationToken);

        /// <summary>
        /// As <see cref="AcquireAsync(Uri, CancellationToken)"/>, and starts requests to the host at least
        /// <paramref name="crawlDelay"/> apart (at most <see cref="MaxCrawlDelay"/>).
        /// </summary>
        public async Task<IDisposable> AcquireAsync(Uri uri, TimeSpan crawlDelay, CancellationToken cancellationToken)
        {
            Host host = _hosts.GetOrAdd(uri.GetLeftPart(UriPartial.Authority), _ => new Host { Slots = new SemaphoreSlim(_perHost, _perHost) });
            if (crawlDelay > MaxCrawlDelay) crawlDelay = MaxCrawlDelay;
            await host.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (crawlDelay > TimeSpan.Zero) await WaitTurnAsync(host, crawlDelay, cancellationToken).ConfigureAwait(false);
                await _total.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                host.Slots.Release();
                throw;
            }
            return new Slots(host.Slots, _total);
        }

        // Books the host's next start time (now, or crawlDelay after the last booked start) and waits for it: requests that
        // queue up get consecutive turns, so their starts are crawlDelay apart however many slots the host has.
        private static async Task WaitTurnAsync(Host host, TimeSpan crawlDelay, CancellationToken cancellationToken)
        {
            DateTime start;
            lock (host)
            {
                DateTime now = DateTime.UtcNow;
                start = host.NextStartUtc > now ? host.NextStartUtc : now;
                host.NextStartUtc = start + crawlDelay;
            }
            TimeSpan wait = start - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        private sealed class Slots : IDisposable
        {
            private SemaphoreSlim _host, _total;
            public Slots(SemaphoreSlim host, SemaphoreSlim total) { _host = host; _total = total; }
            public void Dispose()
            {
                Interlocked.Exchange(ref _total, null)?.Release();
                Interlocked.Exchange(ref _host, null)?.Release();
            }
        }
    }
}
