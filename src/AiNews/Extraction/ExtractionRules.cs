using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using AiNews.Common;

namespace AiNews.Extraction
{
    /// <summary>
    /// Site rules and clean-up patterns, read from a JSON file (module/data/extraction-rules.json):
    /// <code>
    /// { "version": 1,
    ///   "remove": [ CSS selectors of junk inside any body ],
    ///   "boilerplateLines": [ regexes of whole paragraphs to drop on any page ],
    ///   "stopLines": [ regexes of paragraphs that end the body on any page (the paragraph and all after it go) ],
    ///   "leadPrefixes": [ regexes of datelines cut from the start of the first paragraph, e.g. "(서울=뉴스) 홍길동 기자 = " ],
    ///   "sites": [ { "name": "...", "match": [ selectors; the rule applies when one is present ],
    ///                "container": [ selectors of the body, first found wins ], "remove": [...],
    ///                "boilerplateLines": [...], "stopLines": [...], "leadPrefixes": [...] } ] }
    /// </code>
    /// Sites are recognised by their markup, never by host name, so a rule works for every site of a CMS.
    /// </summary>
    public sealed class ExtractionRules
    {
        public static readonly ExtractionRules Empty = new ExtractionRules();

        public IReadOnlyList<string> Remove { get; private set; } = Array.Empty<string>();
        public IReadOnlyList<Regex> BoilerplateLines { get; private set; } = Array.Empty<Regex>();
        public IReadOnlyList<Regex> StopLines { get; private set; } = Array.Empty<Regex>();
        public IReadOnlyList<Regex> LeadPrefixes { get; private set; } = Array.Empty<Regex>();
        public IReadOnlyList<SiteRule> Sites { get; private set; } = Array.Empty<SiteRule>();

        /// <summary>The file name looked up beside the module: &lt;dll dir&gt;/../data/extraction-rules.json.</summary>
        public const string FileName = "extraction-rules.json";

        private static readonly Lazy<ExtractionRules> _default = new Lazy<ExtractionRules>(() => Load(DefaultPath));

        /// <summary>The rules shipped with the module, loaded once on first use.</summary>
        /// <exception cref="ModuleDataException">The shipped file is missing or wrong: extraction without its rules would quietly get worse.</exception>
        public static ExtractionRules Default => _default.Value;

        /// <summary>Where <see cref="Default"/> comes from.</summary>
        public static string DefaultPath => ModuleData.PathOf(FileName);

        /// <exception cref="ModuleDataException">The file cannot be read or is not valid rules; the message names the file.</exception>
        public static ExtractionRules Load(string path) => ModuleData.Load(path, text => Parse(text, path));

        /// <summary>Reads rules from JSON text; throws <see cref="FormatException"/> naming <paramref name="origin"/> on bad input.</summary>
        public static ExtractionRules Parse(string json, string origin = null)
        {
            object root;
            try { root = Json.Parse(json); }
            catch (JsonSyntaxException e) { throw new JsonSyntaxException((origin ?? "extraction rules") + ": " + e.Message, e.Offset); }
            if (!(root is Dictionary<string, object>)) throw new FormatException((origin ?? "extraction rules") + ": the top level must be an object.");
            var rules = new ExtractionRules
            {
                Remove = Strings(root, "remove"),
                BoilerplateLines = Patterns(root, "boilerplateLines", origin),
                StopLines = Patterns(root, "stopLines", origin),
                LeadPrefixes = Patterns(root, "leadPrefixes", origin),
            };
            var sites = new List<SiteRule>();
            foreach (object s in Json.Items(Json.Get(root, "sites")))
            {
                var site = new SiteRule
                {
                    Name = Json.AsString(Json.Get(s, "name")) ?? "site" + sites.Count,
                    Match = Strings(s, "match"),
                    Container = Strings(s, "container"),
                    Remove = Strings(s, "remove"),
                    BoilerplateLines = Patterns(s, "boilerplateLines", origin),
                    StopLines = Patterns(s, "stopLines", origin),
                    LeadPrefixes = Patterns(s, "leadPrefixes", origin),
                };
                if (site.Container.Count == 0) throw new FormatException((origin ?? "extraction rules") + ": site '" + site.Name + "' has no container selector.");
                if (site.Match.Count == 0) site.Match = site.Container;
                sites.Add(site);
            }
            rules.Sites = sites;
            return rules;
        }

        private static IReadOnlyList<string> Strings(object obj, string key) =>
            Json.Items(Json.Get(obj, key)).Select(Json.AsString).Where(x => !string.IsNullOrWhiteSpace(x)).ToArray();

        private static IReadOnlyList<Regex> Patterns(object obj, string key, string origin)
        {
            var list = new List<Regex>();
            foreach (string p in Strings(obj, key))
            {
                try { list.Add(new Regex(p, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)); }
                catch (ArgumentException e) { throw new FormatException((origin ?? "extraction rules") + ": bad pattern '" + p + "': " + e.Message, e); }
            }
            return list;
        }
    }
}
