using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AiNews.Common;

namespace AiNews.Digest.Html
{
    /// <summary>
    /// An allowlist over HTML produced from a digest: only the elements a digest uses survive, links keep
    /// only http/https/fragment targets and open safely, and every other element, attribute or URL is
    /// dropped. It is the second wall behind <see cref="MarkdownEscaper"/>: even if text slipped through
    /// the escaper, no script, handler, frame, form, style or javascript:/data: URL reaches the page.
    /// </summary>
    public static class HtmlSanitizer
    {
        private static readonly HashSet<string> Allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ol", "ul", "li", "a", "strong", "b", "em", "i", "del",
            "blockquote", "details", "summary", "code", "pre", "span", "div", "table", "thead", "tbody", "tr", "th", "td",
        };

        // Dropped with everything inside them; other unknown elements are unwrapped (their text stays).
        private static readonly HashSet<string> DroppedWhole = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "select",
            "textarea", "template", "noscript", "svg", "math", "link", "meta", "base", "img", "video", "audio", "source", "canvas",
        };

        /// <summary>The sanitized fragment; <paramref name="prepare"/> may add attributes (ids) before the allowlist runs.</summary>
        public static string Sanitize(string html, Action<IElement> prepare = null)
        {
            var parser = new HtmlParser();
            var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
            var body = document.Body;
            // Raw HTML in a day file reaches here as it is: absurd nesting is cut first, as for a page (the tree builder is
            // quadratic in depth, and Clean recurses as deep as the tree).
            foreach (var node in parser.ParseFragment(HtmlNestingLimiter.Limit(html ?? string.Empty, out _), body).ToArray()) body.AppendChild(node);
            prepare?.Invoke(body);
            Clean(body);
            return body.InnerHtml;
        }

        private static void Clean(IElement parent)
        {
            foreach (INode node in parent.ChildNodes.ToArray())
            {
                if (node is IComment || node is IProcessingInstruction) { node.Parent.RemoveChild(node); continue; }
                if (!(node is IElement element)) continue;
                string name = element.LocalName;
                if (DroppedWhole.Contains(name)) { element.Remove(); continue; }
                Clean(element);
                if (!Allowed.Contains(name))
                {
                    foreach (INode child in element.ChildNodes.ToArray()) element.Parent.InsertBefore(child, element);
                    element.Remove();
                    continue;
                }
                foreach (var attribute in element.Attributes.ToArray())
                {
                    bool keep = (attribute.Name == "id" && name.Length == 2 && name[0] == 'h')
                        || (attribute.Name == "href" && name == "a" && IsSafeHref(attribute.Value))
                        || (attribute.Name == "open" && name == "details");
                    if (!keep) element.RemoveAttribute(attribute.Name);
                }
                if (name == "a" && element.HasAttribute("href") && element.GetAttribute("href").StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    element.SetAttribute("rel", "noopener noreferrer");
                    element.SetAttribute("target", "_blank");
                }
            }
        }

        private static bool IsSafeHref(string href)
        {
            if (string.IsNullOrWhiteSpace(href)) return false;
            string h = href.Trim();
            if (h.StartsWith("#", StringComparison.Ordinal)) return true;
            // A relative link (archive pages linking each other) has no scheme before its first '/', '?' or '#'.
            int colon = h.IndexOf(':'), end = h.IndexOfAny(new[] { '/', '?', '#' });
            if (colon < 0 || (end >= 0 && end < colon)) return !h.StartsWith("//", StringComparison.Ordinal);
            return Uri.TryCreate(h, UriKind.Absolute, out Uri uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        }
    }
}
