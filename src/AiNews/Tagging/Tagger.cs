using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Tagging
{
    /// <summary>
    /// Labels articles from a <see cref="Taxonomy"/>: the organization the story is about, every named organization it
    /// discusses, topic tags, AI relevance and importance.
    /// <para>
    /// Rules find and describe (<see cref="FeatureExtractor"/>: candidates, the headline's subject, where each name and cue
    /// stands); learned weights decide (<see cref="TaggerWeights"/>, trained by <see cref="TaggerTrainer"/> on hand-labelled
    /// articles). A user's extra organizations are candidates with the same features as the shipped ones.
    /// </para>
    /// </summary>
    public sealed class Tagger
    {
        private readonly TaxonomyMatchers _matchers;
        private readonly FeatureExtractor _features;
        private readonly TaggerSettings _settings;
        private readonly TaggerWeights _weights;

        /// <param name="taxonomy">The shipped taxonomy, or it merged with a user's.</param>
        /// <param name="weights">Learned weights; null: the shipped ones.</param>
        /// <param name="settings">Fixed numbers and word lists; null: the shipped ones.</param>
        public Tagger(Taxonomy taxonomy, TaggerWeights weights = null, TaggerSettings settings = null)
            : this(taxonomy, settings)
        {
            _weights = weights ?? TaggerWeights.Default;
        }

        private Tagger(Taxonomy taxonomy, TaggerSettings settings)
        {
            if (taxonomy == null) throw new ArgumentNullException(nameof(taxonomy));
            _settings = settings ?? TaggerSettings.Default;
            _matchers = new TaxonomyMatchers(taxonomy);
            _features = new FeatureExtractor(_matchers, _settings);
        }

        /// <summary>A tagger that only describes articles: training runs before there are weights.</summary>
        internal static Tagger Untrained(Taxonomy taxonomy, TaggerSettings settings) => new Tagger(taxonomy, settings);

        internal TaggerSettings Settings => _settings;

        public Taxonomy Taxonomy => _matchers.Taxonomy;

        /// <summary>Labels one article from its title and body (the article itself is not changed).</summary>
        public TagResult Tag(string title, string content, string language = null) => Decide(Describe(title, content, language), _weights);

        internal ArticleDescription Describe(string title, string content, string language) => _features.Describe(title, content, language);

        internal TagResult Decide(ArticleDescription d, TaggerWeights weights)
        {
            var result = new TagResult { Subject = d.Subject, AiScore = d.AiScore };
            foreach (var kv in d.OrganizationScores) result.OrganizationScores[kv.Key] = kv.Value;
            foreach (var kv in d.TagScores) result.TagScores[kv.Key] = kv.Value;

            string main = MainOrganization(d, weights) ?? Taxonomy.BucketName(Taxonomy.Other);
            var listed = d.Listed.ToList();
            if (_matchers.OrgByName.ContainsKey(main) && !listed.Contains(main)) listed.Insert(0, main);
            result.Organization = main;
            result.Organizations = listed.ToArray();

            // Tags: each tag's probability from its own weights (a user's tag: from its cues alone), the likeliest first.
            var probabilities = TagProbabilities(d, weights);
            result.Tags = probabilities.Where(kv => kv.Value >= weights.TagThreshold)
                .OrderByDescending(kv => kv.Value).Take(_settings.MaxTags).Select(kv => kv.Key).ToArray();

            result.IsAiRelated = AiProbability(d, weights) >= weights.AiThreshold;
            result.Importance = Importance(result, d);
            return result;
        }

        /// <summary>The main organization: the best-scored candidate (the first on a tie: named ones come first, strongest first).</summary>
        internal static string MainOrganization(ArticleDescription d, TaggerWeights weights)
        {
            OrganizationCandidate best = null;
            double bestScore = double.NegativeInfinity;
            foreach (OrganizationCandidate c in d.Candidates)
            {
                double s = c.Features.Dot(weights.Organization);
                if (s > bestScore) { best = c; bestScore = s; }
            }
            return best?.Label;
        }

        internal static List<KeyValuePair<string, double>> TagProbabilities(ArticleDescription d, TaggerWeights weights)
        {
            var list = new List<KeyValuePair<string, double>>();
            foreach (var kv in d.TagFeatures)
            {
                var w = weights.Tags.TryGetValue(kv.Key, out Dictionary<string, double> own) ? own : weights.AnyTag;
                list.Add(new KeyValuePair<string, double>(kv.Key, LogisticRegression.Sigmoid(kv.Value.Dot(w))));
            }
            return list;
        }

        internal static double AiProbability(ArticleDescription d, TaggerWeights weights) => LogisticRegression.Sigmoid(d.AiFeatures.Dot(weights.AiRelevance));

        // An AI story about a named organization, with a weighty headline, several companies or AI in the headline, leads.
        private const int HighImportancePoints = 4;
        // Without a tag and with little AI evidence, a story is background reading.
        private const double LowImportanceAiScore = 8;

        private string Importance(TagResult r, ArticleDescription d)
        {
            if (!r.IsAiRelated) return ImportanceLevel.Low;
            int points = 0;
            if (_matchers.OrgByName.ContainsKey(r.Organization)) points += 2;
            if (d.TitleHasImportanceCue) points++;
            if (r.Organizations.Length >= 2) points++;
            if (d.TitleAiHits > 0) points++;
            if (r.Tags.Length == 0 && r.AiScore < LowImportanceAiScore) return ImportanceLevel.Low;
            return points >= HighImportancePoints ? ImportanceLevel.High : ImportanceLevel.Normal;
        }
    }
}
