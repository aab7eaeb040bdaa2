using System;
using System.Text;

namespace AiNews.Fetching
{
    /// <summary>
    /// Tells a feed from an HTML page by its first bytes, for a response whose Content-Type does not say (or says
    /// text/html for an RSS feed) and for a local file, which has no Content-Type at all.
    /// </summary>
    public static class ContentSniffer
    {
        /// <summary>
        /// Bytes looked at: a feed's root element or a page's first tags come after at most an XML declaration, a
        /// doctype, a stylesheet instruction and a comment or two, well within 4 KB.
        /// </summary>
        public const int SniffBytes = 4096;

        /// <summary>
        /// What a Content-Type says about a response expected to be <paramref name="kind"/>: true, it is that; false, it
        /// cannot be; null, only the body can tell (no type, octet-stream, text/plain, and the types sites mix up: RSS
        /// served as text/html, a page as XML). Anything goes for <see cref="FetchKind.Any"/>.
        /// </summary>
        public static bool? Accepts(FetchKind kind, string mediaType)
        {
            if (kind == FetchKind.Any) return true;
            if (string.IsNullOrEmpty(mediaType) || mediaType == "application/octet-stream" || mediaType == "text/plain" || mediaType == "binary/octet-stream")
                return null;
            bool xml = mediaType.EndsWith("/xml", StringComparison.Ordinal) || mediaType.EndsWith("+xml", StringComparison.Ordinal);
            bool html = mediaType == "text/html" || mediaType == "application/xhtml+xml";
            if (kind == FetchKind.Feed)
            {
                if (xml) return true;
                if (html) return null; // some sites serve their RSS as text/html
            }
            else if (kind == FetchKind.Html)
            {
                if (html) return true;
                if (xml) return null;
            }
            return false;
        }

        /// <summary>Whether the first bytes look like <paramref name="kind"/> (a feed, or HTML for anything else).</summary>
        public static bool LooksLike(FetchKind kind, byte[] body) => kind == FetchKind.Feed ? LooksLikeFeed(body) : LooksLikeHtml(body);

        /// <summary>A feed's root element (RSS, Atom, RDF) near the start, or an XML document that is not XHTML.</summary>
        public static bool LooksLikeFeed(byte[] body)
        {
            string head = Head(body);
            return head.Contains("<rss") || head.Contains("<feed") || head.Contains("<rdf:rdf") || (head.Contains("<?xml") && !head.Contains("<html"));
        }

        /// <summary>An HTML document or fragment: its root, doctype, head, body or the usual block tags near the start.</summary>
        public static bool LooksLikeHtml(byte[] body)
        {
            string head = Head(body);
            return head.Contains("<html") || head.Contains("<!doctype html") || head.Contains("<head") || head.Contains("<body") || head.Contains("<p") || head.Contains("<div");
        }

        // Lower case; non-ASCII bytes turn into replacement characters, which no marker contains.
        private static string Head(byte[] body) =>
            body == null ? "" : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SniffBytes)).ToLowerInvariant();
    }
}
