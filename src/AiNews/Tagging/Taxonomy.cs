using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AiNews.Common;

namespace AiNews.Tagging
{
    /// <summary>
    /// The labels and the words behind them, read from JSON (module/data/taxonomy.json, schema in docs/taxonomy.md).
    /// </summary>
    public sealed class Taxonomy
    {
        public const string FileName = "taxonomy.json";

        public List<OrganizationEntry> Organizations { get; } = new List<OrganizationEntry>();
        public List<TagEntry> Tags { get; } = new List<TagEntry>();
        public List<BucketEntry> Buckets { get; } = new List<BucketEntry>();
        public List<string> AiCues { get; } = new List<string>();
        public List<string> AiStrongCues { get; } = new List<string>();
        public List<string> ForeignCues { get; } = new List<string>();
        public List<string> DomesticCues { get; } = new List<string>();
        public List<string> HighImportanceCues { get; } = new List<string>();

        public const string Government = "government", Research = "research", Domestic = "domestic", Foreign = "foreign", Other = "other";

        public BucketEntry Bucket(string kind) => Buckets.FirstOrDefault(b => string.Equals(b.Kind, kind, StringComparison.OrdinalIgnoreCase));
        public string BucketName(string kind) => Bucket(kind)?.Name ?? DefaultBucketNames[kind];

        private static readonly Dictionary<string, string> DefaultBucketNames = new Dictionary<string, string>
        {
            [Government] = "정부", [Research] = "국내 연구기관", [Domestic] = "국내 기업", [Foreign] = "해외 기업", [Other] = "기타",
        };

        /// <summary>Every label an article may carry as Organization: the named organizations, then the buckets.</summary>
        public IEnumerable<string> OrganizationLabels =>
            Organizations.Select(o => o.Name).Concat(new[] { Research, Government, Domestic, Foreign, Other }.Select(BucketName));

        private static readonly Lazy<Taxonomy> _default = new Lazy<Taxonomy>(() => Load(DefaultPath));

        /// <summary>The shipped taxonomy, read once on first use from &lt;dll dir&gt;/../data/taxonomy.json.</summary>
        /// <exception cref="ModuleDataException">The file is missing or wrong.</exception>
        public static Taxonomy Default => _default.Value;

        /// <summary>module/data/taxonomy.json, found beside the assembly's folder like every shipped data file.</summary>
        public static string DefaultPath => ModuleData.PathOf(FileName);

        /// <exception cref="ModuleDataException">The file cannot be read or does not follow the schema; the message says where.</exception>
        public static Taxonomy Load(string path) => ModuleData.Load(path, text => Parse(text, path));

        /// <summary>Reads a taxonomy from JSON text; throws <see cref="FormatException"/> naming <paramref name="origin"/> on bad input.</summary>
        public static Taxonomy Parse(string json, string origin = "taxonomy")
        {
            var t = new Taxonomy();
            t.MergeJson(json, origin);
            return t;
        }

        /// <summary>A copy of this taxonomy with another file's entries merged in (same name: the file's entry wins).</summary>
        /// <exception cref="ModuleDataException">The file cannot be read or does not follow the schema.</exception>
        public Taxonomy MergedWith(string path)
        {
            var copy = new Taxonomy();
            copy.Organizations.AddRange(Organizations);
            copy.Tags.AddRange(Tags);
            copy.Buckets.AddRange(Buckets);
            copy.AiCues.AddRange(AiCues);
            copy.AiStrongCues.AddRange(AiStrongCues);
            copy.ForeignCues.AddRange(ForeignCues);
            copy.DomesticCues.AddRange(DomesticCues);
            copy.HighImportanceCues.AddRange(HighImportanceCues);
            return ModuleData.Load(path, text => { copy.MergeJson(text, path); return copy; });
        }

