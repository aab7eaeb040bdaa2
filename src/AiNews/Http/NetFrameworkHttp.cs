using System;
using System.Net;
using System.Net.Http;

namespace AiNews.Http
{
    /// <summary>
    /// What an HttpClient needs on .NET Framework (Windows PowerShell 5.1) to behave as it does on .NET: TLS 1.2 (and
    /// 1.3 where the Framework knows it) offered, and more than two connections per server. HttpClientFactory applies it
    /// to every handler it makes when it runs on .NET Framework; on .NET both are already so and nothing is changed.
    /// </summary>
    public static class NetFrameworkHttp
    {
        /// <summary>
        /// Connections per server on .NET Framework, whose default is 2 per host (and, through a proxy, 2 in all: every
        /// request then goes to the proxy's one ServicePoint). The fetcher's own throttle (FetchOptions.MaxConcurrency and
        /// MaxConcurrencyPerHost) is what limits a run; this only lifts the Framework's cap well above it.
        /// </summary>
        public const int ConnectionsPerServer = 64;

        // SecurityProtocolType.Tls13, which netstandard2.0 does not name; .NET Framework 4.8 knows it, 4.7.2 refuses it.
        private const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;

        // SecurityProtocolType.SystemDefault: the operating system chooses (already TLS 1.2+ on a current Windows).
        private const SecurityProtocolType SystemDefault = 0;

        private static readonly object Gate = new object();

        /// <summary>True on .NET Framework, where HttpClient runs on HttpWebRequest and ServicePointManager.</summary>
        public static bool IsNetFramework { get; } = typeof(object).Assembly.GetName().Name == "mscorlib";

        /// <summary>
        /// Opts the process into TLS 1.2 (and 1.3 when the Framework has it) without removing a protocol another module
        /// chose, raises the default connection limit to at least <see cref="ConnectionsPerServer"/> (never lowers it),
        /// and sets the handler's own limit. Windows PowerShell 5.1 otherwise offers TLS 1.0 only unless the registry says
        /// otherwise, which most HTTPS sites refuse. Called for .NET Framework only; harmless anywhere.
        /// </summary>
        public static void Configure(HttpClientHandler handler)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            lock (Gate)
            {
                SecurityProtocolType protocols = ServicePointManager.SecurityProtocol;
                if (protocols != SystemDefault)
                {
                    ServicePointManager.SecurityProtocol = protocols | SecurityProtocolType.Tls12;
                    try { ServicePointManager.SecurityProtocol |= Tls13; }
                    catch (NotSupportedException) { }   // .NET Framework before 4.8: TLS 1.2 it is
                }
                if (ServicePointManager.DefaultConnectionLimit < ConnectionsPerServer)
                    ServicePointManager.DefaultConnectionLimit = ConnectionsPerServer;
            }
            try { handler.MaxConnectionsPerServer = ConnectionsPerServer; }
            catch (PlatformNotSupportedException) { }   // the ServicePointManager default above already applies
        }
    }
}
