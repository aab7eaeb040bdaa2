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
    /// <remarks>
    /// Each shingle, anchor and number is kept as a 64-bit hash of its text, in a sorted array without repeats: a set
    /// of strings cost about 30 KB an article (a 50,000-article merge peaked at 2.1 GB), the hashes about 8 bytes a
    /// shingle, and two sets are compared by one merge of the sorted arrays. Two different texts share a hash with a
    /// chance of about n² / 2^65 for n distinct shingles (under 10^-5 for ten million): a shared hash that is no shared
    /// shingle would add one shingle of hundreds to one pair's overlap, nothing more. The hash is stable across
    /// processes and machines (FNV-1a over the UTF-16 code units), so prints can be kept on disk.
    /// </remarks>
    public static class StoryShingles
    {
        // Korean spacing and particles vary between outlets, so Hangul is compared by runs of characters; three
        // characters are about one word stem. (Latin words are stable and compared in pairs, which keep word order.)
        private const int HangulShingleLength = 3;
        // A single letter or digit is no name ("a", "5"): anchors have at least this many characters.
        private const int MinAnchorLength = 2;
        // FNV-1a, 64-bit: offset basis and prime.
        private const ulong HashStart = 14695981039346656037UL;
        private const ulong HashPrime = 1099511628211UL;

        /// <summary>The empty set.</summary>
        internal static readonly ulong[] None = new ulong[0];

        /// <summary>
        /// The shingles of a text, Hangul character trigrams ("k:…") and Latin word pairs ("w:…"), as the sorted
        /// distinct hashes of their texts (see <see cref="Hash(string)"/>).
        /// </summary>
        public static ulong[] Of(string text) => string.IsNullOrEmpty(text) ? None : Of(Tokens(text));

        /// <summary><see cref="Of(string)"/> of a text already split by <see cref="Tokens"/> (a print tokenizes its text once).</summary>
        internal static ulong[] Of(List<string> tokens)
        {
            var shingles = new List<ulong>();
            var hangul = new StringBuilder();
            var words = new List<string>();
            foreach (string token in tokens)
            {
                if (Hangul.IsLetter(token[0])) hangul.Append(token);
                else words.Add(token);
            }
            ulong korean = Add(HashStart, "k:"), latin = Add(HashStart, "w:");
            for (int i = 0; i + HangulShingleLength <= hangul.Length; i++)
            {
                ulong h = korean;
                for (int k = i; k < i + HangulShingleLength; k++) h = Add(h, hangul[k]);
                shingles.Add(Finish(h));
            }
            for (int i = 0; i + 2 <= words.Count; i++) shingles.Add(Finish(Add(Add(Add(latin, words[i]), ' '), words[i + 1])));
            if (words.Count == 1) shingles.Add(Finish(Add(latin, words[0])));
            return SortedSet(shingles);
        }

        /// <summary>Latin-script names and numbers of at least two characters, lowercased, as sorted distinct hashes.</summary>
        public static ulong[] Anchors(string text) => Anchors(Tokens(text ?? string.Empty));

        internal static ulong[] Anchors(List<string> tokens)
        {
            var anchors = new List<ulong>();
            foreach (string token in tokens)
                if (!Hangul.IsLetter(token[0]) && token.Length >= MinAnchorLength && !StopWords.Contains(token)) anchors.Add(Hash(token));
            return SortedSet(anchors);
        }

        /// <summary>The tokens with a digit in them ("7", "gpt-5", "3.5"), as sorted distinct hashes.</summary>
        public static ulong[] Numbers(string text) => Numbers(Tokens(text ?? string.Empty));

        internal static ulong[] Numbers(List<string> tokens)
        {
            var numbers = new List<ulong>();
            foreach (string token in tokens)
                foreach (char c in token) if (char.IsDigit(c)) { numbers.Add(Hash(token)); break; }
            return SortedSet(numbers);
        }

        /// <summary>The 64-bit hash by which a shingle, anchor or number is kept: FNV-1a over its UTF-16 code units, mixed.</summary>
        public static ulong Hash(string text) => Finish(Add(HashStart, text));

        private static ulong Add(ulong h, string text)
        {
            foreach (char c in text) h = Add(h, c);
            return h;
        }

        private static ulong Add(ulong h, char c) => (h ^ c) * HashPrime;

        // The final mix of MurmurHash3 (fmix64): FNV-1a leaves the low bits of similar texts alike, which sorted arrays
        // do not mind but hash tables keyed by the value (StoryCandidates) would.
        private static ulong Finish(ulong h)
        {
            h ^= h >> 33; h *= 0xff51afd7ed558ccdUL;
            h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL;
            return h ^ (h >> 33);
        }

        // Sorted, without repeats: the form every set of a print has, which Common merges.
        private static ulong[] SortedSet(List<ulong> values)
        {
            if (values.Count == 0) return None;
            values.Sort();
            int n = 1;
            for (int i = 1; i < values.Count; i++) if (values[i] != values[n - 1]) values[n++] = values[i];
            var set = new ulong[n];
            values.CopyTo(0, set, 0, n);
            return set;
        }

        /// <summary>How many values two sorted sets have in common (one merge of both).</summary>
        internal static int Common(ulong[] a, ulong[] b)
        {
            int i = 0, j = 0, common = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] < b[j]) i++;
                else if (a[i] > b[j]) j++;
                else { common++; i++; j++; }
            }
            return common;
        }

        /// <summary>True when two sorted sets hold the same values.</summary>
        internal static bool SameSet(ulong[] a, ulong[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        /// <summary>Shared share of both sets together (0..1): for headlines, which are alike only when nearly the same.</summary>
        public static double Jaccard(ulong[] a, ulong[] b)
        {
            if (a.Length == 0 || b.Length == 0) return 0;
            int common = Common(a, b);
            return (double)common / (a.Length + b.Length - common);
        }

        /// <summary>Shared share of the smaller set: a short report inside a long one still counts.</summary>
        public static double Containment(ulong[] a, ulong[] b)
        {
            if (a.Length == 0 || b.Length == 0) return 0;
            return (double)Common(a, b) / Math.Min(a.Length, b.Length);
        }

        // Hangul runs; Latin/other words and numbers, keeping "gpt-5" and "3.5" whole. Compiled: every article of a
        // merge or an archive run goes through it twice, which at tens of thousands of articles outweighs compiling it once.
        private static readonly Regex Token = new Regex(
            $"[{Hangul.FirstSyllable}-{Hangul.LastSyllable}{Hangul.FirstCompatibilityJamo}-{Hangul.LastCompatibilityJamo}]+" + @"|[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>The lowercased tokens of a text, in order.</summary>
        internal static List<string> Tokens(string text)
        {
            var tokens = new List<string>();
            for (Match m = Token.Match(text.ToLowerInvariant()); m.Success; m = m.NextMatch()) tokens.Add(m.Value);
            return tokens;
        }

        private static readonly HashSet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "and", "for", "with", "that", "this", "from", "its", "has", "have", "was", "are", "will", "into", "about", "after",
            "new", "says", "said", "more", "than", "what", "how", "why", "who", "can", "but", "not", "all", "out", "over", "you", "your",
            "of", "to", "in", "on", "at", "by", "an", "is", "it", "as", "be", "or", "ai",
        };
    }
}
