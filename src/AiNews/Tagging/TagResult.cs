using System.Collections.Generic;

namespace AiNews.Tagging
{
    /// <summary>What the tagger decided for one article, with the evidence kept for -Verbose and the bench.</summary>
    public sealed class TagResult
    {
        public string Organization { get; set; }
        public string[] Organizations { get; set; } = new string[0];
        public string[] Tags { get; set; } = new string[0];
        public bool IsAiRelated { get; set; }
        public string Importance { get; set; }

        /// <summary>The headline's subject as read ("메타", "KAIST 전상훈 교수팀"), or null.</summary>
        public string Subject { get; set; }
        public double AiScore { get; set; }
        public Dictionary<string, double> OrganizationScores { get; } = new Dictionary<string, double>();
        public Dictionary<string, double> TagScores { get; } = new Dictionary<string, double>();
    }
}
