using System;
using System.Globalization;
using System.Net.Sockets;
using AiNews.Common;
using AiNews.Http;

namespace AiNews.Fetching
{
    /// <summary>
    /// The fetch failures the user sees, worded once: each names the address (without its query, which may hold a key),
    /// what happened and what to do about it.
    /// </summary>
    internal static class FetchErrors
    {
        /// <summary>An address as it may appear in messages and logs: without its query.</summary>
        internal static string Show(Uri uri) => UriDisplay.WithoutQuery(uri);

        /// <summary>The id of "could not fetch" for what was asked for.</summary>
        internal static string Unreachable(FetchKind kind) => kind == FetchKind.Feed ? FetchErrorIds.FeedUnreachable : FetchErrorIds.PageUnreachable;

        internal static FetchException InvalidUri(Uri uri) =>
            new FetchException(FetchErrorIds.InvalidUri, uri,
                $"'{(uri != null && uri.IsAbsoluteUri ? Show(uri) : uri?.OriginalString)}' is not an absolute http or https address; give the full address, for example https://www.example.com/rss.xml.");

        internal static FetchException HttpError(FetchRequest request, Uri at, int status, string reason)
        {
            string what = request.Kind == FetchKind.Feed ? "feed" : "page";
            string advice;
            switch (status)
            {
                case 401:
                case 403: advice = $"the site refuses access; it may block automated readers. Check that the {what} is public"; break;
                case 404:
                case 410: advice = $"the {what} is not there (any more). Check the address" + (request.Kind == FetchKind.Feed ? "; the site may have moved its feed" : ""); break;
                default: advice = status >= 500 ? "the server failed; try again later" : "check the address"; break;
            }
            return new FetchException(FetchErrorIds.HttpError, request.Uri, $"{Show(at)} answered HTTP {status} {reason}".TrimEnd() + ": " + advice + ".")
            { StatusCode = status, FinalUri = at };
        }

        internal static FetchException UnexpectedType(FetchRequest request, Uri at, string contentType, string detail)
        {
            string expected = request.Kind == FetchKind.Feed ? "an RSS or Atom feed (XML)" : "an HTML page";
            return new FetchException(FetchErrorIds.UnexpectedContentType, request.Uri,
                $"{Show(at)} is '{contentType ?? "of no stated type"}'{(detail == null ? "" : " " + detail)}, not {expected}; it was skipped. " +
                (request.Kind == FetchKind.Feed ? "Check that the address is the site's feed, not its home page." : "Only HTML articles can be read."))
            { FinalUri = at, StatusCode = 200 };
        }

        internal static FetchException TooLarge(FetchRequest request, Uri at, long maxBytes, string detail)
        {
            bool feed = request.Kind == FetchKind.Feed;
            return new FetchException(feed ? FetchErrorIds.FeedTooLarge : FetchErrorIds.PageTooLarge, request.Uri,
                $"{Show(at)} is larger than the {Size(maxBytes)} limit ({detail}); it was not downloaded further. If the {(feed ? "feed" : "page")} really is that large, raise -MaxResponseBytes.")
            { FinalUri = at, StatusCode = 200 };
        }

        internal static FetchException NetworkUnavailable(FetchRequest request, Uri hop, SocketError code, Exception inner)
        {
            bool noRoute = code == SocketError.NetworkDown || code == SocketError.NetworkUnreachable;
            string what = noRoute
                ? $"the network is unreachable ({Innermost(inner)})"
                : $"its host name {hop.DnsSafeHost} could not be resolved ({Innermost(inner)})";
            return new FetchException(FetchErrorIds.NetworkUnavailable, request.Uri,
                $"Could not fetch {Show(request.Uri)}: {what}. The network or DNS is unavailable, or the name does not exist: " +
                "check the network connection and the address. It was tried once, without retries.", inner)
            { FinalUri = hop, Attempts = 1 };
        }

        internal static FetchException HostUnavailable(FetchRequest request, Uri hop, TimeSpan timeout, Exception inner, int attempts) =>
            new FetchException(FetchErrorIds.HostUnavailable, request.Uri,
                $"{hop.GetLeftPart(UriPartial.Authority)} did not answer {HostCircuitBreaker.ConsecutiveTimeoutsToOpen} requests in a row within " +
                $"{Describe(timeout)} each; its remaining addresses are skipped for this run ({Show(request.Uri)} is one). " +
                "Check whether the site is up, or raise -TimeoutSec if it is only slow.", inner)
            { FinalUri = hop, Attempts = attempts };

        /// <summary>No name resolution or no route: retrying within seconds will not help, and every address of the host fails alike.</summary>
        internal static bool IsNetworkUnavailable(Exception e, out SocketError code)
        {
            for (Exception inner = e; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                {
                    code = socket.SocketErrorCode;
                    switch (code)
                    {
                        case SocketError.HostNotFound:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.NoRecovery:
                        case SocketError.NetworkDown:
                        case SocketError.NetworkUnreachable:
                            return true;
                    }
                    return false;
                }
            }
            code = SocketError.Success;
            return false;
        }

        /// <summary>The message of the innermost exception: the network stack's own words ("Connection refused").</summary>
        internal static string Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e.Message.TrimEnd('.');
        }

        internal static string Describe(TimeSpan t) =>
            t.TotalSeconds >= 120 ? $"{t.TotalMinutes:0.#} min".Replace(',', '.') :
            t.TotalSeconds >= 1 ? string.Format(CultureInfo.InvariantCulture, "{0:0.#} s", t.TotalSeconds) :
            string.Format(CultureInfo.InvariantCulture, "{0:0} ms", t.TotalMilliseconds);

        internal static string Size(long bytes) =>
            bytes >= 1024 * 1024 ? string.Format(CultureInfo.InvariantCulture, "{0:0.#} MB", bytes / 1048576.0) :
            bytes >= 1024 ? string.Format(CultureInfo.InvariantCulture, "{0:0.#} KB", bytes / 1024.0) :
            bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
    }
}
