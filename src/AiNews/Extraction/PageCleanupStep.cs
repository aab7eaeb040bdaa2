using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace AiNews.Extraction
{
    /// <summary>
    /// Removes what never is article text: scripts, styles, embeds, forms controls and hidden elements (hidden blocks
    /// are kept aside, to be put back if they turn out to be inside the story).
    /// </summary>
    public sealed class PageCleanupStep : IExtractionStep
    {
        public const string Junk = "script, style, template, link, meta, iframe, object, embed, canvas, svg, button, input, select, textarea, dialog, nav";

        // The tags of Junk, matched as its type selectors match (any case) by one walk over the page.
        private static readonly HashSet<string> JunkTags = new HashSet<string>(
            Junk.Split(',').Select(tag => tag.Trim()), StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// A &lt;noscript&gt; holding at least this many characters of text is kept (unwrapped), not dropped: a page
        /// rendered by script may carry its story there, and a &lt;noscript&gt; left open by a stray tag swallows the rest
        /// of the page (the parser reads it as markup, as a browser without script does). Shorter ones are
        /// "please enable JavaScript" notes and tracking pixels.
        /// </summary>
        public const int NoscriptKeepLength = 200;

        public void Run(ExtractionContext context)
        {
            var doc = context.Document;
            var root = doc.Body;
            if (root == null) return;
            foreach (var e in DomText.DescendantsWhere(root, x => JunkTags.Contains(x.LocalName))) e.Remove();
            foreach (var e in root.QuerySelectorAll("noscript").ToList())
            {
                if (!DomText.IsInside(e, root)) continue;
                if (DomText.TextLength(e) < NoscriptKeepLength) { e.Remove(); continue; }
                // Several copies of the story (noscript and a script-built one) are judged by the scorer like any other block.
                foreach (var child in e.ChildNodes.ToList()) e.Parent.InsertBefore(child, e);
                e.Remove();
            }
            // [hidden], [aria-hidden='true'], [style]
            foreach (var e in DomText.DescendantsWhere(root, x => x.HasAttribute("hidden") || x.GetAttribute("aria-hidden") == "true" || x.HasAttribute("style")))
            {
                if (!DomText.IsInside(e, root)) continue;   // inside a hidden block taken out already
                if (e.HasAttribute("hidden") || IsHiddenStyle(e.GetAttribute("style"))) { Hide(context, e); continue; }
                // aria-hidden marks decoration (icons, duplicated labels); images inside figures are kept.
                if (e.GetAttribute("aria-hidden") == "true" && !DomText.HasDescendant(e, "img") && e.LocalName != "img") Hide(context, e);
            }
            foreach (var c in root.Descendants<IComment>().ToList()) c.Remove();
        }

        /// <summary>The tag of the empty element left where a hidden block was taken out (see <see cref="ExtractionContext.HiddenBlocks"/>).</summary>
        public const string HiddenPlaceholder = "ainews-hidden";

        /// <summary>
        /// Hidden text is taken out of the page before the scorer reads it (a lightbox gallery, a modal, a mobile menu must
        /// not win), but a hidden block inside the story is the story's own: a collapsed section, a tab, the "read more" part,
        /// which the reader opens with a click and which trafilatura's annotators count as main text. So a hidden block
        /// (an element of <see cref="DomText.IsBlock"/>'s kinds, with text) leaves an empty placeholder in its place, and
        /// <see cref="Restore"/> puts it back when the placeholder ends up inside the located body. Hidden inline elements
        /// (screen-reader labels, the MathML twin of a formula's image, duplicated labels) are alternates of text shown
        /// beside them and are dropped as before.
        /// </summary>
        private static void Hide(ExtractionContext context, IElement e)
        {
            if (!DomText.IsBlock(e) || !DomText.HasText(e)) { e.Remove(); return; }
            string id = context.HiddenBlocks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var placeholder = e.Owner.CreateElement(HiddenPlaceholder);
            placeholder.SetAttribute("data-id", id);
            e.Parent.ReplaceChild(placeholder, e);
            context.HiddenBlocks[id] = e;
        }

        /// <summary>
        /// Puts back, in place, the hidden blocks whose placeholders are inside <paramref name="body"/> (copies: the body
        /// may belong to another copy of the page, and each pass of the scorer restores its own).
        /// </summary>
        internal static void Restore(ExtractionContext context, IElement body)
        {
            if (context.HiddenBlocks.Count == 0) return;
            foreach (var placeholder in body.QuerySelectorAll(HiddenPlaceholder).ToList())
            {
                if (!context.HiddenBlocks.TryGetValue(placeholder.GetAttribute("data-id") ?? "", out INode block)) continue;
                placeholder.Parent.ReplaceChild(body.Owner.Import(block, true), placeholder);
            }
        }

        // Asked of every element with a style attribute, hence made once (not through the static Regex cache).
        private static readonly Regex HiddenStyle = new Regex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.Compiled);

        private static bool IsHiddenStyle(string style) => style != null && HiddenStyle.IsMatch(style);
    }
}