        private void MergeJson(string json, string origin)
        {
            Dictionary<string, object> root;
            try { root = Json.Parse(json) as Dictionary<string, object>; }
            catch (JsonSyntaxException e) { throw new JsonSyntaxException($"The taxonomy '{origin}' is not valid JSON: {e.Message}", e.Offset); }
            if (root == null) throw new FormatException($"The taxonomy '{origin}' must be a JSON object.");
            if (root.TryGetValue("replace", out object r) && r is bool replace && replace)
            {
                Organizations.Clear(); Tags.Clear(); Buckets.Clear(); AiCues.Clear(); AiStrongCues.Clear();
                ForeignCues.Clear(); DomesticCues.Clear(); HighImportanceCues.Clear();
            }

            foreach (var o in Objects(root, "organizations", origin))
            {
                var entry = new OrganizationEntry
                {
                    Name = Required(o, "name", origin),
                    Country = Json.String(o, "country"),
                    Names = Json.Strings(o, "names"),
                    Aliases = Json.Strings(o, "aliases"),
                };
                if (entry.Names.Count == 0) entry.Names.Add(entry.Name);
                Replace(Organizations, entry, e => e.Name);
            }
            foreach (var o in Objects(root, "tags", origin))
            {
                var entry = new TagEntry
                {
                    Name = Required(o, "name", origin),
                    Description = Json.String(o, "description"),
                    Cues = Json.Strings(o, "cues"),
                    StrongCues = Json.Strings(o, "strongCues"),
                };
                Replace(Tags, entry, e => e.Name);
            }
            foreach (var o in Objects(root, "buckets", origin))
            {
                var entry = new BucketEntry
                {
                    Name = Required(o, "name", origin),
                    Kind = Required(o, "kind", origin),
                    Members = Json.Strings(o, "members"),
                    Suffixes = Json.Strings(o, "suffixes"),
                    Titles = Json.Strings(o, "titles"),
                };
                if (!DefaultBucketNames.ContainsKey(entry.Kind))
                    throw new FormatException($"The taxonomy '{origin}': bucket '{entry.Name}' has kind '{entry.Kind}'; expected one of {string.Join(", ", DefaultBucketNames.Keys)}.");
                Buckets.RemoveAll(b => b.Kind == entry.Kind);
                Buckets.Add(entry);
            }
            if (root.TryGetValue("aiRelevance", out object ai) && ai is Dictionary<string, object> aiObj)
            {
                AddDistinct(AiCues, Json.Strings(aiObj, "cues"));
                AddDistinct(AiStrongCues, Json.Strings(aiObj, "strongCues"));
            }
            if (root.TryGetValue("countryCues", out object cc) && cc is Dictionary<string, object> ccObj)
            {
                AddDistinct(ForeignCues, Json.Strings(ccObj, "foreign"));
                AddDistinct(DomesticCues, Json.Strings(ccObj, "domestic"));
            }
            if (root.TryGetValue("importance", out object imp) && imp is Dictionary<string, object> impObj)
                AddDistinct(HighImportanceCues, Json.Strings(impObj, "highCues"));
        }

        private static IEnumerable<Dictionary<string, object>> Objects(Dictionary<string, object> root, string key, string origin)
        {
            if (!root.TryGetValue(key, out object v) || v == null) yield break;
            if (!(v is List<object> list)) throw new FormatException($"The taxonomy '{origin}': '{key}' must be an array.");
            foreach (object item in list)
            {
                if (!(item is Dictionary<string, object> o)) throw new FormatException($"The taxonomy '{origin}': every item of '{key}' must be an object.");
                yield return o;
            }
        }

        private static string Required(Dictionary<string, object> o, string key, string origin)
        {
            string s = Json.String(o, key);
            if (string.IsNullOrWhiteSpace(s)) throw new FormatException($"The taxonomy '{origin}': an entry lacks '{key}'.");
            return s.Trim();
        }

        private static void Replace<T>(List<T> list, T entry, Func<T, string> name)
        {
            int i = list.FindIndex(e => string.Equals(name(e), name(entry), StringComparison.OrdinalIgnoreCase));
            if (i >= 0) list[i] = entry; else list.Add(entry);
        }

        private static void AddDistinct(List<string> list, IEnumerable<string> items)
        {
            foreach (string s in items) if (!list.Contains(s)) list.Add(s);
        }
    }
}
