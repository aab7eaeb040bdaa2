namespace AiNews.Text
{
    /// <summary>
    /// The one rule for an article's language: the language declared (by the feed, the page or the source) wins;
    /// without one it is guessed from the text. Korean when Hangul makes up a fair share of the letters.
    /// </summary>
    public static class LanguageGuess
    {
        /// <summary>
        /// Korean news is full of Latin names (AI, LLM, OpenAI): this share of Hangul among the letters already means
        /// Korean (one in five).
        /// </summary>
        private const int KoreanShareDivisor = 5;

        /// <summary><paramref name="declared"/> when there is one, else the guess from the title and the body; null when neither tells.</summary>
        public static string Decide(string declared, string title, string content) =>
            string.IsNullOrEmpty(declared) ? Of(title + " " + content) : declared;

        /// <summary>"ko" or "en" from the letters of <paramref name="text"/>; null when it has none.</summary>
        public static string Of(string text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            int hangul = 0, letters = 0;
            foreach (char c in text)
            {
                if (Hangul.IsSyllable(c)) { hangul++; letters++; }
                else if (char.IsLetter(c)) letters++;
            }
            if (letters == 0) return null;
            return hangul * KoreanShareDivisor >= letters ? "ko" : "en";
        }
    }
}
