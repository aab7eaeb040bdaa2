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
        public const string Junk = "script, style, noscript, template, link, meta, iframe, object, embed, canvas, svg, button, input, select, textarea, dialog, nav";

        public void Run(ExtractionContext context)
        {
            var doc = context.Document;
            var root = doc.Body;
            if (root == null) return;
            foreach (var e in root.QuerySelectorAll(Junk).ToList()) e.Remove();
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
