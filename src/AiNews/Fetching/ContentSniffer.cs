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
