using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AiNews.Common;
using AiNews.Text;

namespace AiNews.Extraction
{
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
                    if (AnyMatches(stops, line)) { stop = true; break; }
                    if (AnyMatches(boilerplate, line)) continue;
                    lines.Add(line);
                }
                if (lines.Count > 0)
                {
                    kept.Add(string.Join("\n", lines));
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
            TrimEdges(kept, title);
            DropCreditedParagraphs(kept);
            DropBreadcrumbs(kept);
            PrependShownDescription(context, kept);
            context.Paragraphs = kept;

            string structured = context.StructuredBody;
            int domLength = kept.Sum(p => p.Length);
            if (!string.IsNullOrWhiteSpace(structured) && IsComplete(structured) && structured.Length > Math.Max(200, domLength * 1.5))
            {
                context.Paragraphs = TextNormalizer.Paragraphs(structured).Select(p => string.Join("\n", p))
                    .Select(p => DoubleEscaped.IsMatch(p) ? System.Net.WebUtility.HtmlDecode(p) : p).ToList();
                context.Page.Method = ExtractionMethod.StructuredData;
            }
            context.Page.Content = Composed(string.Join("\n\n", context.Paragraphs));
            if (context.Page.Content.Length == 0) { context.Page.Content = null; context.Page.Method = ExtractionMethod.None; }
        }

        /// <summary>
        /// The page's description (og:description, meta description, JSON-LD description) shown on the page has at least
        /// this many characters to count as the story's standfirst; shorter ones are one-line deks that restate the
        /// headline, which aeb-dev's ground truth leaves out (as <see cref="LeadStep.MinLength"/>).
        /// </summary>
        public const int ShownDescriptionMinLength = LeadStep.MinLength;

        /// <summary>
        /// How many characters of the description (from its start, normalized) are looked for in the body and on the
        /// page: descriptions are often cut short with "…" or end differently from the paragraph they come from.
        /// </summary>
        public const int DescriptionProbeLength = 60;

        /// <summary>
        /// A standfirst the scorer and <see cref="LeadStep"/> left out (in a header box away from the headline, or on a
        /// product, recipe or event page made of short blocks) is often the page's own description: when the description
        /// is long enough, is shown as text on the page, and the body does not hold it, it goes in front of the body.
        /// A description that is only in the page's meta tags (SEO text, never shown) is not used.
        /// </summary>
        private static void PrependShownDescription(ExtractionContext context, List<string> kept)
        {
            string description = context.Page.Description?.Trim();
            if (context.SiteRule != null || kept.Count == 0 || description == null || description.Length < ShownDescriptionMinLength) return;
            string normalized = BodyCleanupStep.Normalize(description);
            string probe = normalized.Length > DescriptionProbeLength ? normalized.Substring(0, DescriptionProbeLength) : normalized;
            if (probe.Length == 0 || BodyCleanupStep.Normalize(string.Join(" ", kept)).Contains(probe)) return;
            var page = (context.CleanDocument ?? context.Document)?.Body;
            if (page == null || !BodyCleanupStep.Normalize(DomText.Text(page)).Contains(probe)) return;
            kept.Insert(0, description);
            context.Page.Notes.Add("The page's description, shown on the page outside the located body, was put in front of it as its standfirst.");
        }

        /// <summary>
        /// A body ends with the story's last sentence: short lines after it that do not end like a sentence are the
        /// page's furniture around the story (section labels, "more on this" headings, sharing prompts, dates, credits).
        /// </summary>
        public const int TrailingLineMaxLength = 100;

        /// <summary>
        /// ... unless there are more of them than this: a longer run of short lines at the end is a list the story ends
        /// with (items, dates, prices), not furniture.
        /// </summary>
        public const int TrailingMaxParagraphs = 3;

        /// <summary>The same at the start, with a tighter bound (a kicker or category label before the first sentence).</summary>
        public const int LeadingLineMaxLength = 20;

        /// <summary>
        /// Among the first <see cref="LeadingDateLineWindow"/> paragraphs, a line shorter than this that holds a date in
        /// digits (23.10.2018, 2021-10-16, 10/23/2018, 2. Februar 2022) and does not end like a sentence is the page's
        /// dateline ("Published: ...", "date | section"), not the story: any language writes its dates in digits.
        /// </summary>
        public const int LeadingDateLineMaxLength = 60;

        /// <summary>How many paragraphs at the start are looked at for a dateline.</summary>
        public const int LeadingDateLineWindow = 3;

        // Every line of every page is tried against the rules' line patterns.
        [MethodImpl(HotPath.Optimized)]
        private static bool AnyMatches(List<Regex> patterns, string line)
        {
            foreach (var pattern in patterns) if (pattern.IsMatch(line)) return true;
            return false;
        }

        private static readonly Regex NumericDate = new Regex(
            @"\b(\d{1,2}[./-]\s?\d{1,2}[./-]\s?(\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4})\b",
            RegexOptions.Compiled);

        private static readonly Regex SentenceEnd = new Regex(@"[.!?…""”»)]$", RegexOptions.Compiled);

        /// <summary>
        /// A paragraph that follows a paragraph of the same text is shown once (a standfirst in the article's header and
        /// again at the top of its text, a caption under its own copy) when it has at least this many letters and
        /// digits: shorter repeats are table cells and list values ("Yes", "2", "N/A") that mean something twice.
        /// </summary>
        public const int RepeatMinLength = 20;

        // Furniture at both edges of the body, the headline repeated at its top (after kicker labels such as "Tech",
        // "News"), repeated paragraphs, and a dateline near the top.
        private static void TrimEdges(List<string> paragraphs, string title)
        {
            int trailing = 0;
            while (trailing < paragraphs.Count - 1 && IsFurniture(paragraphs[paragraphs.Count - 1 - trailing], TrailingLineMaxLength)
                && !IsLineList(paragraphs[paragraphs.Count - 1 - trailing])) trailing++;
            if (trailing <= TrailingMaxParagraphs) paragraphs.RemoveRange(paragraphs.Count - trailing, trailing);
            while (paragraphs.Count > 1 && (IsFurniture(paragraphs[0], LeadingLineMaxLength)
                || (title.Length > 0 && BodyCleanupStep.Normalize(paragraphs[0]) == title))) paragraphs.RemoveAt(0);
            // Each paragraph is normalized once: the one before is the next one looked at (a removal does not move it).
            string known = null;
            for (int i = paragraphs.Count - 1; i > 0; i--)
            {
                string normalized = known ?? BodyCleanupStep.Normalize(paragraphs[i]);
                known = null;
                if (normalized.Length < RepeatMinLength) continue;
                string previous = BodyCleanupStep.Normalize(paragraphs[i - 1]);
                if (normalized == previous) paragraphs.RemoveAt(i);
                known = previous;
            }
            for (int i = Math.Min(LeadingDateLineWindow, paragraphs.Count - 1) - 1; i >= 0; i--)
                if (IsFurniture(paragraphs[i], LeadingDateLineMaxLength) && NumericDate.IsMatch(paragraphs[i])) paragraphs.RemoveAt(i);
        }

        /// <summary>
        /// A paragraph of at most this many characters that ends in a copyright credit ("… | © Photographer/Agency",
        /// "…© Name/site.de") is a picture's caption or credit line, not the story: the © sign names who owns an image,
        /// and a caption is short. Captions with markup go in <see cref="BodyCleanupStep"/>; these come without it.
        /// </summary>
        public const int CreditedParagraphMaxLength = 250;

        /// <summary>... and the credit, from the © sign to the paragraph's end, holds at most this many characters (a name).</summary>
        public const int CreditMaxLength = 60;

        // Paragraphs that end in a © credit (see CreditedParagraphMaxLength); the body keeps at least one paragraph.
        private static void DropCreditedParagraphs(List<string> paragraphs)
        {
            for (int i = paragraphs.Count - 1; i >= 0 && paragraphs.Count > 1; i--)
            {
                string paragraph = paragraphs[i].TrimEnd();
                int credit = paragraph.LastIndexOf('©');
                if (credit >= 0 && paragraph.Length <= CreditedParagraphMaxLength && paragraph.Length - credit <= CreditMaxLength)
                    paragraphs.RemoveAt(i);
            }
        }

        /// <summary>
        /// Among the first <see cref="LeadingDateLineWindow"/> paragraphs, a single line of at most this many characters
        /// that holds at least <see cref="BreadcrumbMinSeparators"/> path separators standing alone ("Home > Blog > Story",
        /// "News » Region » …") is the page's breadcrumb trail left without a telling class, not the story.
        /// </summary>
        public const int BreadcrumbMaxLength = 200;

        /// <summary>Separators a breadcrumb line holds at least (two: three levels; one "a > b" can be prose or a formula).</summary>
        public const int BreadcrumbMinSeparators = 2;

        // A path separator of a breadcrumb trail: >, » or › with space (or the line's edge) on both sides.
        private static readonly Regex BreadcrumbSeparator = new Regex(@"(^|\s)[>»›](\s|$)", RegexOptions.Compiled);

        // Breadcrumb lines near the top of the body (see BreadcrumbMaxLength).
        private static void DropBreadcrumbs(List<string> paragraphs)
        {
            for (int i = Math.Min(LeadingDateLineWindow, paragraphs.Count - 1) - 1; i >= 0; i--)
            {
                string paragraph = paragraphs[i].Trim();
                if (paragraph.Length <= BreadcrumbMaxLength && paragraph.IndexOf('\n') < 0
                    && BreadcrumbSeparator.Matches(paragraph).Count >= BreadcrumbMinSeparators) paragraphs.RemoveAt(i);
            }
        }

        private static bool IsFurniture(string paragraph, int maxLength) =>
            paragraph.Length < maxLength && !SentenceEnd.IsMatch(paragraph.TrimEnd()) && !EmoticonEnd.IsMatch(paragraph.TrimEnd());

        /// <summary>
        /// A line that ends in an emoji or an emoticon (😉, ♥, :-), &lt;3) ends like a sentence of chatty prose (a blog post's
        /// last words), not like a label: furniture (section names, "more on this", credits) does not wink.
        /// </summary>
        private static readonly Regex EmoticonEnd = new Regex(
            @"(\uD83C[\uDF00-\uDFFF]|\uD83D[\uDC00-\uDEFF]|\uD83E[\uDD00-\uDEFF]|[\u2639\u263A\u2665\u2764])\uFE0F?$|(^|\s)([:;]-?[)D(P]|<3|\^\^)$",
            RegexOptions.Compiled);

        /// <summary>
        /// A paragraph of at least this many lines (broken by &lt;br&gt;) at the end of the body is a list the story ends with
        /// (years with titles, places with directions, an address), not furniture: it ends the run of short lines that
        /// <see cref="TrimEdges"/> drops at the end. Furniture there comes as separate blocks (labels, links, headings).
        /// </summary>
        public const int TrailingLineListMinLines = 2;

        private static bool IsLineList(string paragraph) => paragraph.Split('\n').Length >= TrailingLineListMinLines;

        /// <summary>
        /// The text in Unicode's composed form (NFC): pages write some letters both ways (Bengali য় as one code point or
        /// as য + nukta, Hangul as syllables or jamo), and the same words must compare, search and count the same.
        /// </summary>
        internal static string Composed(string text) =>
            string.IsNullOrEmpty(text) || text.IsNormalized(System.Text.NormalizationForm.FormC) ? text : text.Normalize(System.Text.NormalizationForm.FormC);

        // A teaser ends in an ellipsis; a complete body does not.
        private static bool IsComplete(string body)
        {
            string t = body.TrimEnd();
            return !(t.EndsWith("...", StringComparison.Ordinal) || t.EndsWith("…", StringComparison.Ordinal) || t.EndsWith("[…]", StringComparison.Ordinal));
        }
    }
}
