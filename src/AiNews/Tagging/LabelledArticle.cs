using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AiNews.Common;

namespace AiNews.Tagging
{
    /// <summary>One hand-labelled article (a line of labels/*.jsonl; fields as in the labelling guide).</summary>
    public sealed class LabelledArticle
    {
        public int Id { get; set; }
        public string Title { get; set; }
        public string Text { get; set; }
        public bool AiRelated { get; set; }
        public string Organization { get; set; }
        public string[] Organizations { get; set; } = new string[0];
        public string[] Tags { get; set; } = new string[0];
        /// <summary>What the old keyword system wrote into the archive (old_org/old_tags), for comparison.</summary>
        public string OldOrganization { get; set; }
        public string[] OldTags { get; set; } = new string[0];

        /// <summary>Reads a JSONL file of labels; a line that is not a labelled article stops with its line number.</summary>
        /// <exception cref="ModuleDataException">The file cannot be read or a line is wrong.</exception>
        public static List<LabelledArticle> Load(string path) => ModuleData.Load(path, text =>
        {
            var list = new List<LabelledArticle>();
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                if (!(Json.Parse(lines[i]) is Dictionary<string, object> o) || !(Json.Number(o, "id") is double id))
                    throw new InvalidDataException($"Line {i + 1} of '{path}' is not a labelled article with an id.");
                list.Add(new LabelledArticle
                {
                    Id = (int)id,
                    Title = Json.String(o, "title") ?? string.Empty,
                    Text = Json.String(o, "text") ?? string.Empty,
                    AiRelated = Json.Get(o, "ai_related") is bool b && b,
                    Organization = Json.String(o, "org"),
                    Organizations = Json.Strings(o, "orgs").ToArray(),
                    Tags = Json.Strings(o, "tags").ToArray(),
                    OldOrganization = Json.String(o, "old_org"),
                    OldTags = Json.Strings(o, "old_tags").ToArray(),
                });
            }
            return list;
        });
    }
}
