using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Tagging
{
    /// <summary>The taxonomy's word lists turned into matchers, built once per tagger (a user's -Taxonomy included).</summary>
    internal sealed class TaxonomyMatchers
    {
        public TaxonomyMatchers(Taxonomy taxonomy)
        {
            Taxonomy = taxonomy;
            OrgByName = taxonomy.Organizations.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
            Orgs = new TermMatcher(taxonomy.Organizations.SelectMany(o =>
                o.Names.Select(n => new Term(n, o.Name, 1.0, true)).Concat(o.Aliases.Select(a => new Term(a, o.Name, AliasWeight, true)))));
            Buckets = new TermMatcher(taxonomy.Buckets.SelectMany(b => b.Members.Select(m => new Term(m, "bucket:" + b.Kind, 1.0, true))));
            Tags = new TermMatcher(taxonomy.Tags.SelectMany(t =>
                t.StrongCues.Select(c => new Term(c, t.Name, 1.0, false)).Concat(t.Cues.Select(c => new Term(c, t.Name, WeakCueWeight, false)))));
            // A strong Latin cue heading a Korean compound ("AI컴퓨팅") counts half: "AI웹툰" alone makes no AI story.
            Ai = new TermMatcher(taxonomy.AiStrongCues.Select(c => new Term(c, "ai", 1.0, false))
                .Concat(taxonomy.AiCues.Select(c => new Term(c, "ai", WeakAiCueWeight, false)))
                .Concat(taxonomy.AiStrongCues.Where(IsLatinWord).Select(c => new Term(c, "ai", CompoundAiCueWeight, false) { AllowCompound = true })));
            Country = new TermMatcher(taxonomy.ForeignCues.Select(c => new Term(c, "foreign", 1.0, false))
                .Concat(taxonomy.DomesticCues.Select(c => new Term(c, "domestic", 1.0, false))));
            Importance = new TermMatcher(taxonomy.HighImportanceCues.Select(c => new Term(c, "high", 1.0, false)));
            Titles = new HashSet<string>(taxonomy.Buckets.SelectMany(b => b.Titles.Select(t => b.Kind + ":" + t)), StringComparer.OrdinalIgnoreCase);
            foreach (BucketEntry b in taxonomy.Buckets)
                foreach (string s in b.Suffixes) Suffixes.Add(new KeyValuePair<string, string>(s, b.Kind));
            CueWords = new HashSet<string>(
                taxonomy.Tags.SelectMany(t => t.StrongCues.Concat(t.Cues)).Concat(taxonomy.AiStrongCues).Concat(taxonomy.AiCues)
                    .Concat(taxonomy.ForeignCues).Concat(taxonomy.DomesticCues).Where(c => c.IndexOf(' ') < 0),
                StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>A product or person stands for its organization a little less surely than its name.</summary>
        public const double AliasWeight = 0.7;
        /// <summary>A weak tag cue only adds up with others.</summary>
        public const double WeakCueWeight = 0.3;
        public const double WeakAiCueWeight = 0.2;
        public const double CompoundAiCueWeight = 0.5;

        public Taxonomy Taxonomy { get; }
        public Dictionary<string, OrganizationEntry> OrgByName { get; }
        public TermMatcher Orgs { get; }
        public TermMatcher Buckets { get; }
        public TermMatcher Tags { get; }
        public TermMatcher Ai { get; }
        public TermMatcher Country { get; }
        public TermMatcher Importance { get; }
        public HashSet<string> Titles { get; }
        public List<KeyValuePair<string, string>> Suffixes { get; } = new List<KeyValuePair<string, string>>();
        public HashSet<string> CueWords { get; }

        private static bool IsLatinWord(string s) => s.Length > 0 && s.All(Tokenizer.IsLatinOrDigit);
    }
}
