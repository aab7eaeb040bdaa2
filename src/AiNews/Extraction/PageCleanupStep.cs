using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace AiNews.Extraction
{
    /// <summary>Removes what never is article text: scripts, styles, embeds, forms controls and hidden elements.</summary>
    public sealed class PageCleanupStep : IExtractionStep
    {
        public const string Junk = "script, style, template, link, meta, iframe, object, embed, canvas, svg, button, input, select, textarea, dialog, nav";

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
            foreach (var e in root.QuerySelectorAll(Junk).ToList()) e.Remove();
            foreach (var e in root.QuerySelectorAll("noscript").ToList())
            {
                if (!DomText.IsInside(e, root)) continue;
                if (DomText.TextLength(e) < NoscriptKeepLength) { e.Remove(); continue; }
                // Several copies of the story (noscript and a script-built one) are judged by the scorer like any other block.
                foreach (var child in e.ChildNodes.ToList()) e.Parent.InsertBefore(child, e);
                e.Remove();
            }
            foreach (var e in root.QuerySelectorAll("[hidden], [aria-hidden='true'], [style]").ToList())
            {
                if (e.HasAttribute("hidden") || IsHiddenStyle(e.GetAttribute("style"))) { e.Remove(); continue; }
                // aria-hidden marks decoration (icons, duplicated labels); images inside figures are kept.
                if (e.GetAttribute("aria-hidden") == "true" && e.QuerySelector("img") == null && e.LocalName != "img") e.Remove();
            }
            foreach (var c in root.Descendants<IComment>().ToList()) c.Remove();
        }

        private static bool IsHiddenStyle(string style) =>
            style != null && Regex.IsMatch(style, @"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase);
    }
}
