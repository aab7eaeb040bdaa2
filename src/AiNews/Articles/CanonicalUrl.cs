using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Articles
{
    /// <summary>
    /// The identity of an article's URL: two URLs with the same key are the same page. Ignores scheme,
    /// "www."/"m." hosts, default ports, fragments, trailing slashes, tracking parameters and parameter
    /// order; for the Korean news CMS whose pages are "articleView.html?idxno=N", only idxno counts.
    /// </summary>
    public static class CanonicalUrl
    {
        private static readonly HashSet<string> TrackingParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "ref", "ref_src",
            "cmpid", "ncid", "sr_share", "spm", "from", "source", "rss", "feed", "output", "replyAll", "reply_sc_order_by",
        };

        /// <summary>The comparison key of a URL; the trimmed text itself when it is not an absolute http(s) URL.</summary>
        public static string Key(string url)
        {
            if (string.IsNullOrWhiteSpace(url)) return string.Empty;
            string text = url.Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                return text;

            string host = uri.IdnHost.ToLowerInvariant();
            if (host.StartsWith("www.", StringComparison.Ordinal)) host = host.Substring(4);
            else if (host.StartsWith("m.", StringComparison.Ordinal)) host = host.Substring(2);
            string port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port;

            string path = uri.AbsolutePath;
            if (path.Length > 1 && path.EndsWith("/", StringComparison.Ordinal)) path = path.TrimEnd('/');

            var parameters = new List<KeyValuePair<string, string>>();
            foreach (string pair in uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=');
                string name = Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq));
                string value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
                if (name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name)) continue;
                parameters.Add(new KeyValuePair<string, string>(name, value));
            }
            var idxno = parameters.Where(p => string.Equals(p.Key, "idxno", StringComparison.OrdinalIgnoreCase)).ToList();
            if (idxno.Count > 0) parameters = idxno;

            string query = string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value));
            return host + port + path + (query.Length > 0 ? "?" + query : string.Empty);
        }
    }
}
