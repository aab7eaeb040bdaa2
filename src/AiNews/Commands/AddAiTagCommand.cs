using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AiNews.Tagging;

namespace AiNews.Commands
{
    /// <summary>
    /// Labels each piped article — main organization, every named organization it discusses, topic tags,
    /// AI relevance and importance — and passes it on, so it sits in the middle of a pipeline.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "AiTag")]
    [OutputType(typeof(Article))]
    public sealed class AddAiTagCommand : AiNewsCmdlet
    {
        private Tagger _tagger;
        private string[] _extraTags = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ArticleTransformation]
        public Article InputObject { get; set; }

        /// <summary>A taxonomy file merged over the shipped one (same names replace; "replace": true uses only the file).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Taxonomy { get; set; }

        /// <summary>Tags added by hand to every article, beside those found.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Tag { get; set; }

        /// <summary>The main organization set by hand (it also joins Organizations when it is a named one).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Organization { get; set; }

        protected override void BeginProcessing()
        {
            Taxonomy taxonomy = LoadTaxonomy(Taxonomy);
            _tagger = new Tagger(taxonomy);
            if (Tag != null)
            {
                _extraTags = Tag.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToArray();
                foreach (string t in _extraTags.Where(t => !taxonomy.Tags.Any(x => x.Name == t)))
                    WriteWarning($"The tag '{t}' is not in the taxonomy; it is added as given.");
            }
            if (Organization != null && !taxonomy.OrganizationLabels.Contains(Organization))
                WriteWarning($"The organization '{Organization}' is neither a named organization nor a bucket of the taxonomy; it is set as given.");
        }

        protected override void ProcessRecord()
        {
            Article a = InputObject;
            if (a == null) return;
            TagResult r = _tagger.Tag(a.Title, a.Content, a.Language);
            ArticleLabels.Set(a, _tagger.Taxonomy, r.IsAiRelated, Organization ?? r.Organization, r.Organizations,
                r.Tags.Concat(_extraTags).Distinct(), r.Importance);
            WriteVerbose($"'{a.Title}': {a.Organization} (subject '{r.Subject}'), tags [{string.Join(", ", a.Tags)}], " +
                         $"AI-related {r.IsAiRelated} (score {r.AiScore}), {a.Importance}.");
            WriteObject(a);
        }
    }
}
