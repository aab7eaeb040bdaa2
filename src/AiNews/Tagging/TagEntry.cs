using System.Collections.Generic;

namespace AiNews.Tagging
{
    /// <summary>A topic tag with its cue words; strong cues alone make the topic, weak ones need company.</summary>
    public sealed class TagEntry
    {
        public string Name { get; set; }
        public string Description { get; set; }
        public List<string> Cues { get; set; } = new List<string>();
        public List<string> StrongCues { get; set; } = new List<string>();
    }
}
