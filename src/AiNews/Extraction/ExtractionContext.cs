using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace AiNews.Extraction
{
    /// <summary>The state passed along the steps for one page.</summary>
    public sealed class ExtractionContext
    {
        public ExtractionContext(IHtmlDocument document, Uri pageUri, ExtractionRules rules)
        {
            Document = document;
            PageUri = pageUri;
            Rules = rules ?? ExtractionRules.Empty;
            Page = new ExtractedPage { PageUri = pageUri };
        }

        /// <summary>The parsed page; steps may remove nodes from it (it is theirs alone).</summary>
        public IHtmlDocument Document { get; }

        /// <summary>Base for relative URLs (a &lt;base href&gt; in the page takes precedence); may be null.</summary>
        public Uri PageUri { get; }
        public ExtractionRules Rules { get; }

        /// <summary>The result being filled in.</summary>
        public ExtractedPage Page { get; }

        /// <summary>
        /// A copy of the page's body after <see cref="PageCleanupStep"/> (in a document of its own, without the head), kept by
        /// a step that changes the page and may need to read it again (clone it before changing it). A copy, not the markup:
        /// serialising a page with 100,000 siblings is quadratic in AngleSharp.
        /// </summary>
        public IHtmlDocument CleanDocument { get; set; }

        /// <summary>The time budget of this page; steps with loops over the whole page check it as they go.</summary>
        public ExtractionBudget Budget { get; set; } = new ExtractionBudget(ArticleExtractor.DefaultTimeBudget);

        /// <summary>A publication date without an offset, used when no better one turns up.</summary>
        public DateTimeOffset? LooseDate { get; set; }

        /// <summary>
        /// The offset of dates that do not state one: +09:00 on Korean pages (html lang, og:locale or
        /// content-language "ko"), otherwise UTC.
        /// </summary>
        private TimeSpan AssumedOffset
        {
            get
            {
                if (_assumed != null) return _assumed.Value;
                string lang = Document?.DocumentElement?.GetAttribute("lang");
                if (string.IsNullOrWhiteSpace(lang))
                    lang = MetaTagsStep.Meta(Document, "og:locale") ?? Document?.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content");
                _assumed = lang != null && lang.Trim().StartsWith("ko", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromHours(9) : TimeSpan.Zero;
                return _assumed.Value;
            }
        }

        /// <summary>The zone of dates that do not state one: Asia/Seoul on Korean pages, otherwise UTC.</summary>
        public TimeZoneInfo AssumedZone => AssumedOffset == TimeSpan.Zero ? TimeZoneInfo.Utc : KoreanZone.Value;

        private static readonly Lazy<TimeZoneInfo> KoreanZone = new Lazy<TimeZoneInfo>(() =>
            TimeZoneInfo.CreateCustomTimeZone("Korea (no DST)", TimeSpan.FromHours(9), "Korea", "Korea"));

        private TimeSpan? _assumed;

        /// <summary>
        /// Hidden blocks (hidden attribute, display:none, aria-hidden) that <see cref="PageCleanupStep"/> took out of the
        /// page, by the id of the empty placeholder element left in their place: the scorer does not see them, and those
        /// that sit inside the story it picks are put back (see <see cref="PageCleanupStep.Restore"/>).
        /// </summary>
        public Dictionary<string, INode> HiddenBlocks { get; } = new Dictionary<string, INode>(StringComparer.Ordinal);

        /// <summary>The articleBody of the page's JSON-LD, if any.</summary>
        public string StructuredBody { get; set; }

        /// <summary>The element holding the article body, once a step located it.</summary>
        public IElement Body { get; set; }

        /// <summary>The site rule that matched, if any.</summary>
        public SiteRule SiteRule { get; set; }

        /// <summary>The body as paragraphs, once converted to text.</summary>
        public List<string> Paragraphs { get; set; }

        /// <summary>Resolves <paramref name="url"/> against the page (or its &lt;base&gt;); null when impossible.</summary>
        public string Absolute(string url)
        {
            if (string.IsNullOrWhiteSpace(url)) return null;
            url = url.Trim();
            if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) return null;
            if (url.StartsWith("//", StringComparison.Ordinal))
                url = (BaseUri?.Scheme ?? "https") + ":" + url;
            if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && (abs.Scheme == "http" || abs.Scheme == "https")) return abs.AbsoluteUri;
            if (BaseUri != null && Uri.TryCreate(BaseUri, url, out var rel)) return rel.AbsoluteUri;
            return null;
        }

        private Uri _base;
        private bool _baseResolved;

        private Uri BaseUri
        {
            get
            {
                if (_baseResolved) return _base;
                _baseResolved = true;
                _base = PageUri != null && PageUri.IsAbsoluteUri ? PageUri : null;
                string href = Document?.QuerySelector("base[href]")?.GetAttribute("href");
                if (!string.IsNullOrWhiteSpace(href))
                {
                    if (_base != null && Uri.TryCreate(_base, href.Trim(), out var b)) _base = b;
                    else if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var a)) _base = a;
                }
                return _base;
            }
        }
    }
}
