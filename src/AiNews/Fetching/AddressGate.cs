using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using AiNews.Http;

namespace AiNews.Fetching
{
    /// <summary>
    /// Refuses a hop whose host is not a public unicast address (see <see cref="AddressPolicy"/>), before anything is
    /// sent to it. A literal host ("10.0.0.5", "2130706433", "[::ffff:127.0.0.1]") is classified as written; a name is
    /// resolved once per host and run, and every address it resolves to must be public (a name that resolves to one
    /// public and one private address could be connected to either).
    /// </summary>
    /// <remarks>
    /// Residual risk, accepted and documented: netstandard2.0 has no SocketsHttpHandler.ConnectCallback, so the handler
    /// resolves the name again when it connects. A DNS server that answers with a public address to this check and a
    /// private one a moment later (DNS rebinding) can still get one plain-http request through; over https the
    /// private host would also need a valid certificate for the attacker's name. Pinning the checked address with a
    /// Host header was rejected: it breaks https (SNI and certificate names), IPv6/IPv4 fallback and proxies.
    /// Through a proxy the proxy resolves names: a name that does not resolve here is left to the proxy, and only what
    /// does resolve here (and every literal address) is checked.
    /// </remarks>
    internal sealed class AddressGate
    {
        private readonly FetchOptions _options;
        private readonly ConcurrentDictionary<string, Lazy<Task<IPAddress[]>>> _resolved = new ConcurrentDictionary<string, Lazy<Task<IPAddress[]>>>(StringComparer.OrdinalIgnoreCase);

        public AddressGate(FetchOptions options) { _options = options; }

        /// <summary>Returns when <paramref name="hop"/> may be contacted; throws AddressRefused or NetworkUnavailable otherwise.</summary>
        public async Task CheckAsync(FetchRequest request, Uri hop, int redirects, Action<string> skipped, CancellationToken ct)
        {
            if (_options.AllowPrivateNetwork) return;
            if (request.PrivateHost != null && string.Equals(hop.Host, request.PrivateHost, StringComparison.OrdinalIgnoreCase)) return;
            string host = hop.DnsSafeHost;
            IPAddress literal = AddressPolicy.ParseHost(host);
            IPAddress[] addresses;
            if (literal != null) addresses = new[] { literal };
            else
            {
                try
                {
                    // The lookup cannot be cancelled on netstandard2.0: wait for it at most one timeout.
                    Task<IPAddress[]> lookup = ResolveAsync(host);
                    if (await Task.WhenAny(lookup, Task.Delay(_options.Timeout, ct)).ConfigureAwait(false) != lookup)
                    {
                        ct.ThrowIfCancellationRequested();
                        throw new SocketException((int)SocketError.TryAgain);
                    }
                    addresses = await lookup.ConfigureAwait(false);
                }
                catch (SocketException e) when (IsProxied(hop))
                {
                    skipped($"{host} does not resolve here ({e.Message}); the proxy resolves it.");
                    return;
                }
                catch (SocketException e)
                {
                    throw FetchErrors.NetworkUnavailable(request, hop, e.SocketErrorCode, e);
                }
            }
            foreach (IPAddress address in addresses)
            {
                string what = AddressPolicy.Classify(address);
                if (what == null) continue;
                string where = hop.GetLeftPart(UriPartial.Authority);
                string how = literal != null ? $"{where} is {what}" : $"{where} resolves to {address}, {what}";
                string via = redirects > 0 ? $"{FetchErrors.Show(request.Uri)} redirects to {where}; " : "";
                throw new FetchException(FetchErrorIds.AddressRefused, request.Uri,
                    $"{via}{how}. AiNews fetches only public addresses unless told otherwise, so nothing was sent to it. " +
                    "If this is an intranet feed you trust, use -AllowPrivateNetwork (or AllowPrivateNetwork in its catalog entry).")
                { FinalUri = hop };
            }
        }

        // Once per host and run; a failed lookup stays failed for the run (no network, or no such name).
        private Task<IPAddress[]> ResolveAsync(string host) =>
            _resolved.GetOrAdd(host, h => new Lazy<Task<IPAddress[]>>(() => Dns.GetHostAddressesAsync(h))).Value;

        private bool IsProxied(Uri uri)
        {
            if (!_options.UseProxy) return false;
            if (_options.Proxy != null) return true;
            try
            {
                IWebProxy system = WebRequest.DefaultWebProxy;
                if (system == null || system.IsBypassed(uri)) return false;
                Uri proxy = system.GetProxy(uri);
                return proxy != null && proxy != uri;
            }
            catch (Exception e) when (e is InvalidOperationException || e is NotSupportedException || e is PlatformNotSupportedException) { return false; }
        }
    }
}
