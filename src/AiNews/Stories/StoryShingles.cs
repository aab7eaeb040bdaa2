using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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

        // The hashes of the two shingle kinds' prefixes, "k:" and "w:", which every shingle's hash starts from.
        private static readonly ulong KoreanStart = Add(HashStart, "k:"), LatinStart = Add(HashStart, "w:");

        /// <summary>One token of a lowercased text (see <see cref="Tokens"/>): where it starts and how many characters it has.</summary>
        internal readonly struct Token
        {
            public readonly int Start, Length;
            public Token(int start, int length) { Start = start; Length = length; }
        }

        /// <summary>
        /// The tokens of a lowercased text, in order: runs of Hangul letters, and runs of other letters and digits that
        /// keep "gpt-5" and "3.5" whole (a '.' or '-' between two such runs joins them). As the regular expression
        /// <c>[가-힣ㄱ-ㆎ]+|[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*</c> matches, which the tests hold it to; scanned by hand
        /// because every article of a merge or an archive run is tokenized, and matching made an object per token.
        /// </summary>
        internal static List<Token> Tokens(string text)
        {
            var tokens = new List<Token>(text.Length / 4 + 1);
            int i = 0, n = text.Length;
            while (i < n)
            {
                int start = i;
                if (Hangul.IsLetter(text[i]))
                {
                    while (i < n && Hangul.IsLetter(text[i])) i++;
                }
                else if (IsWordChar(text[i]))
                {
                    // A run of letters and digits (Hangul among them: "gpt가" is one token), then any ".x" or "-x" after it.
                    while (i < n && IsWordChar(text[i])) i++;
                    while (i + 1 < n && (text[i] == '.' || text[i] == '-') && IsWordChar(text[i + 1]))
                        for (i++; i < n && IsWordChar(text[i]); i++) { }
                }
                else { i++; continue; }
                tokens.Add(new Token(start, i - start));
            }
            return tokens;
        }

        // \p{L} or \p{N}, as the regular expression's class decides it (by the character's Unicode category).
        private static bool IsWordChar(char c)
        {
            if (c < 128) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.OtherNumber:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The shingles of the first <paramref name="count"/> tokens of <paramref name="text"/>: Hangul character trigrams
        /// ("k:…") over the Hangul tokens run together, and Latin word pairs ("w:…", one word alone when it is the only
        /// one), as the sorted distinct hashes of their texts (see <see cref="Hash(string)"/>).
        /// </summary>
        internal static ulong[] Shingles(string text, List<Token> tokens, int count)
        {
            var shingles = new List<ulong>(count * 2);
            // The two Hangul letters before the current one, across tokens (a shingle is those two and the current one:
            // HangulShingleLength is 3); and the word before the current one.
            char first = '\0', second = '\0';
            int letters = 0, words = 0;
            Token previous = default;
            for (int t = 0; t < count; t++)
            {
                Token token = tokens[t];
                if (Hangul.IsLetter(text[token.Start]))
                {
                    for (int k = token.Start; k < token.Start + token.Length; k++)
                    {
                        char c = text[k];
                        if (++letters >= HangulShingleLength) shingles.Add(Finish(Add(Add(Add(KoreanStart, first), second), c)));
                        first = second;
                        second = c;
                    }
                }
                else
                {
                    if (words++ > 0) shingles.Add(Finish(Add(Add(Add(LatinStart, text, previous), ' '), text, token)));
                    previous = token;
                }
            }
            if (words == 1) shingles.Add(Finish(Add(LatinStart, text, previous)));
            return SortedSet(shingles);
        }

        /// <summary>Latin-script names and numbers of at least two characters among the first <paramref name="count"/> tokens, as sorted distinct hashes.</summary>
        internal static ulong[] Anchors(string text, List<Token> tokens, int count)
        {
            var anchors = new List<ulong>(count);
            for (int t = 0; t < count; t++)
            {
                Token token = tokens[t];
                if (!Hangul.IsLetter(text[token.Start]) && token.Length >= MinAnchorLength && !IsStopWord(text, token))
                    anchors.Add(Finish(Add(HashStart, text, token)));
            }
            return SortedSet(anchors);
        }

        /// <summary>The tokens among the first <paramref name="count"/> with a digit in them ("7", "gpt-5", "3.5"), as sorted distinct hashes.</summary>
        internal static ulong[] Numbers(string text, List<Token> tokens, int count)
        {
            var numbers = new List<ulong>();
            for (int t = 0; t < count; t++)
            {
                Token token = tokens[t];
                for (int k = token.Start; k < token.Start + token.Length; k++)
                    if (char.IsDigit(text[k])) { numbers.Add(Finish(Add(HashStart, text, token))); break; }
            }
            return SortedSet(numbers);
        }

        /// <summary>The 64-bit hash by which a shingle, anchor or number is kept: FNV-1a over its UTF-16 code units, mixed.</summary>
        public static ulong Hash(string text) => Finish(Add(HashStart, text));

        private static ulong Add(ulong h, string text)
        {
            foreach (char c in text) h = Add(h, c);
            return h;
        }

        private static ulong Add(ulong h, string text, Token token)
        {
            for (int k = token.Start; k < token.Start + token.Length; k++) h = Add(h, text[k]);
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

        // A token that is one of the stop words (compared in place: most tokens are longer than any of them).
        private static bool IsStopWord(string text, Token token) =>
            token.Length <= LongestStopWord && StopWords.Contains(text.Substring(token.Start, token.Length));

        private static readonly HashSet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "and", "for", "with", "that", "this", "from", "its", "has", "have", "was", "are", "will", "into", "about", "after",
            "new", "says", "said", "more", "than", "what", "how", "why", "who", "can", "but", "not", "all", "out", "over", "you", "your",
            "of", "to", "in", "on", "at", "by", "an", "is", "it", "as", "be", "or", "ai",
        };

        private static readonly int LongestStopWord = StopWords.Max(w => w.Length);
    }
}
