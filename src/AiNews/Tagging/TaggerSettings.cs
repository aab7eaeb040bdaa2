using System;
using System.Collections.Generic;
using AiNews.Common;

namespace AiNews.Tagging
{
    /// <summary>
    /// The tagger's fixed numbers and small word lists (module/data/tagger-settings.json): how much each part of an
    /// article weighs, which words make a company a person's background, and how the model is trained. They describe
    /// the text; what the description means for a label is learned (<see cref="TaggerWeights"/>).
    /// </summary>
    public sealed class TaggerSettings
    {
        public const string FileName = "tagger-settings.json";

        /// <summary>A word in the headline counts this much (it says what the story is about).</summary>
        public double TitleWeight { get; private set; } = 3.0;
        /// <summary>A word in the lead (<see cref="LeadLength"/> characters) counts this much.</summary>
        public double LeadWeight { get; private set; } = 2.0;
        public double BodyWeight { get; private set; } = 1.0;
        /// <summary>Beyond <see cref="BodyLength"/> characters pages often trail into related links: half weight.</summary>
        public double TailWeight { get; private set; } = 0.5;
        public int LeadLength { get; private set; } = 400;
        public int BodyLength { get; private set; } = 1500;
        /// <summary>A page with less text than this is likely a junk extraction: its headline carries it.</summary>
        public int ShortText { get; private set; } = 200;
        /// <summary>Outside the headline, a named organization needs this much weighted presence to be listed.</summary>
        public double ListedScore { get; private set; } = 3.0;
        /// <summary>The most tags one article carries (the labelling guide: 0 to 5).</summary>
        public int MaxTags { get; private set; } = 5;

        /// <summary>Gradient steps of training; full-batch, from zero weights, so the result depends on the data only.</summary>
        public int Iterations { get; private set; } = 400;
        public double LearningRate { get; private set; } = 0.5;
        /// <summary>
        /// L2 penalties tried per model part (organization, tags, AI relevance): keeps weights small so that in-sample and
        /// cross-validated figures stay close. Training picks one per part on a held-out fifth of its own training
        /// articles, so the choice never sees the articles it is scored on.
        /// </summary>
        public List<double> L2Choices { get; } = new List<double>();
        /// <summary>The penalty when the settings name none.</summary>
        public const double DefaultL2 = 0.002;
        /// <summary>Cross-validation folds, fixed by article id.</summary>
        public int Folds { get; private set; } = 5;

        /// <summary>Words after a company that make it a person's background ("출신", "엔지니어", "former").</summary>
        public HashSet<string> Roles { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Words that may stand between the company and the role ("엔비디아 로보틱스 책임자").</summary>
        public HashSet<string> RoleModifiers { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Words before a company that make it a past affiliation ("前", "former").</summary>
        public HashSet<string> FormerMarkers { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Capitalised English words that open headlines without being names ("Why", "How").</summary>
        public HashSet<string> CommonEnglish { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Marks that join the items of a headline's list ("배터리·AI·방산").</summary>
        public string ListMarks { get; private set; } = "·";
        /// <summary>Words after an AI cue that make it a product's selling point ("AI 기반", "AI-based").</summary>
        public HashSet<string> BasedOnWords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>The dateline of a report from abroad ("현지시간"): counts as several country cues.</summary>
        public string ForeignDateline { get; private set; } = "현지시간";
        /// <summary>Headline words of a trend piece or roundup with no single actor ("업계", "빅테크", "열풍", "race").</summary>
        public HashSet<string> TrendWords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Bracketed labels that open an opinion piece's headline ("[칼럼]", "[기고]"), without brackets.</summary>
        public HashSet<string> ColumnLabels { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Headline words of a government's action ("추진", "선정", "법안", "ban"): the government acts, not a company.</summary>
        public HashSet<string> PolicyWords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Korean surnames (one syllable each): a three-syllable word starting with one may be a Korean name.</summary>
        public string KoreanSurnames { get; private set; } = string.Empty;
        /// <summary>Titles after a person's name ("대표", "사장", "교수"): a Korean name with one is a Korean person.</summary>
        public HashSet<string> PersonTitles { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Titles that open a company's bracketed introduction ("(대표 김세민)"): a Korean head, a Korean company.</summary>
        public HashSet<string> HeadTitles { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Words for a chief executive ("CEO", "최고경영자"): how foreign companies name their head.</summary>
        public HashSet<string> ChiefExecutiveWords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        private static readonly Lazy<TaggerSettings> _default = new Lazy<TaggerSettings>(() => ModuleData.LoadShipped(FileName, t => Parse(t, FileName)));

        /// <summary>The shipped settings, read once.</summary>
        /// <exception cref="ModuleDataException">The file is missing or wrong.</exception>
        public static TaggerSettings Default => _default.Value;

        public static TaggerSettings Parse(string json, string origin)
        {
            if (!(Json.Parse(json) is Dictionary<string, object> root)) throw new FormatException($"'{origin}' must be a JSON object.");
            var s = new TaggerSettings();
            double Num(string key, double fallback) => Json.Number(root, key) ?? fallback;
            s.TitleWeight = Num("titleWeight", s.TitleWeight);
            s.LeadWeight = Num("leadWeight", s.LeadWeight);
            s.BodyWeight = Num("bodyWeight", s.BodyWeight);
            s.TailWeight = Num("tailWeight", s.TailWeight);
            s.LeadLength = (int)Num("leadLength", s.LeadLength);
            s.BodyLength = (int)Num("bodyLength", s.BodyLength);
            s.ShortText = (int)Num("shortText", s.ShortText);
            s.ListedScore = Num("listedScore", s.ListedScore);
            s.MaxTags = (int)Num("maxTags", s.MaxTags);
            s.Iterations = (int)Num("iterations", s.Iterations);
            s.LearningRate = Num("learningRate", s.LearningRate);
            if (root.TryGetValue("l2Choices", out object l2) && l2 is List<object> choices)
                foreach (object c in choices) if (c is double d && d >= 0) s.L2Choices.Add(d);
            if (s.L2Choices.Count == 0) s.L2Choices.Add(DefaultL2);
            s.Folds = (int)Num("folds", s.Folds);
            if (s.Folds < 2) throw new FormatException($"'{origin}': folds must be at least 2.");
            s.ForeignDateline = Json.String(root, "foreignDateline") ?? s.ForeignDateline;
            s.ListMarks = Json.String(root, "listMarks") ?? s.ListMarks;
            s.BasedOnWords.UnionWith(Json.Strings(root, "basedOnWords"));
            s.Roles.UnionWith(Json.Strings(root, "roles"));
            s.RoleModifiers.UnionWith(Json.Strings(root, "roleModifiers"));
            s.FormerMarkers.UnionWith(Json.Strings(root, "formerMarkers"));
            s.CommonEnglish.UnionWith(Json.Strings(root, "commonEnglish"));
            s.TrendWords.UnionWith(Json.Strings(root, "trendWords"));
            s.ColumnLabels.UnionWith(Json.Strings(root, "columnLabels"));
            s.PolicyWords.UnionWith(Json.Strings(root, "policyWords"));
            s.KoreanSurnames = Json.String(root, "koreanSurnames") ?? s.KoreanSurnames;
            s.PersonTitles.UnionWith(Json.Strings(root, "personTitles"));
            s.HeadTitles.UnionWith(Json.Strings(root, "headTitles"));
            s.ChiefExecutiveWords.UnionWith(Json.Strings(root, "chiefExecutiveWords"));
            return s;
        }
    }
}
