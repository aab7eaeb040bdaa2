using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AiNews.Common;

namespace AiNews.Tagging
{
    /// <summary>
    /// The learned part of the tagger (module/data/tagger-weights.json, written by build.ps1 train-tagger): one weight per
    /// feature name for ranking organization candidates, for each tag, for tags without weights of their own (a user's),
    /// and for AI relevance, with the decision thresholds chosen on the training data.
    /// </summary>
    public sealed class TaggerWeights
    {
        public const string FileName = "tagger-weights.json";

        public Dictionary<string, double> Organization { get; } = new Dictionary<string, double>(StringComparer.Ordinal);
        public Dictionary<string, Dictionary<string, double>> Tags { get; } = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        /// <summary>A tag judged on its own cues only: serves tags that have no weights of their own (a user's -Taxonomy).</summary>
        public Dictionary<string, double> AnyTag { get; } = new Dictionary<string, double>(StringComparer.Ordinal);
        public Dictionary<string, double> AiRelevance { get; } = new Dictionary<string, double>(StringComparer.Ordinal);
        /// <summary>A tag is given when its probability reaches this.</summary>
        public double TagThreshold { get; set; } = 0.5;
        /// <summary>An article is AI-related when its probability reaches this.</summary>
        public double AiThreshold { get; set; } = 0.5;
        /// <summary>The L2 penalties training chose for each part, for the record.</summary>
        public string Penalties { get; set; }
        /// <summary>What the weights were trained on (file name and article count), for the record.</summary>
        public string TrainedOn { get; set; }

        private static readonly Lazy<TaggerWeights> _default = new Lazy<TaggerWeights>(() => ModuleData.LoadShipped(FileName, t => Parse(t, FileName)));

        /// <summary>The shipped weights, read once.</summary>
        /// <exception cref="ModuleDataException">The file is missing or wrong (rebuild with build.ps1 train-tagger).</exception>
        public static TaggerWeights Default => _default.Value;

        public static TaggerWeights Parse(string json, string origin)
        {
            if (!(Json.Parse(json) is Dictionary<string, object> root)) throw new FormatException($"'{origin}' must be a JSON object.");
            var w = new TaggerWeights
            {
                TagThreshold = Json.Number(root, "tagThreshold") ?? 0.5,
                AiThreshold = Json.Number(root, "aiThreshold") ?? 0.5,
                TrainedOn = Json.String(root, "trainedOn"),
                Penalties = Json.String(root, "penalties"),
            };
            Read(root, "organization", w.Organization, origin);
            Read(root, "anyTag", w.AnyTag, origin);
            Read(root, "aiRelevance", w.AiRelevance, origin);
            if (root.TryGetValue("tags", out object tags) && tags is Dictionary<string, object> byTag)
                foreach (var kv in byTag)
                {
                    var d = new Dictionary<string, double>(StringComparer.Ordinal);
                    Read(byTag, kv.Key, d, origin);
                    w.Tags[kv.Key] = d;
                }
            if (w.Organization.Count == 0 || w.AiRelevance.Count == 0)
                throw new FormatException($"'{origin}' holds no organization or AI-relevance weights; run build.ps1 train-tagger.");
            return w;
        }

        private static void Read(Dictionary<string, object> root, string key, Dictionary<string, double> into, string origin)
        {
            if (!root.TryGetValue(key, out object v) || v == null) return;
            if (!(v is Dictionary<string, object> map)) throw new FormatException($"'{origin}': '{key}' must be an object of feature weights.");
            foreach (var kv in map)
            {
                if (!(kv.Value is double d)) throw new FormatException($"'{origin}': the weight of '{key}.{kv.Key}' must be a number.");
                into[kv.Key] = d;
            }
        }

        /// <summary>The weights as JSON, keys in ordinal order and numbers invariant: the same weights give the same bytes.</summary>
        public string ToJson()
        {
            var sb = new StringBuilder();
            sb.Append("{\n");
            sb.Append("  \"about\": ").Append(Json.Quote("Learned weights of the tagger; written by build.ps1 train-tagger (bench/train-tagger.ps1), do not edit by hand.")).Append(",\n");
            sb.Append("  \"trainedOn\": ").Append(Json.Quote(TrainedOn)).Append(",\n");
            sb.Append("  \"penalties\": ").Append(Json.Quote(Penalties)).Append(",\n");
            sb.Append("  \"tagThreshold\": ").Append(Number(TagThreshold)).Append(",\n");
            sb.Append("  \"aiThreshold\": ").Append(Number(AiThreshold)).Append(",\n");
            Write(sb, "organization", Organization, "  "); sb.Append(",\n");
            Write(sb, "aiRelevance", AiRelevance, "  "); sb.Append(",\n");
            Write(sb, "anyTag", AnyTag, "  "); sb.Append(",\n");
            sb.Append("  \"tags\": {\n");
            var names = Tags.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
            for (int i = 0; i < names.Count; i++)
            {
                Write(sb, names[i], Tags[names[i]], "    ");
                sb.Append(i < names.Count - 1 ? ",\n" : "\n");
            }
            sb.Append("  }\n}\n");
            return sb.ToString();
        }

        private static void Write(StringBuilder sb, string key, Dictionary<string, double> weights, string indent)
        {
            sb.Append(indent).Append(Json.Quote(key)).Append(": {");
            var keys = weights.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
            for (int i = 0; i < keys.Count; i++)
                sb.Append(i == 0 ? "\n" : ",\n").Append(indent).Append("  ").Append(Json.Quote(keys[i])).Append(": ").Append(Number(weights[keys[i]]));
            sb.Append(keys.Count > 0 ? "\n" + indent + "}" : "}");
        }

        private static string Number(double d) => d.ToString("0.######", CultureInfo.InvariantCulture);
    }
}
