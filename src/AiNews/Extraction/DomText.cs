using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AiNews.Common;

namespace AiNews.Extraction
{
    /// <summary>DOM helpers shared by the steps: visible text, paragraphs, link density.</summary>
    internal static class DomText
    {
        private static readonly HashSet<string> BlockTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
            "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "summary", "caption", "hgroup", "body",
        };

        private static readonly Regex Spaces = new Regex(@"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+", RegexOptions.Compiled);

        // A byte-order mark pasted into the text by a CMS (U+FEFF, "zero width no-break space"): no character, no break.
        private const char ByteOrderMark = '\uFEFF';

        public static bool IsBlock(IElement e) => BlockTags.Contains(e.LocalName);

        /// <summary>Text content with whitespace collapsed and trimmed.</summary>
        public static string Text(INode node)
        {
            if (ReadsTextNodes(node))
            {
                var collapsed = new StringBuilder();
                bool pending = false;
                CollapseTextOf(node, collapsed, ref pending);
                return collapsed.ToString();
            }
            string t = node?.TextContent;
            if (string.IsNullOrEmpty(t)) return string.Empty;
            var sb = new StringBuilder(t.Length);
            bool space = false;
            Collapse(t, sb, ref space);
            return sb.ToString();
        }

        /// <summary>
        /// The length of <see cref="Text"/> (white space collapsed, not removed as in <see cref="TextLength(INode)"/>) and
        /// the commas in it (<see cref="Commas"/>), counted without building the text: the scorer asks this of every block
        /// it scores or judges, nested ones included.
        /// </summary>
        public static int CollapsedLength(INode node, out int commas)
        {
            var count = new CollapsedCount();
            if (ReadsTextNodes(node)) count.AddTextOf(node);
            else count.Add(node?.TextContent ?? string.Empty);
            commas = count.Commas;
            return count.Length;
        }

        // Collapse's rules, counting instead of appending (commas are neither white space nor dropped characters).
        private struct CollapsedCount
        {
            public int Length, Commas;
            private bool _space;

            [MethodImpl(HotPath.Optimized)]
            public void Add(string t)
            {
                foreach (char c in t)
                {
                    if (char.IsWhiteSpace(c) || c == '\u200B') { _space = Length > 0; continue; }
                    if (c == ByteOrderMark) continue;
                    if (_space) { Length++; _space = false; }
                    Length++;
                    if (IsComma(c)) Commas++;
                }
            }

            [MethodImpl(HotPath.Optimized)]
            public void AddTextOf(INode parent)
            {
                var children = parent.ChildNodes;
                for (int i = 0; i < children.Length; i++)
                {
                    var child = children[i];
                    if (child is IText text) Add(text.Data);
                    else if (child.HasChildNodes) AddTextOf(child);
                }
            }
        }

