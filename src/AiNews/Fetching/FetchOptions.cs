using System;
using System.IO;
using System.Net;
using AiNews.Http;

namespace AiNews.Fetching
{
    /// <summary>
    /// Settings of one <see cref="WebFetcher"/>. Defaults are polite: 8 requests at a time (4 per host), robots.txt honoured,
    /// conditional requests from an on-disk cache, a 10 MB size cap and a descriptive User-Agent.
    /// </summary>
    public sealed class FetchOptions
    {
        /// <summary>Requests in flight at once over all hosts (-ThrottleLimit).</summary>
        public int MaxConcurrency { get; set; } = 8;

        /// <summary>Requests in flight at once to one host (scheme + host + port).</summary>
        public int MaxConcurrencyPerHost { get; set; } = 4;

        /// <summary>Time allowed for one attempt: from sending the request to the last byte of the body.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Retries after the first attempt for timeouts, dropped connections, 408, 429 and transient 5xx.</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>First backoff delay; it doubles with every retry (with ±25% jitter) unless the server sends Retry-After.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Longest wait before a retry. A Retry-After asking for longer is not waited for: the fetch fails and says when to try again.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Redirects followed (only to http and https).</summary>
        public int MaxRedirects { get; set; } = 10;

        /// <summary>Largest body accepted, counted on the decoded bytes while they stream in.</summary>
        public long MaxResponseBytes { get; set; } = 10L * 1024 * 1024;

        /// <summary>The User-Agent header; its product token (before the first '/') is the name matched in robots.txt.</summary>
        public string UserAgent { get; set; } = DefaultUserAgent;

        /// <summary>Use a proxy at all. When true and <see cref="Proxy"/> is null, the system proxy is used.</summary>
        public bool UseProxy { get; set; } = true;

        /// <summary>An explicit proxy (-Proxy); null means the system proxy.</summary>
        public Uri Proxy { get; set; }

        /// <summary>Credentials for <see cref="Proxy"/>; null means none (or the default credentials for the system proxy).</summary>
        public ICredentials ProxyCredentials { get; set; }

        /// <summary>Fetch even what robots.txt disallows (-IgnoreRobots).</summary>
        public bool IgnoreRobots { get; set; }

        /// <summary>
        /// Fetch from any address (-AllowPrivateNetwork). False by default: only public unicast addresses are contacted
        /// (see <see cref="AddressPolicy"/>), so a feed or redirect cannot make the job read an intranet or metadata page.
        /// </summary>
        public bool AllowPrivateNetwork { get; set; }

        /// <summary>Folder of the conditional-request cache (-CachePath); null means <see cref="DefaultCachePath"/>.</summary>
        public string CachePath { get; set; }

        /// <summary>Neither read nor write the on-disk cache (-NoCache).</summary>
        public bool NoCache { get; set; }

        /// <summary>
        /// Largest size of the cache folder, in bytes (-CacheMaxSize): at the end of each run the least recently used
        /// entries are deleted until the rest fit. 0 empties the cache at the end of the run.
        /// </summary>
        public long CacheMaxBytes { get; set; } = DefaultCacheMaxBytes;

        /// <summary>Entries not used (stored or revalidated) for this long are deleted at the end of each run (-CacheMaxAge).</summary>
        public TimeSpan CacheMaxAge { get; set; } = DefaultCacheMaxAge;

        /// <summary>
        /// 256 MB: about ten thousand news pages with their feeds, several weeks of a daily job over the shipped catalog,
        /// while staying small beside a user profile.
        /// </summary>
        public const long DefaultCacheMaxBytes = 256L * 1024 * 1024;

        /// <summary>30 days: feeds list a few days to weeks of entries; a page nobody asked for in a month is not asked for again.</summary>
        public static readonly TimeSpan DefaultCacheMaxAge = TimeSpan.FromDays(30);

        /// <summary>The User-Agent of every AiNews request unless one is given (see <see cref="HttpClientSettings.DefaultUserAgent"/>).</summary>
        public static string DefaultUserAgent => HttpClientSettings.DefaultUserAgent;

        /// <summary>LocalApplicationData/AiNews/cache (on Linux ~/.local/share/AiNews/cache), or the temp folder when there is no profile.</summary>
        public static string DefaultCachePath
        {
            get
            {
                string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                if (string.IsNullOrEmpty(root)) root = Path.GetTempPath();
                return Path.Combine(root, "AiNews", "cache");
            }
        }

        public FetchOptions Clone() => (FetchOptions)MemberwiseClone();

        /// <summary>The HTTP client these options ask for: their proxy and User-Agent, redirects followed by the fetcher itself.</summary>
        internal HttpClientSettings ClientSettings() => new HttpClientSettings
        {
            UseProxy = UseProxy, Proxy = Proxy, ProxyCredentials = ProxyCredentials, UserAgent = UserAgent, FollowRedirects = false,
        };

        internal void Validate()
        {
            if (MaxConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "must be at least 1");
            if (MaxConcurrencyPerHost < 1) throw new ArgumentOutOfRangeException(nameof(MaxConcurrencyPerHost), MaxConcurrencyPerHost, "must be at least 1");
            if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "must be positive");
            if (MaxRetries < 0) throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "must not be negative");
            if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetryBaseDelay), "retry delays must not be negative");
            if (MaxRedirects < 0) throw new ArgumentOutOfRangeException(nameof(MaxRedirects), MaxRedirects, "must not be negative");
            if (CacheMaxBytes < 0) throw new ArgumentOutOfRangeException(nameof(CacheMaxBytes), CacheMaxBytes, "must not be negative");
            if (CacheMaxAge < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(CacheMaxAge), CacheMaxAge, "must not be negative");
            if (MaxResponseBytes < 1) throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "must be positive");
            if (string.IsNullOrWhiteSpace(UserAgent)) throw new ArgumentException("UserAgent must not be empty.", nameof(UserAgent));
            foreach (char c in UserAgent)
                if (char.IsControl(c)) throw new ArgumentException("UserAgent must not contain control characters (CR or LF would inject headers).", nameof(UserAgent));
            if (Proxy != null && !Proxy.IsAbsoluteUri) throw new ArgumentException("Proxy must be an absolute URI.", nameof(Proxy));
        }

        /// <summary>The product token of the User-Agent ("AiNews"), matched against robots.txt user-agent lines.</summary>
        public string RobotsAgent
        {
            get
            {
                string ua = (UserAgent ?? "").Trim();
                int end = 0;
                while (end < ua.Length && ua[end] != '/' && !char.IsWhiteSpace(ua[end])) end++;
                return end == 0 ? "AiNews" : ua.Substring(0, end);
            }
        }
    }
}
