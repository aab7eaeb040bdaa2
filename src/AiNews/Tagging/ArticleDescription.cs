using System.Collections.Generic;

namespace AiNews.Tagging
{
    /// <summary>
    /// What the rules found in one article: the candidates for its main organization and the evidence for each tag and
    /// for AI relevance, as features. It does not depend on the weights, so training describes each article once.
    /// </summary>
    internal sealed class ArticleDescription
    {
        public List<OrganizationCandidate> Candidates { get; } = new List<OrganizationCandidate>();
        /// <summary>Named organizations with a real presence (in the headline, or enough weighted mentions), strongest first.</summary>
        public List<string> Listed { get; } = new List<string>();
        /// <summary>Per tag of the taxonomy, in its order.</summary>
        public Dictionary<string, FeatureVector> TagFeatures { get; } = new Dictionary<string, FeatureVector>();
        public FeatureVector AiFeatures { get; set; }

        public string Subject { get; set; }
        public double AiScore { get; set; }
        public int TitleAiHits { get; set; }
        public bool TitleHasImportanceCue { get; set; }
        public Dictionary<string, double> OrganizationScores { get; } = new Dictionary<string, double>();
        public Dictionary<string, double> TagScores { get; } = new Dictionary<string, double>();
    }
}
