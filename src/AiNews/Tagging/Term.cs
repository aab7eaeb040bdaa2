using System;
using System.Collections.Generic;

namespace AiNews.Tagging
{
    /// <summary>A dictionary entry: one word or a phrase ("Claude Code", "젠슨 황") that points at a label.</summary>
    public sealed class Term
    {
        public Term(string text, string label, double weight, bool caseSensitive)
        {
            Text = text;
            Label = label;
            Weight = weight;
            Words = Tokenizer.Tokenize(text).ConvertAll(t => t.Text).ToArray();
            // Short all-capital acronyms (RL, MS, SK) are only themselves: "rl" or "Ms." are other words.
            CaseSensitive = caseSensitive || (Words.Length == 1 && text.Length <= 3 && IsUpperAscii(text));
        }

        public string Text { get; }
        public string[] Words { get; }

        /// <summary>
        /// A Latin term that also counts at the head of a Korean compound: "AI컴퓨팅", "AI반도체". Only for cues
        /// whose compounds keep the meaning (AI relevance at reduced weight); never for names ("메타버스").
        /// </summary>
        public bool AllowCompound { get; set; }
        public string Label { get; }
        public double Weight { get; }
        public bool CaseSensitive { get; }

        private static bool IsUpperAscii(string s)
        {
            bool letter = false;
            foreach (char c in s)
            {
                if (c >= 'a' && c <= 'z') return false;
                if (c >= 'A' && c <= 'Z') letter = true;
            }
            return letter;
        }

        public override string ToString() => $"{Text} → {Label}";
    }
}
