using System.Net;
using System.Net.Http;

namespace AiNews.Http
{
    /// <summary>
    /// Makes the HttpClient of each AiNews component (the page fetcher, the webhook sender, the LLM client), so that all
    /// of them take the same proxy, identify themselves alike and leave timeouts to their caller.
    /// </summary>
    /// <remarks>
    /// TLS: the operating system's protocols and certificate checks, unchanged on .NET; on .NET Framework TLS 1.2+ is
    /// added to what the process offers (NetFrameworkHttp). A certificate error is an error; there is
    /// no option to ignore one. Decompression: none by the handler. The fetcher decodes gzip, deflate and br itself (see
    /// Fetching.ContentDecoding) so that its size cap counts decoded bytes; the webhook and LLM clients ask for no
    /// encoding. Cookies: none; no AiNews request needs state from an earlier one.
    /// </remarks>
    public static class HttpClientFactory
    {
        /// <summary>
        /// A client with an infinite HttpClient.Timeout: each caller bounds its attempts with a cancellation token, which
        /// also covers reading the body (HttpClient.Timeout does not). With <paramref name="handler"/> given (tests, custom
        /// transports), it is used as is and disposed with the client.
        /// </summary>
        public static HttpClient Create(HttpClientSettings settings, HttpMessageHandler handler = null)
        {
            settings = settings ?? new HttpClientSettings();
            var client = new HttpClient(handler ?? CreateHandler(settings), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            if (!string.IsNullOrWhiteSpace(settings.UserAgent)) client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", settings.UserAgent);
            return client;
        }

        private static HttpMessageHandler CreateHandler(HttpClientSettings settings)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = settings.FollowRedirects,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                UseProxy = settings.UseProxy,
            };
            if (settings.UseProxy && settings.Proxy != null)
                handler.Proxy = new WebProxy(settings.Proxy) { Credentials = settings.ProxyCredentials };
            else if (settings.UseProxy && settings.ProxyCredentials != null)
                handler.DefaultProxyCredentials = settings.ProxyCredentials;
            // No MaxConnectionsPerServer on .NET (unlimited there): the fetcher's HostThrottle limits requests per host, and
            // through a proxy the handler would count every host as the proxy's, capping the whole run at the per-host limit.
            // .NET Framework caps it at 2 and offers TLS 1.0 only: lifted there (see NetFrameworkHttp).
            if (NetFrameworkHttp.IsNetFramework) NetFrameworkHttp.Configure(handler);
            return handler;
        }
    }
}
