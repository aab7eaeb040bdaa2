using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace AiNews.Common
{
    /// <summary>
    /// Caps how deep the elements of a page nest before AngleSharp sees it. The HTML tree builder checks the stack of
    /// open elements on every start tag, so a page of 100,000 nested &lt;div&gt; costs time quadratic in its depth
    /// (95 s), and every recursive walk over such a tree risks the stack. Browsers cap the tree too (Chromium at 512 levels).
    /// One linear pass counts open elements; start tags beyond <see cref="MaxDepth"/> are dropped with their end tags
    /// (their content stays, one level up). Pages that stay within the cap are returned unchanged (the same string).
    /// </summary>
    internal static class HtmlNestingLimiter
    {
        /// <summary>
        /// Open elements allowed, as counted by this pass (it ignores elements whose end tag is optional or absent, such
        /// as tr and td, so the tree may be a few times deeper). Real pages stay under 100; Chromium's parser stops at
        /// 512 tree levels. The steps that read the subtree of every element cost depth x page size, hence 256.
        /// </summary>
        public const int MaxDepth = 256;

        private static readonly HashSet<string> Void = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
            "basefont", "bgsound", "frame", "image",
        };

        // Void elements and those whose end tag may be omitted: the tree builder closes them by itself, so counting
        // them would make long lists of unclosed <p> or <li> look deep.
        private static readonly HashSet<string> Uncounted = new HashSet<string>(Void, StringComparer.OrdinalIgnoreCase)
        {
            "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup", "rb", "rt", "rp", "rtc",
            "colgroup", "caption", "html", "head", "body",
        };

        // Elements whose content is text up to their own end tag: tags inside are not tags.
        private static readonly string[] RawText = { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes" };

        /// <summary><paramref name="html"/> with nesting beyond <see cref="MaxDepth"/> removed; <paramref name="dropped"/> counts the start tags removed.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static string Limit(string html, out int dropped)
        {
            dropped = 0;
            if (html == null) return null;
            StringBuilder output = null;
            var droppedByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            int depth = 0, copied = 0, n = html.Length, i = 0;
            while (i < n)
            {
                int lt = html.IndexOf('<', i);
                if (lt < 0 || lt + 1 >= n) break;
                char next = html[lt + 1];
                if (next == '!')
                {
                    // Comments and declarations: skip to their end ("-->" for a comment, '>' otherwise).
                    int end = string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0 ? html.IndexOf("-->", lt + 4, StringComparison.Ordinal) : html.IndexOf('>', lt + 2);
                    if (end < 0) break;
                    i = end + 1;
                    continue;
                }
                bool closing = next == '/';
                int nameStart = closing ? lt + 2 : lt + 1;
                if (nameStart >= n || !IsAsciiLetter(html[nameStart])) { i = lt + 1; continue; }
                int nameEnd = nameStart;
                while (nameEnd < n && !IsTagNameEnd(html[nameEnd])) nameEnd++;
                int tagEnd = TagEnd(html, nameEnd);
                if (tagEnd < 0) break;
                string name = html.Substring(nameStart, nameEnd - nameStart);
                bool drop = false;
                if (closing)
                {
                    if (droppedByName.TryGetValue(name, out int pending) && pending > 0) { droppedByName[name] = pending - 1; drop = true; }
                    else if (!Uncounted.Contains(name) && depth > 0) depth--;
                }
                else
                {
                    int raw = Array.FindIndex(RawText, r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
                    if (raw >= 0)
                    {
                        // Skip the raw text; the element itself opens and closes here, so it does not count.
                        int close = IndexOfIgnoreCase(html, "</" + RawText[raw], tagEnd);
                        if (close < 0) break;
                        i = close + 2;
                        continue;
                    }
                    bool selfClosing = html[tagEnd - 2] == '/';
                    if (!selfClosing && depth >= MaxDepth && !Void.Contains(name))
                    {
                        // At the cap every start tag goes, counted or not: table rows and cells at that depth cost
                        // the tree builder a scan of the whole stack each.
                        drop = true;
                        dropped++;
                        droppedByName[name] = droppedByName.TryGetValue(name, out int d) ? d + 1 : 1;
                    }
                    else if (!selfClosing && !Uncounted.Contains(name)) depth++;
                }
                if (drop)
                {
                    if (output == null) output = new StringBuilder(n);
                    output.Append(html, copied, lt - copied);
                    copied = tagEnd;
                }
                i = tagEnd;
            }
            if (output == null) return html;
            output.Append(html, copied, n - copied);
            return output.ToString();
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsTagNameEnd(char c) => c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';

        /// <summary>Index just after the '>' that ends the tag (quoted attribute values may hold '>'); -1 when it does not end.</summary>
        private static int TagEnd(string html, int from)
        {
            for (int i = from; i < html.Length; i++)
            {
                char c = html[i];
                if (c == '>') return i + 1;
                if ((c == '"' || c == '\'') && i > 0 && html[i - 1] == '=')
                {
                    int close = html.IndexOf(c, i + 1);
                    if (close < 0) return -1;
                    i = close;
                }
            }
            return -1;
        }

        private static int IndexOfIgnoreCase(string html, string what, int from) =>
            html.IndexOf(what, from, StringComparison.OrdinalIgnoreCase);
    }
}
