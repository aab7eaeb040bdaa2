using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AiNews.Stories;

namespace AiNews.Commands
{
    /// <summary>
    /// Finds the same story across outlets and runs and emits one article per story, with every source kept.
    /// </summary>
    [Cmdlet(VerbsData.Merge, "AiArticle")]
    [OutputType(typeof(Article))]
    public sealed class MergeAiArticleCommand : AiNewsCmdlet
    {
        private readonly List<Article> _articles = new List<Article>();

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ArticleTransformation]
        public Article InputObject { get; set; }

        /// <summary>Similarity (0..1) from which two articles count as one story; lower merges more.</summary>
        [Parameter]
        [ValidateRange(0.05, 1.0)]
        public double Threshold { get; set; } = 0.5;

        /// <summary>How far apart in time two reports of one story may be.</summary>
        [Parameter]
        public TimeSpan Window { get; set; } = TimeSpan.FromHours(48);

        protected override void ProcessRecord()
        {
            if (InputObject != null) _articles.Add(InputObject);
        }

        protected override void EndProcessing()
        {
            var grouper = new StoryGrouper { Threshold = Threshold, Window = Window };
            List<List<Article>> stories = grouper.Group(_articles);
            foreach (List<Article> story in stories)
            {
                Article merged = StoryMerger.Merge(story);
                if (story.Count > 1)
                    WriteVerbose($"One story in {story.Count} articles: '{merged.Title}' ({string.Join(", ", merged.Sources.Select(s => s.Name))}).");
                WriteObject(merged);
            }
            WriteVerbose($"{_articles.Count} article(s) in, {stories.Count} story(ies) out.");
        }
    }
}
