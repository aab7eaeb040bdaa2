using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace AiNews.Http
{
    /// <summary>
    /// robots.txt per site for one run: read once per site (scheme, host and port), shared by every request to it, and
    /// RFC 9309's rules for a robots.txt that cannot be read.
    /// </summary>
    public sealed class RobotsGate
    {
        /// <summary>RFC 9309 2.5: at least 500 KiB must be parsed; we read (and parse) no more.</summary>
        public const long MaxRobotsBytes = 500 * 1024;

        private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> _robots = new ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// robots.txt of <paramref name="uri"/>'s site. The first request to a site starts <paramref name="load"/> (given
        /// the robots.txt address); the others wait for the same load. Cancelling <paramref name="cancellationToken"/>
        /// ends this wait only, not the load, which other requests may share; a load that was itself cancelled is dropped
        /// and started again by the next request.
        /// </summary>
        public Task<RobotsTxt> GetAsync(Uri uri, Func<Uri, Task<RobotsTxt>> load, CancellationToken cancellationToken)
        {
            string key = uri.GetLeftPart(UriPartial.Authority);
            Func<string, Lazy<Task<RobotsTxt>>> start = k => new Lazy<Task<RobotsTxt>>(() => load(new Uri(k + "/robots.txt")));
            Task<RobotsTxt> task = _robots.GetOrAdd(key, start).Value;
            if (task.IsCanceled)
            {
                _robots.TryRemove(key, out _);
                task = _robots.GetOrAdd(key, start).Value;
            }
            return WaitAsync(task, cancellationToken);
        }

        /// <summary>
        /// What RFC 9309 makes of a robots.txt that could not be fetched, or null when <paramref name="error"/> is not one
        /// of those cases (the request then fails): 4xx means no rules (2.3.1.3), 5xx means everything is disallowed
        /// (2.3.1.4), and a redirect that cannot be followed means no rules. <paramref name="why"/> says which, for the log.
        /// </summary>
        public static RobotsTxt WhenUnreadable(Uri robotsUri, FetchException error, out string why)
        {
            if (error.StatusCode.HasValue && error.StatusCode.Value >= 400 && error.StatusCode.Value < 500)
            {
                why = $"No robots.txt at {robotsUri} (HTTP {error.StatusCode}); everything is allowed.";
                return RobotsTxt.AllowAll;
            }
            if (error.StatusCode.HasValue && error.StatusCode.Value >= 500)
            {
                why = $"{robotsUri} failed with HTTP {error.StatusCode}; as robots.txt rules require, the site is treated as disallowing everything for this run.";
                return RobotsTxt.DisallowAllBecause($"robots.txt answered HTTP {error.StatusCode}, which means everything is disallowed until it is readable");
            }
            if (error.ErrorId == FetchErrorIds.RedirectLoop || error.ErrorId == FetchErrorIds.RedirectRefused || error.ErrorId == FetchErrorIds.AddressRefused)
            {
                why = $"{robotsUri} could not be followed ({error.Message}); everything is allowed.";
                return RobotsTxt.AllowAll;
            }
            why = null;
            return null;
        }

        private static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task) cancellationToken.ThrowIfCancellationRequested();
            }
            return await task.ConfigureAwait(false);
        }
    }
}
