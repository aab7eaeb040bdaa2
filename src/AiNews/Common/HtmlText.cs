using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AiNews.Text;

namespace AiNews.Common
{
    /// <summary>
    /// HTML to plain text, the way a reader sees it: block elements become paragraphs separated by a blank line, &lt;br&gt;
    /// a line break, runs of whitespace one space, script/style and other invisible content dropped, entities decoded.
    /// </summary>
    public static class HtmlText
    {
        private static readonly HashSet<string> Blocks = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
            "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
        };

        private static readonly HashSet<string> Invisible = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math", "select", "button",
        };

        /// <summary>The text of <paramref name="html"/> (a fragment or a whole page); empty for null or empty input.</summary>
        public static string ToPlainText(string html)
        {
            if (string.IsNullOrEmpty(html)) return string.Empty;
            if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0) return new Writer().Text(html).ToString();
            // The HTML tree builder is quadratic in nesting depth: absurd nesting is cut to what a browser keeps.
            html = HtmlNestingLimiter.Limit(html, out _);
            var parser = new HtmlParser();
            var document = parser.ParseDocument(html);
            var writer = new Writer();
            writer.Walk(document.Body ?? (INode)document.DocumentElement);
            return writer.ToString();
        }

        private const int MaxDepth = 200;

        private static readonly Regex RelativeReference = new Regex(
            @"\b(?:href|src)\s*=\s*[""']?\s*(?![a-z][a-z0-9+.\-]*:|#|[""'])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>
        /// <paramref name="html"/> (a fragment) with relative href and src values made absolute against
        /// <paramref name="baseUri"/>; returned unchanged when there is no base or nothing relative.
        /// </summary>
        public static string ResolveUrls(string html, Uri baseUri)
        {
            if (string.IsNullOrEmpty(html) || baseUri == null || !baseUri.IsAbsoluteUri) return html;
            if (!RelativeReference.IsMatch(html)) return html;
            // Absurdly nested markup is left as it is rather than parsed (the tree builder is quadratic in depth).
            HtmlNestingLimiter.Limit(html, out int dropped);
            if (dropped > 0) return html;
            var document = new HtmlParser().ParseDocument(string.Empty);
            IElement body = document.Body;
            body.InnerHtml = html;
            bool changed = false;
            foreach (IElement element in body.QuerySelectorAll("[href],[src]"))
            {
                foreach (string name in new[] { "href", "src" })
                {
                    string value = element.GetAttribute(name);
                    if (value == null) continue;
                    string trimmed = value.Trim();
                    if (trimmed.Length == 0 || trimmed[0] == '#') continue;
                    if (Uri.TryCreate(trimmed, UriKind.Absolute, out Uri absolute) && !absolute.IsFile) continue;
                    if (Uri.TryCreate(baseUri, trimmed, out Uri resolved))
                    {
                        element.SetAttribute(name, resolved.AbsoluteUri);
                        changed = true;
                    }
                }
            }
            return changed ? body.InnerHtml : html;
        }

        /// <summary>One line of text: <see cref="ToPlainText"/> with line and paragraph breaks turned into spaces.</summary>
        public static string ToSingleLine(string html) => TextNormalizer.SingleLine(ToPlainText(html));

        /// <summary>Escapes text for use as HTML content or a double-quoted attribute value.</summary>
        public static string Escape(string text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            var sb = new StringBuilder(text.Length + 16);
            foreach (char c in text)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '"': sb.Append("&quot;"); break;
                    default: sb.Append(c); break;
                }
            }
            return sb.ToString();
        }

        private sealed class Writer
        {
            private readonly StringBuilder _sb = new StringBuilder();
            private bool _pendingSpace;
            private int _pendingBreak; // 0 none, 1 line break, 2 paragraph break
            private bool _pre;

            private int _depth;

            public void Walk(INode node)
            {
                if (node == null) return;
                if (_depth > MaxDepth)
                {
                    // Absurdly deep markup: its text, without structure, rather than a stack overflow.
                    Text(node.TextContent);
                    return;
                }
                _depth++;
                try { WalkChildren(node); }
                finally { _depth--; }
            }

            private void WalkChildren(INode node)
            {
                foreach (INode child in node.ChildNodes)
                {
                    if (child is IText text) { Text(text.Data); continue; }
                    if (!(child is IElement element)) continue;
                    string name = element.LocalName;
                    if (Invisible.Contains(name)) continue;
                    if (name == "br") { Break(1); continue; }
                    if (name == "td" || name == "th") { _pendingSpace = true; }
                    bool block = Blocks.Contains(name);
                    if (block) Break(2);
                    bool wasPre = _pre;
                    if (name == "pre" || name == "textarea") _pre = true;
                    Walk(element);
                    _pre = wasPre;
                    if (block) Break(2);
                    if (name == "td" || name == "th") _pendingSpace = true;
                }
            }

            public Writer Text(string text)
            {
                foreach (char raw in text)
                {
                    char c = raw == '\u00A0' ? ' ' : raw;
                    if (_pre && c == '\n') { Break(1); continue; }
                    if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
                    {
                        if (_pre && c != '\r') { Flush(); _sb.Append(' '); }
                        else _pendingSpace = true;
                        continue;
                    }
                    if (char.IsControl(c)) continue;
                    Flush();
                    if (_pendingSpace && _sb.Length > 0 && _sb[_sb.Length - 1] != '\n') _sb.Append(' ');
                    _pendingSpace = false;
                    _sb.Append(c);
                }
                return this;
            }

            private void Flush()
            {
                if (_pendingBreak > 0 && _sb.Length > 0)
                {
                    TrimEndSpaces();
                    _sb.Append(_pendingBreak == 2 ? "\n\n" : "\n");
                    _pendingSpace = false;
                }
                _pendingBreak = 0;
            }

            private void Break(int kind)
            {
                if (kind > _pendingBreak) _pendingBreak = kind;
                _pendingSpace = false;
            }

            private void TrimEndSpaces()
            {
                int end = _sb.Length;
                while (end > 0 && _sb[end - 1] == ' ') end--;
                _sb.Length = end;
            }

            public override string ToString()
            {
                TrimEndSpaces();
                // Lines are trimmed, at most one blank line between paragraphs.
                return TextNormalizer.Block(_sb.ToString());
            }
        }
    }
}
