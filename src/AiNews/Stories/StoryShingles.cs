using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AiNews.Text;

namespace AiNews.Stories
{
    /// <summary>
    /// Text fingerprints for near-duplicate detection, aware of the script: Korean text is compared by
    /// character trigrams (spacing and particles vary between outlets), Latin text by word pairs; and a
    /// language-neutral set of anchors — Latin names and numbers that both a Korean and an English report
    /// of one story contain (GPT-5, H200, 2026, 100) — links stories across languages.
    /// </summary>
    public static class StoryShingles
    {
        // Korean spacing and particles vary between outlets, so Hangul is compared by runs of characters; three
        // characters are about one word stem. (Latin words are stable and compared in pairs, which keep word order.)
        private const int HangulShingleLength = 3;
        // A single letter or digit is no name ("a", "5"): anchors have at least this many characters.
        private const int MinAnchorLength = 2;

        /// <summary>The shingles of a text: Hangul character trigrams ("k:…") and Latin word pairs ("w:…").</summary>
        public static HashSet<string> Of(string text) => string.IsNullOrEmpty(text) ? new HashSet<string>(StringComparer.Ordinal) : Of(Tokens(text));

        /// <summary><see cref="Of(string)"/> of a text already split by <see cref="Tokens"/> (a print tokenizes its text once).</summary>
        internal static HashSet<string> Of(IEnumerable<string> tokens) => Of(tokens, null);

        /// <summary>
        /// <see cref="Of(IEnumerable{string})"/>, each shingle taken from <paramref name="pool"/> when an earlier article
        /// had it: grouping thousands of articles then keeps one copy of a shingle instead of one per article.
        /// </summary>
        internal static HashSet<string> Of(IEnumerable<string> tokens, Dictionary<string, string> pool)
        {
            var shingles = new HashSet<string>(StringComparer.Ordinal);
            var hangul = new StringBuilder();
            var words = new List<string>();
            foreach (string token in tokens)
            {
                if (Hangul.IsLetter(token[0])) hangul.Append(token);
                else words.Add(token);
            }
            string h = hangul.ToString();
            for (int i = 0; i + HangulShingleLength <= h.Length; i++) shingles.Add(Shared(pool, "k:" + h.Substring(i, HangulShingleLength)));
            for (int i = 0; i + 2 <= words.Count; i++) shingles.Add(Shared(pool, "w:" + words[i] + " " + words[i + 1]));
            if (words.Count == 1) shingles.Add(Shared(pool, "w:" + words[0]));
            return shingles;
        }

        /// <summary>Latin-script names and numbers of at least two characters, lowercased.</summary>
        public static HashSet<string> Anchors(string text) => Anchors(Tokens(text ?? string.Empty));

        internal static HashSet<string> Anchors(IEnumerable<string> tokens)
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            foreach (string token in tokens)
                if (!Hangul.IsLetter(token[0]) && token.Length >= MinAnchorLength && !StopWords.Contains(token)) anchors.Add(token);
            return anchors;
        }

        /// <summary>The tokens with a digit in them ("7", "gpt-5", "3.5").</summary>
        public static HashSet<string> Numbers(string text) => Numbers(Tokens(text ?? string.Empty));

        internal static HashSet<string> Numbers(IEnumerable<string> tokens)
        {
            var numbers = new HashSet<string>(StringComparer.Ordinal);
            foreach (string token in tokens)
                foreach (char c in token) if (char.IsDigit(c)) { numbers.Add(token); break; }
            return numbers;
        }

        /// <summary>Shared share of both sets together (0..1): for headlines, which are alike only when nearly the same.</summary>
        public static double Jaccard(HashSet<string> a, HashSet<string> b)
        {
            if (a.Count == 0 || b.Count == 0) return 0;
            int common = 0;
            foreach (string s in a.Count < b.Count ? a : b) if ((a.Count < b.Count ? b : a).Contains(s)) common++;
            return (double)common / (a.Count + b.Count - common);
        }

        /// <summary>Shared share of the smaller set: a short report inside a long one still counts.</summary>
        public static double Containment(HashSet<string> a, HashSet<string> b)
        {
            if (a.Count == 0 || b.Count == 0) return 0;
            int common = 0;
            foreach (string s in a.Count < b.Count ? a : b) if ((a.Count < b.Count ? b : a).Contains(s)) common++;
            return (double)common / Math.Min(a.Count, b.Count);
        }

        // Hangul runs; Latin/other words and numbers, keeping "gpt-5" and "3.5" whole. Compiled: every article of a
        // merge or an archive run goes through it twice, which at tens of thousands of articles outweighs compiling it once.
        private static readonly Regex Token = new Regex(
            $"[{Hangul.FirstSyllable}-{Hangul.LastSyllable}{Hangul.FirstCompatibilityJamo}-{Hangul.LastCompatibilityJamo}]+" + @"|[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>The lowercased tokens of a text, in order (from <paramref name="pool"/> when given, see <see cref="Shared"/>).</summary>
        internal static List<string> Tokens(string text, Dictionary<string, string> pool = null)
        {
            var tokens = new List<string>();
            for (Match m = Token.Match(text.ToLowerInvariant()); m.Success; m = m.NextMatch()) tokens.Add(Shared(pool, m.Value));
            return tokens;
        }

        /// <summary>The pool's copy of <paramref name="s"/> (added when it has none); <paramref name="s"/> itself without a pool.</summary>
        private static string Shared(Dictionary<string, string> pool, string s)
        {
            if (pool == null) return s;
            if (pool.TryGetValue(s, out string known)) return known;
            pool[s] = s;
            return s;
        }


        private static readonly HashSet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "and", "for", "with", "that", "this", "from", "its", "has", "have", "was", "are", "will", "into", "about", "after",
            "new", "says", "said", "more", "than", "what", "how", "why", "who", "can", "but", "not", "all", "out", "over", "you", "your",
            "of", "to", "in", "on", "at", "by", "an", "is", "it", "as", "be", "or", "ai",
        };
    }
}
