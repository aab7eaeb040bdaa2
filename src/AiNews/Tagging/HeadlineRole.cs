using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Tagging
{
    /// <summary>
    /// The part a name plays in a headline, read from the Korean particle on it (or the English word around it):
    /// "엔비디아가 ..." acts, "구글에 ..." is acted upon, "엔비디아와 ..." is a partner, "중국, ..." heads the headline.
    /// Korean grammar, not a list of companies: whoever acts in the headline is whom the story is about.
    /// </summary>
    internal static class HeadlineRole
    {
        public const string Subject = "subject", Object = "object", Oblique = "oblique", With = "with", Of = "of",
            Comma = "comma", ListItem = "list", Bare = "bare";

        // Particles by role; a particle not listed here (a rarer ending) reads as bare.
        private static readonly Dictionary<string, string> KoreanParticles = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["이"] = Subject, ["가"] = Subject, ["은"] = Subject, ["는"] = Subject, ["도"] = Subject, ["께서"] = Subject,
            ["측은"] = Subject, ["측이"] = Subject, ["측도"] = Subject, ["마저"] = Subject, ["조차"] = Subject,
            ["을"] = Object, ["를"] = Object,
            ["에"] = Oblique, ["에게"] = Oblique, ["에서"] = Oblique, ["에는"] = Oblique, ["에도"] = Oblique, ["에게는"] = Oblique,
            ["에선"] = Oblique, ["엔"] = Oblique, ["로"] = Oblique, ["으로"] = Oblique, ["로부터"] = Oblique, ["으로부터"] = Oblique,
            ["에서는"] = Oblique, ["에서도"] = Oblique, ["측에"] = Oblique, ["보다"] = Oblique, ["처럼"] = Oblique,
            ["와"] = With, ["과"] = With, ["와의"] = With, ["과의"] = With, ["랑"] = With, ["이랑"] = With, ["하고"] = With,
            ["와는"] = With, ["과는"] = With, ["와도"] = With, ["과도"] = With, ["측과"] = With,
            ["의"] = Of, ["측의"] = Of, ["만의"] = Of, ["에서의"] = Of, ["로의"] = Of, ["으로의"] = Of,
        };

        /// <summary>
        /// The Korean particles that make the word before them the one who acts ("미국이", "EU는", "정부도"), longest first,
        /// so that "X측은" reads as X with "측은", not "X측" with "은".
        /// </summary>
        private static readonly IReadOnlyList<string> SubjectParticles = KoreanParticles.Where(kv => kv.Value == Subject).Select(kv => kv.Key)
            .OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToArray();

        /// <summary>
        /// The subject particle a Korean word ends with, leaving at least <paramref name="minStem"/> characters before it;
        /// null when none. The one reading of "who acts" for headlines, leads and countries alike.
        /// </summary>
        public static string SubjectParticleOf(string word, int minStem = 1)
        {
            foreach (string p in SubjectParticles)
                if (word.Length - p.Length >= minStem && word.EndsWith(p, StringComparison.Ordinal)) return p;
            return null;
        }

        // English words before a name that make it the object of someone else's action ("deal with Nvidia").
        private static readonly HashSet<string> EnglishOblique = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "with", "to", "from", "against", "on", "at", "for", "by", "into", "over", "about", "ask", "asks", "sue", "sues", "probe", "probes",
        };

        /// <summary>The role of the term's words in the headline; <paramref name="listMarks"/> join list items ("알리바바·텐센트").</summary>
        public static string Find(IReadOnlyList<Token> title, TermHit hit, bool english, string listMarks)
        {
            Token last = title[hit.Last];
            Token first = title[hit.First];
            if (english)
            {
                if (hit.First > 0 && EnglishOblique.Contains(title[hit.First - 1].Text)) return Oblique;
                if ((last.After == '\'' || last.After == '’') && hit.Last + 1 < title.Count && title[hit.Last + 1].Text == "s") return Of;
                if (last.After == ',') return Comma;
                if (hit.Last + 1 < title.Count && (title[hit.Last + 1].Text == "and" || title[hit.Last + 1].Text == "&")) return With;
                return hit.First == 0 ? Subject : Bare;
            }
            string termLast = hit.Term.Words.Length > 0 ? hit.Term.Words[hit.Term.Words.Length - 1] : string.Empty;
            if (last.Text.Length > termLast.Length && last.Text.StartsWith(termLast, StringComparison.OrdinalIgnoreCase))
            {
                string particle = last.Text.Substring(termLast.Length);
                return KoreanParticles.TryGetValue(particle, out string role) ? role : Bare;
            }
            if (last.After == ',') return Comma;
            if (listMarks.IndexOf(last.After) >= 0 || listMarks.IndexOf(first.Before) >= 0) return ListItem;
            return Bare;
        }
    }
}
