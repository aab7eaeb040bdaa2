using System;
using System.Collections.Generic;
using AiNews.Common;

namespace AiNews
{
    /// <summary>
    /// One news article as it flows through the pipeline: fetched, enriched, rendered.
    /// Lives in the root namespace so that PowerShell sees the typename <c>AiNews.Article</c>.
    /// </summary>
    public sealed class Article
    {
        public string Title { get; set; }
        public string Url { get; set; }

        /// <summary>
        /// When the article was published; null when unknown. A date outside <see cref="DateRange"/> (before 1990, or
        /// more than two days ahead) is no date: it is stored as null, whichever way it was set (a feed, a page, a
        /// pipeline object, a script), and kept in <see cref="RejectedPublished"/> so that a cmdlet can say so.
        /// </summary>
        public DateTimeOffset? Published
        {
            get => _published;
            set
            {
                RejectedPublished = value.HasValue && !DateRange.Contains(value.Value) ? value : null;
                _published = RejectedPublished.HasValue ? null : value;
            }
        }
        private DateTimeOffset? _published;

        /// <summary>The out-of-range date last given to <see cref="Published"/>, for -Verbose; null when it was in range.</summary>
        internal DateTimeOffset? RejectedPublished { get; private set; }

        /// <summary>Display name of the outlet, e.g. "AI타임스".</summary>
        public string Source { get; set; }

        /// <summary>
        /// Every outlet that carried the story (set by Merge-AiArticle); empty for a single-source article. Reads as
        /// "Name &lt;Url&gt;; ..." in Export-Csv; never null.
        /// </summary>
        public ArticleSourceList Sources { get => _sources; set => _sources = value ?? ArticleSourceList.Empty; }
        private ArticleSourceList _sources = ArticleSourceList.Empty;

        /// <summary>Id of the catalog source the article came from (see Get-AiSource), when known.</summary>
        public string SourceId { get; set; }

        /// <summary>What the source allows (AI processing, excerpt length); later steps honour it.</summary>
        public SourcePolicy Policy { get; set; }
        public string Language { get; set; }
        public string Author { get; set; }

        /// <summary>The one organization the story is mainly about (or a bucket such as "기타").</summary>
        public string Organization { get; set; }

        /// <summary>Every organization the story names; "a; b" in Export-Csv (as <see cref="Tags"/> and <see cref="Images"/>); never null.</summary>
        public TextList Organizations { get => _organizations; set => _organizations = value ?? TextList.Empty; }
        private TextList _organizations = TextList.Empty;

        public TextList Tags { get => _tags; set => _tags = value ?? TextList.Empty; }
        private TextList _tags = TextList.Empty;

        /// <summary>Whether the story is substantively about AI (set by Add-AiTag); null when nobody has judged it yet.</summary>
        public bool? IsAiRelated { get; set; }

        /// <summary>One of <see cref="ImportanceLevel.All"/>.</summary>
        public string Importance { get; set; } = ImportanceLevel.Normal;
        public string Summary { get; set; }

        /// <summary>Plain-text body; paragraphs separated by blank lines.</summary>
        public string Content { get; set; }
        public TextList Images { get => _images; set => _images = value ?? TextList.Empty; }
        private TextList _images = TextList.Empty;

        public override string ToString() => Title ?? Url ?? base.ToString();
    }
}
