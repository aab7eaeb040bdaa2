using System;
using System.Collections.Generic;
using AiNews.Text;

namespace AiNews.Tagging
{
    /// <summary>
    /// Splits Korean and English text into words. A Korean word is a noun with its particles attached
    /// ("엔비디아는"), so matching strips a known particle and nothing else: "메타가" is Meta, "메타버스" is not.
    /// Latin words are whole words: "rl" never matches inside "world", "meta" never inside "metadata".
    /// </summary>
    public static class Tokenizer
    {
        public static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            if (string.IsNullOrEmpty(text)) return tokens;
            int i = 0;
            while (i < text.Length)
            {
                if (!IsWordChar(text[i])) { i++; continue; }
                int start = i;
                while (i < text.Length && IsWordChar(text[i])) i++;
                tokens.Add(new Token(text.Substring(start, i - start), start,
                    start > 0 ? text[start - 1] : '\0', i < text.Length ? text[i] : '\0'));
            }
            return tokens;
        }

        public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

        public static bool IsLatinOrDigit(char c) => (c < 128 && char.IsLetterOrDigit(c));

        /// <summary>
        /// Particles and endings that may follow a Korean noun (or a Latin name in Korean text: "오픈AI의").
        /// Longest first, so that "에서는" is tried before "에서".
        /// </summary>
        public static readonly string[] Particles = SortByLength(new[]
        {
            "의", "가", "이", "은", "는", "을", "를", "와", "과", "도", "에", "로", "으로", "만", "랑", "이랑",
            "에서", "에게", "께서", "까지", "부터", "보다", "처럼", "하고", "이나", "이며", "이자", "이고", "이라", "라",
            "와의", "과의", "에서의", "에서는", "에서도", "에서만", "에는", "에도", "에게는", "으로는", "로는", "로서", "으로서",
            "으로부터", "로부터", "이라는", "라는", "이란", "란", "이다", "였다", "이었다", "이라고", "라고", "이며", "조차", "마저",
            "측", "측은", "측이", "측의", "측도", "측과", "측에", "에선", "엔", "과는", "와는", "과도", "와도", "만의", "로의", "으로의",
            "은요", "는요", "발", "표", "판", "산",
        });

        private static string[] SortByLength(string[] items)
        {
            var distinct = new HashSet<string>(items, StringComparer.Ordinal);
            var list = new List<string>(distinct);
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
            return list.ToArray();
        }

        /// <summary>
        /// The forms of a word that may be a dictionary entry: the word itself and, when it ends in a
        /// particle after at least one character, the word without it ("엔비디아는" → "엔비디아").
        /// Particles attach only to Hangul or to a Latin/digit run followed directly by Hangul.
        /// </summary>
        public static IEnumerable<string> Stems(string word)
        {
            yield return word;
            if (word.Length < 2 || !Hangul.IsLetter(word[word.Length - 1])) yield break;
            foreach (string p in Particles)
            {
                if (word.Length > p.Length && word.EndsWith(p, StringComparison.Ordinal))
                    yield return word.Substring(0, word.Length - p.Length);
            }
        }
    }
}
