using System;
using System.Collections.Generic;
using AngleSharp.Html.Parser;
using AiNews.Common;

namespace AiNews.Extraction
{
    /// <summary>
    /// Full-text extraction from one HTML page: metadata from structured data and meta tags, the body from
    /// a site rule or the general content scorer, cleaned and turned into plain-text paragraphs.
    /// A pipeline of small <see cref="IExtractionStep"/>s; pass your own list to change it.
    /// Thread-safe: every call works on its own parse of the page.
    /// </summary>
    public sealed class ArticleExtractor
    {
        private readonly IReadOnlyList<Func<IExtractionStep>> _steps;
        private readonly Func<ExtractionRules> _rules;

        /// <summary>The default pipeline with the rules shipped in the module's data folder.</summary>
        public ArticleExtractor() : this(null) { }

        /// <summary>The default pipeline with <paramref name="rules"/> (null: the module's rules file).</summary>
        public ArticleExtractor(ExtractionRules rules)
        {
            _rules = rules != null ? (Func<ExtractionRules>)(() => rules) : () => ExtractionRules.Default;
            _steps = DefaultSteps;
        }

        /// <summary>A custom pipeline; each factory makes a fresh step per page (steps may keep per-page state).</summary>
        public ArticleExtractor(ExtractionRules rules, IEnumerable<Func<IExtractionStep>> steps)
        {
            _rules = rules != null ? (Func<ExtractionRules>)(() => rules) : () => ExtractionRules.Default;
            _steps = new List<Func<IExtractionStep>>(steps ?? throw new ArgumentNullException(nameof(steps)));
        }

        /// <summary>
        /// How long one page may take to parse and extract. Typical pages take 10-100 ms, a 5 MB page about a second;
        /// past this the page is given up (<see cref="ExtractionLimitException"/>) rather than stall the run.
        /// </summary>
        public static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromSeconds(10);

        /// <summary>The time budget of each page (<see cref="DefaultTimeBudget"/> unless set).</summary>
        public TimeSpan TimeBudget { get; set; } = DefaultTimeBudget;

        /// <summary>The steps of the default pipeline, in order.</summary>
        public static IReadOnlyList<Func<IExtractionStep>> DefaultSteps { get; } = new Func<IExtractionStep>[]
        {
            () => new JsonLdStep(),          // structured data first
            () => new MetaTagsStep(),        // OpenGraph, article:*, author, <time>, <title>, lang
            () => new PageCleanupStep(),     // scripts, styles, hidden elements
            () => new SiteRuleStep(),        // known CMS containers (data)
            () => new ContentScoringStep(),  // everything else
            () => new BodyCleanupStep(),     // junk inside the body
            () => new IngredientsStep(),     // a recipe's ingredients beside the body
            () => new LeadStep(),            // the standfirst the scorer left out
            () => new ImagesStep(),
            () => new TextStep(),            // paragraphs, boilerplate lines, JSON-LD fallback
            () => new FallbackStep(),        // never empty when the page holds text
            () => new LanguageStep(),
        };

        /// <summary>
        /// Extracts the article of <paramref name="html"/>; <paramref name="pageUri"/> resolves relative URLs (may be null).
        /// A page read from a file (no URI, or a file: URI) is taken to be at the address it names itself
        /// (link rel=canonical or og:url), so its links resolve and ExtractedPage.PageUri is that address.
        /// </summary>
        public ExtractedPage Extract(string html, Uri pageUri)
        {
            var budget = new ExtractionBudget(TimeBudget);
            html = HtmlNestingLimiter.Limit(html ?? string.Empty, out int dropped);
            var document = budget.Parse(html);
            if (pageUri == null || pageUri.IsFile) pageUri = OwnAddress(document) ?? pageUri;
            var context = new ExtractionContext(document, pageUri, _rules()) { Budget = budget };
            if (dropped > 0)
                context.Page.Notes.Add($"Elements nested deeper than {HtmlNestingLimiter.MaxDepth} levels were flattened ({dropped} start tags ignored).");
            foreach (var step in _steps)
            {
                var instance = step();
                budget.Check("starting " + instance.GetType().Name);
                instance.Run(context);
            }
            return context.Page;
        }

        private static Uri OwnAddress(AngleSharp.Dom.IDocument document)
        {
            string href = document.QuerySelector("link[rel~='canonical' i][href]")?.GetAttribute("href")
                ?? document.QuerySelector("meta[property='og:url' i][content]")?.GetAttribute("content");
            return Uri.TryCreate(href?.Trim(), UriKind.Absolute, out Uri uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri : null;
        }
    }
}
