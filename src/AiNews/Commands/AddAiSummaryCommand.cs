using System;
using System.Management.Automation;
using AiNews.Summaries;

namespace AiNews.Commands
{
    /// <summary>
    /// Writes a summary into each piped article and passes it on. Offline and free by default: an extractive
    /// summary of the most central sentences of the body.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "AiSummary")]
    [OutputType(typeof(Article))]
    public sealed class AddAiSummaryCommand : AiNewsCmdlet
    {
        private ExtractiveSummarizer _extractive;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ArticleTransformation]
        public Article InputObject { get; set; }

        /// <summary>Sentences in an extractive summary.</summary>
        [Parameter]
        [ValidateRange(1, 20)]
        public int SentenceCount { get; set; } = 3;

        /// <summary>Replace summaries the articles already have (by default only missing ones, and those that merely repeat the title).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            _extractive = new ExtractiveSummarizer { SentenceCount = SentenceCount };
        }

        protected override void ProcessRecord()
        {
            Article a = InputObject;
            if (a == null) return;
            if (!Force && HasOwnSummary(a))
            {
                WriteVerbose($"'{a.Title}' keeps its summary (use -Force to replace it).");
                WriteObject(a);
                return;
            }
            string summary = _extractive.Summarize(a.Title, a.Content);
            if (summary == null)
                WriteVerbose($"'{a.Title}' has no sentence to summarise besides its title; its summary is left as it was.");
            else
                a.Summary = summary;
            WriteObject(a);
        }

        // The old system's failed LLM step wrote the title as the summary: that is no summary.
        internal static bool HasOwnSummary(Article a) =>
            !string.IsNullOrWhiteSpace(a.Summary)
            && !string.Equals(TextNormalizer.SingleLine(a.Summary), TextNormalizer.SingleLine(a.Title), StringComparison.Ordinal);
    }
}
