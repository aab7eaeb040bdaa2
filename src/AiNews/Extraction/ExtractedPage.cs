using System;
using System.Collections.Generic;

namespace AiNews.Extraction
{

    /// <summary>What <see cref="ArticleExtractor"/> found on one HTML page. Plain values only.</summary>
    public sealed class ExtractedPage
    {
        public Uri PageUri { get; set; }
        public string Title { get; set; }
        public DateTimeOffset? Published { get; set; }
        public string Author { get; set; }

        /// <summary>Absolute URL of the page's main image (og:image, JSON-LD image or the first body image).</summary>
        public string LeadImage { get; set; }

        /// <summary>Absolute URLs of the images inside the body, in document order, without duplicates.</summary>
        public IReadOnlyList<string> Images { get; set; } = Array.Empty<string>();

        /// <summary>Plain-text body without the headline; paragraphs separated by blank lines.</summary>
        public string Content { get; set; }
        public string Language { get; set; }
        public string Description { get; set; }
        public ExtractionMethod Method { get; set; }

        /// <summary>Name of the site rule that matched, when <see cref="Method"/> is <see cref="ExtractionMethod.SiteRule"/>.</summary>
        public string Rule { get; set; }

        /// <summary>What the extractor had to work around on this page (for -Verbose).</summary>
        public List<string> Notes { get; } = new List<string>();

        public override string ToString() => Title ?? PageUri?.ToString() ?? base.ToString();
    }
}
