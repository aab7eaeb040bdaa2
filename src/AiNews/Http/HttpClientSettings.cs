using System;
using System.Net;
using System.Reflection;

namespace AiNews.Http
{
    /// <summary>How an AiNews HTTP client connects: its proxy, its User-Agent and whether it follows redirects itself.</summary>
    public sealed class HttpClientSettings
    {
        /// <summary>The User-Agent of every AiNews request unless one is given: it names the module, its version and what it does.</summary>
        public static string DefaultUserAgent { get; } =
            "AiNews/" + (typeof(HttpClientSettings).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0")
            + " (PowerShell AI news digest; reads public feeds and articles; honours robots.txt)";

        /// <summary>Use a proxy at all. When true and <see cref="Proxy"/> is null, the system proxy is used.</summary>
        public bool UseProxy { get; set; } = true;

        /// <summary>An explicit proxy (-Proxy); null means the system proxy.</summary>
        public Uri Proxy { get; set; }

        /// <summary>Credentials for <see cref="Proxy"/>; null means none (or the default credentials for the system proxy).</summary>
        public ICredentials ProxyCredentials { get; set; }

        /// <summary>The User-Agent header sent with every request; null or empty sends none.</summary>
        public string UserAgent { get; set; } = DefaultUserAgent;

        /// <summary>
        /// Let the handler follow redirects. The page fetcher does not (it follows them by hand, checking each hop's
        /// scheme, address and robots.txt); a webhook or an LLM endpoint that moved is followed as any client would.
        /// </summary>
        public bool FollowRedirects { get; set; }
    }
}
