using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace AiNews.Http
{
    /// <summary>
    /// Limits requests in flight: in total, and to each host (scheme, host and port). A request takes a slot of its host
    /// first, then one of the total, and gives both back when the returned handle is disposed.
    /// </summary>
    public sealed class HostThrottle
    {
        private readonly int _perHost;
        private readonly SemaphoreSlim _total;
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);

        public HostThrottle(int total, int perHost)
        {
            if (total < 1) throw new ArgumentOutOfRangeException(nameof(total), total, "must be at least 1");
            if (perHost < 1) throw new ArgumentOutOfRangeException(nameof(perHost), perHost, "must be at least 1");
            _perHost = perHost;
            _total = new SemaphoreSlim(total, total);
        }

        /// <summary>Waits for a slot for <paramref name="uri"/>'s host and one of the total; dispose the result to give them back.</summary>
        public async Task<IDisposable> AcquireAsync(Uri uri, CancellationToken cancellationToken)
        {
            SemaphoreSlim host = _hosts.GetOrAdd(uri.GetLeftPart(UriPartial.Authority), _ => new SemaphoreSlim(_perHost, _perHost));
            await host.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _total.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                host.Release();
                throw;
            }
            return new Slots(host, _total);
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
