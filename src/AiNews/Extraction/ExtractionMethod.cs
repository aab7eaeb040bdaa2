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
    }
}
