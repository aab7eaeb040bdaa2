using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AiNews.Text;

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

    /// <summary>Site rules (data, see <see cref="ExtractionRules"/>): a known CMS's body container and its junk.</summary>
    public sealed class SiteRuleStep : IExtractionStep
    {
        public void Run(ExtractionContext context)
        {
            if (context.Body != null) return;
            var doc = context.Document;
            foreach (var rule in context.Rules.Sites)
            {
                if (!rule.Match.Any(selector => TryQuery(doc, selector) != null)) continue;
                // The first container with text; else the first one found (a body of images only, e.g. a
                // webtoon, is an empty body, not a reason to guess from the page around it).
                IElement container = null;
                foreach (string selector in rule.Container)
                {
                    var found = TryQuery(doc, selector);
                    if (found == null) continue;
                    if (container == null) container = found;
                    if (DomText.TextLength(found) > 0) { container = found; break; }
                }
                if (container == null) continue;
                foreach (string selector in rule.Remove)
                    foreach (var junk in TryQueryAll(container, selector)) junk.Remove();
                context.Body = container;
                context.SiteRule = rule;
                context.Page.Method = ExtractionMethod.SiteRule;
                context.Page.Rule = rule.Name;
                return;
            }
        }

        internal static IElement TryQuery(IParentNode node, string selector)
        {
            try { return node.QuerySelector(selector); }
            catch (AngleSharp.Dom.DomException) { return null; }
        }

        internal static IEnumerable<IElement> TryQueryAll(IParentNode node, string selector)
        {
            try { return node.QuerySelectorAll(selector).ToList(); }
            catch (AngleSharp.Dom.DomException) { return Enumerable.Empty<IElement>(); }
        }
    }

    /// <summary>
    /// Clean-up inside the located body: the rules file's junk selectors (share buttons, related links,
    /// tag blocks, reporter boxes, newsletter boxes, ads) and captions that only credit the photo.
    /// </summary>
    public sealed class BodyCleanupStep : IExtractionStep
    {
        private static readonly Regex CreditCaption = new Regex(
            @"^[\(\[]?\s*(사진|이미지|그림|자료|출처|제공|photo|image|credit|source)\s*[=:]|^(사진|이미지)\s*[\(\[]|(getty images|shutterstock|reuters|\bap\b|afp|연합뉴스|뉴시스|뉴스1)\s*[\)\]]?$",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>Paragraphs shorter than this that are all link text are dropped as teasers.</summary>
        public const int LinkOnlyMaxLength = 200;

        public void Run(ExtractionContext context)
        {
            var body = context.Body;
            if (body == null) return;
            // Selectors match by class-name fragments; one that hits a wrapper of most of the story
            // ("entry-content-read-more") is wrong about that page, so such a match is left alone.
            int total = DomText.TextLength(body);
            foreach (string selector in context.Rules.Remove)
                foreach (var junk in SiteRuleStep.TryQueryAll(body, selector))
                    if (DomText.IsInside(junk, body) && DomText.TextLength(junk) * 2 <= total) junk.Remove();
            RemoveHeadlineBlock(context);
            foreach (var caption in body.QuerySelectorAll("figcaption, .wp-caption-text, [class*='caption' i]").ToList())
            {
                if (caption.QuerySelector("p") != null && DomText.TextLength(caption) > 300) continue;
                caption.Remove();
            }
            // Captions without markup: a short italic, small or grey line right after an image.
            foreach (var img in body.QuerySelectorAll("img").ToList())
            {
                var next = NextAfterImage(img, body);
                if (next == null || next.QuerySelector("img") != null) continue;
                int length = DomText.TextLength(next);
                if (length == 0 || length > 160 || next.QuerySelector("a") != null) continue;
                // A sentence that ends like one is more likely the story going on in italics than a caption.
                if (Regex.IsMatch(DomText.Text(next), @"[.!?""”]$")) continue;
                bool styled = next.LocalName == "em" || next.LocalName == "i" || next.LocalName == "small"
                    || Regex.IsMatch(next.ClassName ?? "", @"caption|credit|legend|small|gray|grey|muted|note", RegexOptions.IgnoreCase)
                    || next.Children.Length == 1 && next.Children[0].LocalName is string t && (t == "em" || t == "i" || t == "small") && DomText.TextLength(next.Children[0]) == length;
                if (styled) next.Remove();
            }
            // A line of photo credit standing alone as a paragraph.
            foreach (var p in body.QuerySelectorAll("p, span, div, em").ToList())
            {
                if (p.Children.Length > 1) continue;
                string text = DomText.Text(p);
                if (text.Length > 0 && text.Length < 80 && CreditCaption.IsMatch(text)) p.Remove();
            }
            // Paragraphs and list items that are nothing but a link to the same site: teasers of other
            // stories. Links elsewhere (sources, shops, references) are part of what the author wrote.
            foreach (var e in body.QuerySelectorAll("p, li, h2, h3, h4, h5, h6").ToList())
            {
                if (!DomText.IsInside(e, body) || e.QuerySelector("a") == null) continue;
                int length = DomText.TextLength(e);
                if (length > 0 && length < LinkOnlyMaxLength && DomText.LinkDensity(e) > 0.9
                    && e.QuerySelectorAll("a").All(a => IsSameSite(context, a.GetAttribute("href")))) e.Remove();
            }
            // The headline repeated inside the body.
            string title = Normalize(context.Page.Title);
            foreach (var h in body.QuerySelectorAll("h1, h2").ToList())
            {
                string t = Normalize(DomText.Text(h));
                if (t.Length > 0 && (t == title || h.LocalName == "h1" && title.Length > 0 && (title.Contains(t) || t.Contains(title)))) h.Remove();
            }
        }

        // The article's own header inside the body (headline, standfirst, dateline, byline): the headline is
        // not part of the body, and the block around it is metadata that structured data already gave us.
        private static void RemoveHeadlineBlock(ExtractionContext context)
        {
            var body = context.Body;
            foreach (var header in body.QuerySelectorAll("header").ToList())
            {
                if (!DomText.IsInside(header, body)) continue;
                int length = DomText.TextLength(header);
                if (length < 600 && length * 2 < DomText.TextLength(body)) header.Remove();
            }
            string title = Normalize(context.Page.Title);
            if (title.Length == 0) return;
            foreach (var h in body.QuerySelectorAll("h1").ToList())
            {
                string t = Normalize(DomText.Text(h));
                if (t.Length == 0 || !(t == title || title.Contains(t) || t.Contains(title))) continue;
                // Grow to the largest ancestor that still holds only a little text besides the headline and no paragraph of its own.
                IElement block = h;
                for (var parent = h.ParentElement; parent != null && parent != body; parent = parent.ParentElement)
                {
                    if (DomText.TextLength(parent) > DomText.TextLength(h) + 400) break;
                    if (parent.QuerySelectorAll("p").Any(x => DomText.TextLength(x) > 200)) break;
                    block = parent;
                }
                block.Remove();
                break;
            }
        }

        // The element that follows an image: its next sibling, or the next sibling of the nearest wrapper that holds nothing but the image.
        private static IElement NextAfterImage(IElement img, IElement body)
        {
            IElement current = img;
            for (int depth = 0; depth < 4 && current != null && current != body; depth++)
            {
                var next = current.NextElementSibling;
                while (next != null && next.LocalName == "br") next = next.NextElementSibling;
                if (next != null) return next;
                if (next == null && current.ParentElement != null && current.ParentElement != body && DomText.TextLength(current.ParentElement) == DomText.TextLength(current))
                { current = current.ParentElement; continue; }
                return null;
            }
            return null;
        }

        private static bool IsSameSite(ExtractionContext context, string href)
        {
            if (string.IsNullOrWhiteSpace(href)) return true;
            string abs = context.Absolute(href);
            if (abs == null) return true;
            if (context.PageUri == null || !context.PageUri.IsAbsoluteUri) return !Uri.IsWellFormedUriString(href.Trim(), UriKind.Absolute);
            return SiteOf(new Uri(abs).Host) == SiteOf(context.PageUri.Host);
        }

        // The last two labels of a host (three for hosts like news.bbc.co.uk): close enough to a registrable domain.
        private static string SiteOf(string host)
        {
            var labels = host.ToLowerInvariant().Split('.');
            int keep = labels.Length >= 3 && labels[labels.Length - 2].Length <= 3 && labels[labels.Length - 1].Length == 2 ? 3 : 2;
            return string.Join(".", labels.Skip(Math.Max(0, labels.Length - keep)));
        }

        internal static string Normalize(string s) => Regex.Replace(s ?? string.Empty, @"[\W_]+", "").ToLowerInvariant();
    }

    /// <summary>
    /// Turns the body into paragraphs, drops boilerplate lines (copyright, bylines, "관련기사" …) and ends the
    /// body at a stop line; falls back to the JSON-LD articleBody when the markup gave much less.
    /// </summary>
    public sealed class TextStep : IExtractionStep
    {
        private static readonly Regex DoubleEscaped = new Regex(@"&(quot|amp|apos|lt|gt|nbsp|[lr]squo|[lr]dquo|hellip|[mn]dash|#\d{2,5}|#x[0-9a-fA-F]{2,4});", RegexOptions.Compiled);

        public void Run(ExtractionContext context)
        {
            var paragraphs = context.Body == null ? new List<string>() : DomText.Paragraphs(context.Body);
            var boilerplate = context.Rules.BoilerplateLines.Concat(context.SiteRule?.BoilerplateLines ?? Enumerable.Empty<Regex>()).ToList();
            var stops = context.Rules.StopLines.Concat(context.SiteRule?.StopLines ?? Enumerable.Empty<Regex>()).ToList();
            string title = BodyCleanupStep.Normalize(context.Page.Title);
            var kept = new List<string>();
            foreach (string raw in paragraphs)
            {
                // Text escaped twice by the CMS ("&amp;quot;") still shows entities after parsing.
                string paragraph = DoubleEscaped.IsMatch(raw) ? System.Net.WebUtility.HtmlDecode(raw) : raw;
                var lines = new List<string>();
                bool stop = false;
                foreach (string line in paragraph.Split('\n'))
                {
                    if (stops.Any(r => r.IsMatch(line))) { stop = true; break; }
                    if (boilerplate.Any(r => r.IsMatch(line))) continue;
                    lines.Add(line);
                }
                if (lines.Count > 0)
                {
                    string p = string.Join("\n", lines);
                    if (!(kept.Count == 0 && title.Length > 0 && BodyCleanupStep.Normalize(p) == title)) kept.Add(p);
                }
                if (stop) break;
            }
            // A dateline before the first sentence ("(서울=뉴스) 홍길동 기자 = ", "[매체 홍길동 기자] ").
            var prefixes = context.Rules.LeadPrefixes.Concat(context.SiteRule?.LeadPrefixes ?? Enumerable.Empty<Regex>()).ToList();
            if (kept.Count > 0)
            {
                foreach (var prefix in prefixes)
                {
                    var m = prefix.Match(kept[0]);
                    if (m.Success && m.Index == 0 && m.Length > 0 && m.Length < kept[0].Length)
                    {
                        kept[0] = kept[0].Substring(m.Length).TrimStart();
                        break;
                    }
                }
            }
            context.Paragraphs = kept;

            string structured = context.StructuredBody;
            int domLength = kept.Sum(p => p.Length);
            if (!string.IsNullOrWhiteSpace(structured) && IsComplete(structured) && structured.Length > Math.Max(200, domLength * 1.5))
            {
                context.Paragraphs = TextNormalizer.Paragraphs(structured).Select(p => string.Join("\n", p))
                    .Select(p => DoubleEscaped.IsMatch(p) ? System.Net.WebUtility.HtmlDecode(p) : p).ToList();
                context.Page.Method = ExtractionMethod.StructuredData;
            }
            context.Page.Content = string.Join("\n\n", context.Paragraphs);
            if (context.Page.Content.Length == 0) { context.Page.Content = null; context.Page.Method = ExtractionMethod.None; }
        }

        // A teaser ends in an ellipsis; a complete body does not.
        private static bool IsComplete(string body)
        {
            string t = body.TrimEnd();
            return !(t.EndsWith("...", StringComparison.Ordinal) || t.EndsWith("…", StringComparison.Ordinal) || t.EndsWith("[…]", StringComparison.Ordinal));
        }
    }

    /// <summary>Absolute URLs of the body's images (src, lazy-loading attributes, srcset); the lead image when none was declared.</summary>
    public sealed class ImagesStep : IExtractionStep
    {
        private static readonly string[] SourceAttributes = { "data-src", "data-original", "data-lazy-src", "data-url", "src" };

        public void Run(ExtractionContext context)
        {
            var images = new List<string>();
            if (context.Body != null)
            {
                foreach (var img in context.Body.QuerySelectorAll("img, amp-img"))
                {
                    string url = null;
                    // <picture>: the sources are variants of the one image; the first stands in for a missing src.
                    if (img.ParentElement?.LocalName == "picture" && string.IsNullOrWhiteSpace(img.GetAttribute("src")))
                        url = FirstOfSrcset(img.ParentElement.QuerySelector("source[srcset]")?.GetAttribute("srcset"));
                    foreach (string a in SourceAttributes)
                    {
                        if (url != null) break;
                        string v = img.GetAttribute(a);
                        if (!string.IsNullOrWhiteSpace(v) && !v.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase)) { url = v; break; }
                    }
                    url = url ?? FirstOfSrcset(img.GetAttribute("srcset") ?? img.GetAttribute("data-srcset"));
                    string abs = context.Absolute(url);
                    if (abs == null || images.Contains(abs) || IsTracker(img)) continue;
                    images.Add(abs);
                }
            }
            context.Page.Images = images;
            if (context.Page.LeadImage == null && images.Count > 0) context.Page.LeadImage = images[0];
        }

        private static string FirstOfSrcset(string srcset)
        {
            if (string.IsNullOrWhiteSpace(srcset)) return null;
            string first = srcset.Split(',')[0].Trim();
            int space = first.IndexOf(' ');
            return space > 0 ? first.Substring(0, space) : first;
        }

        private static bool IsTracker(IElement img) =>
            (img.GetAttribute("width") == "1" || img.GetAttribute("width") == "0") && (img.GetAttribute("height") == "1" || img.GetAttribute("height") == "0");
    }

    /// <summary>Language: the page's declaration (html lang, og:locale, inLanguage) reduced to its primary tag, else a guess from the body.</summary>
    public sealed class LanguageStep : IExtractionStep
    {
        public void Run(ExtractionContext context)
        {
            string lang = context.Page.Language;
            if (!string.IsNullOrWhiteSpace(lang))
            {
                lang = lang.Trim().Replace('_', '-');
                int dash = lang.IndexOf('-');
                lang = (dash > 0 ? lang.Substring(0, dash) : lang).ToLowerInvariant();
                if (!Regex.IsMatch(lang, "^[a-z]{2,3}$")) lang = null;
            }
            context.Page.Language = lang ?? LanguageGuess.Of(context.Page.Content ?? context.Page.Title);
        }
    }
}
