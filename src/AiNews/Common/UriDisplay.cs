using System;

namespace AiNews.Common
{
    /// <summary>
    /// Addresses as they may appear in error messages, -Verbose and -Debug: a query string can hold an API key or a
    /// feed token (?key=, ?token=, &amp;sig=), and a webhook's path is itself the secret, so neither is ever written out.
    /// </summary>
    public static class UriDisplay
    {
        /// <summary>scheme://host[:port]/path, with "?…" where a query was; no user info, no fragment.</summary>
        public static string WithoutQuery(Uri uri)
        {
            if (uri == null) return string.Empty;
            if (!uri.IsAbsoluteUri) return StripQuery(uri.OriginalString);
            string text = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            return string.IsNullOrEmpty(uri.Query) ? text : text + "?…";
        }

        /// <summary>An address typed by a user (maybe not even a valid URI), without its query.</summary>
        public static string WithoutQuery(string text)
        {
            if (text == null) return string.Empty;
            return Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri uri) ? WithoutQuery(uri) : StripQuery(text);
        }

        /// <summary>scheme://host[:port] only: for addresses whose path is a secret too (webhooks).</summary>
        public static string HostOnly(Uri uri) =>
            uri == null ? string.Empty : uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) : "(a relative address)";

        static string StripQuery(string text)
        {
            int q = text.IndexOf('?');
            return q < 0 ? text : text.Substring(0, q) + "?…";
        }
    }
}
