using System;
using System.Collections.Generic;

namespace AiNews.Sources
{
    /// <summary>
    /// Turns the parsed JSON of a catalog file (<see cref="Json.Parse"/>) into sources. Member names are matched
    /// exactly, as written in module/data/sources.json ("Id", "FeedUri", "Policy" ...); unknown members are ignored,
    /// so a newer catalog still loads. A value of the wrong kind is a <see cref="FormatException"/> saying which.
    /// </summary>
    internal static class CatalogJson
    {
        /// <summary>The sources of a JSON array (null entries stay null, for the catalog's own checks); null for JSON null.</summary>
        public static List<NewsSource> Sources(object root)
        {
            if (root == null) return null;
            if (!(root is List<object> items)) throw new FormatException("the top level is not an array");
            var sources = new List<NewsSource>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] == null) { sources.Add(null); continue; }
                if (!(items[i] is Dictionary<string, object> o)) throw new FormatException($"entry {i + 1} is not an object");
                string where = $"entry {i + 1}";
                var source = new NewsSource
                {
                    Id = Text(o, "Id", where),
                    Name = Text(o, "Name", where),
                    FeedUri = Text(o, "FeedUri", where),
                    Homepage = Text(o, "Homepage", where),
                    Language = Text(o, "Language", where),
                    TimeZone = Text(o, "TimeZone", where),
                    Default = Flag(o, "Default", where) ?? false,
                };
                if (o.TryGetValue("Policy", out object p) && p != null)
                {
                    if (!(p is Dictionary<string, object> policy)) throw new FormatException($"{where}: 'Policy' is not an object");
                    source.Policy = new SourcePolicy
                    {
                        AllowAiProcessing = Flag(policy, "AllowAiProcessing", where) ?? true,
                        MaxExcerptLength = Whole(policy, "MaxExcerptLength", where),
                        Notice = Text(policy, "Notice", where),
                    };
                }
                sources.Add(source);
            }
            return sources;
        }

        private static string Text(Dictionary<string, object> o, string key, string where)
        {
            if (!o.TryGetValue(key, out object v) || v == null) return null;
            return v as string ?? throw new FormatException($"{where}: '{key}' is not a string");
        }

        private static bool? Flag(Dictionary<string, object> o, string key, string where)
        {
            if (!o.TryGetValue(key, out object v) || v == null) return null;
            return v is bool b ? b : throw new FormatException($"{where}: '{key}' is not true or false");
        }

        private static int? Whole(Dictionary<string, object> o, string key, string where)
        {
            if (!o.TryGetValue(key, out object v) || v == null) return null;
            if (v is double d && d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue) return (int)d;
            throw new FormatException($"{where}: '{key}' is not a whole number");
        }
    }
}
