namespace AiNews
{
    /// <summary>A cheap language guess for text of our sources: Korean when Hangul makes up a fair share of the letters.</summary>
    public static class LanguageGuess
    {
        public static string Of(string text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            int hangul = 0, letters = 0;
            foreach (char c in text)
            {
                if (c >= '\uAC00' && c <= '\uD7A3') { hangul++; letters++; }
                else if (char.IsLetter(c)) letters++;
            }
            if (letters == 0) return null;
            // Korean news is full of Latin names (AI, LLM, OpenAI); a fifth of Hangul already means Korean.
            return hangul * 5 >= letters ? "ko" : "en";
        }
    }
}
