using System.Collections.Generic;

namespace AiNews.Tagging
{
    /// <summary>A named organization of the taxonomy (OpenAI ... Tesla) with the words that point at it.</summary>
    public sealed class OrganizationEntry
    {
        public string Name { get; set; }
        /// <summary>"KR" or another country code: decides 국내/해외 when a story's subject is an affiliate.</summary>
        public string Country { get; set; }
        /// <summary>Korean and English names: full weight.</summary>
        public List<string> Names { get; set; } = new List<string>();
        /// <summary>Products, subsidiaries and people that stand for the organization: somewhat less weight.</summary>
        public List<string> Aliases { get; set; } = new List<string>();
    }
}