        // White space runs become one space, none at the start; a space still pending at the end is dropped (trimmed).
        [MethodImpl(HotPath.Optimized)]
        private static void Collapse(string t, StringBuilder sb, ref bool space)
        {
            foreach (char c in t)
            {
                if (char.IsWhiteSpace(c) || c == '\u200B') { space = sb.Length > 0; continue; }
                if (c == ByteOrderMark) continue;
                if (space) { sb.Append(' '); space = false; }
                sb.Append(c);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private static void CollapseTextOf(INode parent, StringBuilder sb, ref bool space)
        {
            var children = parent.ChildNodes;
            for (int i = 0; i < children.Length; i++)
            {
                var child = children[i];
                if (child is IText text) Collapse(text.Data, sb, ref space);
                else if (child.HasChildNodes) CollapseTextOf(child, sb, ref space);
            }
        }

        /// <summary>Length of the text without whitespace: what a reader reads.</summary>
        public static int TextLength(INode node)
        {
            if (ReadsTextNodes(node)) return NonWhiteSpaceIn(node);
            string t = node?.TextContent;
            if (string.IsNullOrEmpty(t)) return 0;
            return NonWhiteSpace(t);
        }

        [MethodImpl(HotPath.Optimized)]
        private static int NonWhiteSpace(string t)
        {
            int n = 0;
            foreach (char c in t) if (!char.IsWhiteSpace(c)) n++;
            return n;
        }

        [MethodImpl(HotPath.Optimized)]
        private static int NonWhiteSpaceIn(INode parent)
        {
            int n = 0;
            var children = parent.ChildNodes;
            for (int i = 0; i < children.Length; i++)
            {
                var child = children[i];
                if (child is IText text) n += NonWhiteSpace(text.Data);
                else if (child.HasChildNodes) n += NonWhiteSpaceIn(child);
            }
            return n;
        }

        /// <summary>
        /// An element's text is that of its text nodes in document order (what TextContent joins), so <see cref="Text"/>
        /// and <see cref="TextLength"/>, asked of every candidate and of its links, read those nodes in place instead of
        /// building the subtree's text as one string first (a copy of the page's text per question, through AngleSharp's
        /// locked StringBuilder pool). An &lt;output&gt; may have a value of its own instead: it keeps TextContent.
        /// The walk recurses as deep as the tree, which <see cref="AiNews.Common.HtmlNestingLimiter"/> bounds.
        /// </summary>
        private static bool ReadsTextNodes(INode node) => node is IElement && !(node is IHtmlOutputElement);

        /// <summary>
        /// Whether the node holds any visible (non-white-space) text: <see cref="TextLength"/> &gt; 0, but stopping at the
        /// first character instead of building the text of the whole subtree (asked of every ancestor of a deep chain,
        /// that would be quadratic).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool HasText(INode node)
        {
            if (node == null) return false;
            var pending = new Stack<INode>();
            pending.Push(node);
            while (pending.Count > 0)
            {
                INode current = pending.Pop();
                if (current is IText text)
                {
                    foreach (char c in text.Data) if (!char.IsWhiteSpace(c)) return true;
                    continue;
                }
                var children = current.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--) pending.Push(children[i]);
            }
            return false;
        }

        /// <summary>Share of the element's text that sits inside links (in-page '#' links count 30 %).</summary>
        public static double LinkDensity(IElement e) => LinkDensity(e, TextLength(e));

        /// <summary><see cref="LinkDensity(IElement)"/> of an element whose <see cref="TextLength"/> is known.</summary>
        public static double LinkDensity(IElement e, int total)
        {
            if (total == 0) return 0;
            double links = 0;
            AddLinkText(e, ref links);
            return links / total;
        }

        // The links below the element in document order, as QuerySelectorAll("a") lists them (nested ones too, and the
        // sum in the same order), without building the list and matching a selector per element: asked of every
        // scoring candidate and of every block judged for removal.
        [MethodImpl(HotPath.Optimized)]
        private static void AddLinkText(INode parent, ref double links)
        {
            var children = parent.ChildNodes;
            for (int i = 0; i < children.Length; i++)
            {
                if (!(children[i] is IElement child)) continue;
                if (string.Equals(child.LocalName, "a", StringComparison.OrdinalIgnoreCase))
                {
                    string href = child.GetAttribute("href");
                    double coefficient = href != null && href.Length > 1 && href[0] == '#' ? 0.3 : 1;
                    links += TextLength(child) * coefficient;
                }
                if (child.HasChildNodes) AddLinkText(child, ref links);
            }
        }

        private static bool IsComma(char c) => c == ',' || c == '，' || c == '、' || c == '،' || c == '﹐' || c == '︐';

        [MethodImpl(HotPath.Optimized)]
        public static int Commas(string text)
        {
            int n = 0;
            foreach (char c in text) if (IsComma(c)) n++;
            return n;
        }

        /// <summary>The element as paragraphs: blocks (and list items, headings, table rows) end a paragraph; &lt;br&gt; breaks a line.</summary>
        public static List<string> Paragraphs(IElement root)
        {
            var sb = new StringBuilder();
            Walk(root, sb, false);
            var result = new List<string>();
            var lines = new List<string>();
            foreach (string raw in sb.ToString().Split('\n'))
            {
                string line = Spaces.Replace(raw, " ").Trim();
                // An empty line (a block edge, or <br><br>) ends the paragraph.
                if (line.Length > 0) { lines.Add(line); continue; }
                if (lines.Count > 0) { result.Add(string.Join("\n", lines)); lines.Clear(); }
            }
            if (lines.Count > 0) result.Add(string.Join("\n", lines));
            return result;
        }

        [MethodImpl(HotPath.Optimized)]
        private static void Walk(INode node, StringBuilder sb, bool pre)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    string t = text.Data;
                    if (pre) { sb.Append(t.Replace("\r\n", "\n").Replace("\n\n", "\n")); continue; }
                    bool space = false;
                    foreach (char c in t)
                    {
                        if (c == '\n' || c == '\r' || c == '\t' || c == ' ' || c == '\f') { space = true; continue; }
                        if (c == ByteOrderMark) continue;
                        if (space) { sb.Append(' '); space = false; }
                        sb.Append(c);
                    }
                    if (space) sb.Append(' ');
                    continue;
                }
                if (!(child is IElement e)) continue;
                string tag = e.LocalName;
                if (tag == "br") { sb.Append('\n'); continue; }
                if (tag == "td" || tag == "th") { sb.Append(' '); Walk(e, sb, pre); sb.Append(' '); continue; }
                if (tag == "img") continue;
                bool block = BlockTags.Contains(tag);
                if (block) sb.Append("\n\n");
                Walk(e, sb, pre || tag == "pre");
                if (block) sb.Append("\n\n");
            }
        }

        /// <summary>
        /// The elements below <paramref name="root"/> (not itself) that <paramref name="keep"/> accepts, in document order:
        /// what QuerySelectorAll returns for a selector that <paramref name="keep"/> tests, without matching a parsed
        /// selector against every element (a list of type or attribute selectors is tried part by part).
        /// </summary>
        public static List<IElement> DescendantsWhere(INode root, Func<IElement, bool> keep)
        {
            var found = new List<IElement>();
            AddDescendants(root, keep, found);
            return found;
        }

        [MethodImpl(HotPath.Optimized)]
        private static void AddDescendants(INode parent, Func<IElement, bool> keep, List<IElement> found)
        {
            var children = parent.ChildNodes;
            for (int i = 0; i < children.Length; i++)
            {
                if (!(children[i] is IElement child)) continue;
                if (keep(child)) found.Add(child);
                if (child.HasChildNodes) AddDescendants(child, keep, found);
            }
        }

        /// <summary>All the elements below <paramref name="root"/>, in document order (QuerySelectorAll("*")).</summary>
        public static List<IElement> Descendants(INode root) => DescendantsWhere(root, AnyElement);

        private static readonly Func<IElement, bool> AnyElement = _ => true;

        /// <summary>How many elements below <paramref name="root"/> are <paramref name="tag"/> elements (QuerySelectorAll(tag).Length).</summary>
        [MethodImpl(HotPath.Optimized)]
        public static int CountDescendants(INode root, string tag)
        {
            int n = 0;
            var children = root.ChildNodes;
            for (int i = 0; i < children.Length; i++)
            {
                if (!(children[i] is IElement child)) continue;
                if (string.Equals(child.LocalName, tag, StringComparison.OrdinalIgnoreCase)) n++;
                if (child.HasChildNodes) n += CountDescendants(child, tag);
            }
            return n;
        }

        /// <summary>Whether an element below <paramref name="root"/> is a <paramref name="tag"/> element (QuerySelector(tag) != null).</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool HasDescendant(INode root, string tag)
        {
            var children = root.ChildNodes;
            for (int i = 0; i < children.Length; i++)
            {
                if (!(children[i] is IElement child)) continue;
                if (string.Equals(child.LocalName, tag, StringComparison.OrdinalIgnoreCase)) return true;
                if (child.HasChildNodes && HasDescendant(child, tag)) return true;
            }
            return false;
        }

        /// <summary>Whether <paramref name="node"/> is still attached under <paramref name="root"/>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsInside(INode node, INode root)
        {
            for (var n = node; n != null; n = n.Parent) if (n == root) return true;
            return false;
        }
    }
}
