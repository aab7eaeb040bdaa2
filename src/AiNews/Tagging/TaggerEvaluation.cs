using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Tagging
{
    /// <summary>
    /// How predicted labels compare with hand labels: organization accuracy and tag F1 over the AI-related articles (by
    /// their labels), AI-relevance accuracy over all, and the articles that went wrong.
    /// </summary>
    public sealed class TaggerEvaluation
    {
        public int Articles { get; private set; }
        public int AiRelatedArticles { get; private set; }
        public int OrganizationCorrect { get; private set; }
        public int AiCorrect { get; private set; }
        public double OrganizationAccuracy => AiRelatedArticles == 0 ? 0 : (double)OrganizationCorrect / AiRelatedArticles;
        public double AiRelevanceAccuracy => Articles == 0 ? 0 : (double)AiCorrect / Articles;
        public TagFigures AllTags { get; } = new TagFigures();
        public double TagMicroF1 => AllTags.F1;
        public SortedDictionary<string, TagFigures> PerTag { get; } = new SortedDictionary<string, TagFigures>(StringComparer.Ordinal);
        /// <summary>One line per article where a label differs: "id: org=X (label Y); tags -[..] +[..]; ai=..".</summary>
        public List<string> Misses { get; } = new List<string>();

        /// <summary>Counts one article.</summary>
        public void Add(LabelledArticle label, string organization, IEnumerable<string> tags, bool isAiRelated)
        {
            var problems = new List<string>();
            Articles++;
            if (isAiRelated == label.AiRelated) AiCorrect++;
            else problems.Add($"ai={isAiRelated}");
            if (label.AiRelated)
            {
                AiRelatedArticles++;
                if (organization == label.Organization) OrganizationCorrect++;
                else problems.Add($"org={organization} (label {label.Organization})");
                var predicted = new HashSet<string>(tags ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
                var expected = new HashSet<string>(label.Tags, StringComparer.Ordinal);
                foreach (string t in predicted.Union(expected))
                {
                    if (!PerTag.TryGetValue(t, out TagFigures f)) PerTag[t] = f = new TagFigures();
                    bool p = predicted.Contains(t), e = expected.Contains(t);
                    if (p && e) { f.TruePositives++; AllTags.TruePositives++; }
                    else if (p) { f.FalsePositives++; AllTags.FalsePositives++; }
                    else { f.FalseNegatives++; AllTags.FalseNegatives++; }
                }
                var missing = expected.Except(predicted).ToList();
                var extra = predicted.Except(expected).ToList();
                if (missing.Count + extra.Count > 0) problems.Add($"tags -[{string.Join(", ", missing)}] +[{string.Join(", ", extra)}]");
            }
            if (problems.Count > 0) Misses.Add($"{label.Id} {label.Title}\n     {string.Join("; ", problems)}");
        }
    }
}
