namespace AiNews.Extraction
{
    /// <summary>Which step produced <see cref="ExtractedPage.Content"/>.</summary>
    public enum ExtractionMethod
    {
        /// <summary>No body was found.</summary>
        None = 0,
        /// <summary>The articleBody of the page's JSON-LD (used when the markup gave less).</summary>
        StructuredData,
        /// <summary>A site rule of the rules file (e.g. the Korean news CMS) located the body container.</summary>
        SiteRule,
        /// <summary>The general content-scoring extractor.</summary>
        ContentScoring,
        /// <summary>No block won; the page's longest run of paragraphs (FallbackStep).</summary>
        ParagraphRun,
        /// <summary>The page holds no paragraph of text; its og:description or meta description (FallbackStep).</summary>
        Description,
    }
}
