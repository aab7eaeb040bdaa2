using System.Collections.Generic;

namespace AiNews.Tagging
{
    /// <summary>
    /// One of the buckets (국내 연구기관, 정부, 국내 기업, 해외 기업, 기타) with the words that recognise its members:
    /// whole names, name endings ("연구원", "대학교") and titles of people who act for it ("장관", "대통령").
    /// </summary>
    public sealed class BucketEntry
    {
        public string Name { get; set; }
        public string Kind { get; set; }
        public List<string> Members { get; set; } = new List<string>();
        public List<string> Suffixes { get; set; } = new List<string>();
        public List<string> Titles { get; set; } = new List<string>();
    }
}
