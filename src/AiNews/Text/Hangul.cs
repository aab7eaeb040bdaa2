namespace AiNews.Text
{
    /// <summary>The Unicode ranges of Korean script, written down once for every part that asks "is this Korean?".</summary>
    public static class Hangul
    {
        /// <summary>Hangul Syllables, U+AC00 가 … U+D7A3 힣: every modern Korean syllable, what running Korean text is made of.</summary>
        public const char FirstSyllable = '\uAC00', LastSyllable = '\uD7A3';

        /// <summary>
        /// Hangul Compatibility Jamo, U+3131 ㄱ … U+318E ㆎ: lone consonants and vowels as typed ("ㅋㅋ", "ㄱ자"), found in
        /// headlines and comments; they belong to a Korean word but carry too little to weigh as a language signal.
        /// </summary>
        public const char FirstCompatibilityJamo = '\u3131', LastCompatibilityJamo = '\u318E';

        /// <summary>A complete Korean syllable (가 … 힣).</summary>
        public static bool IsSyllable(char c) => c >= FirstSyllable && c <= LastSyllable;

        /// <summary>Any Korean letter: a syllable or a compatibility jamo.</summary>
        public static bool IsLetter(char c) => IsSyllable(c) || (c >= FirstCompatibilityJamo && c <= LastCompatibilityJamo);
    }
}
