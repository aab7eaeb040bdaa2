using System;
using System.Collections.Generic;
using System.Text;
using AiNews.Text;

namespace AiNews.Summaries
{
    /// <summary>
    /// Splits Korean and English text into sentences. A sentence ends at '.', '!', '?' (or '。') followed by a space,
    /// a line end or a closing quote — but not inside a quotation (“...다.”라고 말했다 is one sentence) or parentheses
    /// (아폴론(Apollon. 대표 홍아람)이), not in a number (3.5), not after an abbreviation (Mr., U.S., e.g.), and '…' ends
    /// one only after a Korean ending (했다…).
    /// Paragraph and line breaks always end a sentence.
    /// </summary>
    public static class SentenceSplitter
    {
        private static readonly HashSet<string> Abbreviations = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "inc", "ltd", "co", "corp", "no", "fig", "al",
            "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        };

        public static List<string> Split(string text) => Split(text, null);

        /// <summary>
        /// <see cref="Split(string)"/>, and for each sentence whether it is a piece of a quotation rather than a sentence of
        /// its own (<paramref name="partOfQuotation"/>, filled in step): a quotation is open where it begins or where it
        /// ends. That happens when a quotation runs over the <see cref="LongestSentence"/> characters a sentence may hold and
        /// is split at its own sentence ends ("“Our business is strong." … "… a new way of working,” he says.").
        /// </summary>
        internal static List<string> Split(string text, List<bool> partOfQuotation)
        {
            var sentences = new List<string>();
            if (string.IsNullOrWhiteSpace(text)) return sentences;
            foreach (string line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
            {
                var pieces = new List<string>();
                SplitLine(line.Trim(), pieces, honourQuotes: true);
                JoinParentheses(pieces);
                int first = sentences.Count;
                foreach (string piece in pieces)
                {
                    // An unbalanced quote would swallow the paragraph: split such a run again, quotes ignored.
                    if (piece.Length > LongestSentence) SplitLine(piece, sentences, honourQuotes: false);
                    else sentences.Add(piece);
                }
                if (partOfQuotation == null) continue;
                // The quotation marks of the line's sentences in turn, counted as SplitLine counts them.
                var quotes = new QuoteState();
                for (int k = first; k < sentences.Count; k++)
                {
                    bool openBefore = quotes.Open;
                    foreach (char c in sentences[k]) quotes.Step(c);
                    partOfQuotation.Add(openBefore || quotes.Open);
                }
            }
            return sentences;
        }

        // The longest run Split leaves whole: a longer one (a quotation that never closes, or one of many sentences) is split
        // again with quotes ignored, and a sentence joined over a parenthesis stays within it.
        private const int LongestSentence = 400;

        /// <summary>
        /// Joins a sentence end inside parentheses back up: "아폴론(Apollon. 대표 홍아람)이 …" and "(Super Micro Computer,
        /// Inc. 이하, 슈퍼마이크로)가" end no sentence at the point. A piece that leaves a parenthesis open is joined with
        /// the next while that one closes one, up to <see cref="LongestSentence"/> characters.
        /// </summary>
        private static void JoinParentheses(List<string> pieces)
        {
            for (int k = 0; k + 1 < pieces.Count; k++)
                while (k + 1 < pieces.Count && OpenParentheses(pieces[k]) > 0 && pieces[k + 1].IndexOf(')') >= 0
                       && pieces[k].Length + 1 + pieces[k + 1].Length <= LongestSentence)
                {
                    pieces[k] = pieces[k] + " " + pieces[k + 1];
                    pieces.RemoveAt(k + 1);
                }
        }

        // How many '(' of the text no ')' after them closes.
        private static int OpenParentheses(string text)
        {
            int open = 0;
            foreach (char c in text)
                if (c == '(') open++;
                else if (c == ')' && open > 0) open--;
            return open;
        }

        /// <summary>
        /// Which quotations are open at a point of a line, from its quotation marks so far: “ ” (English, Korean), „ “
        /// (German and much of Central Europe, where “ closes), 「 」 and 『 』 nest; a straight " toggles.
        /// </summary>
        private struct QuoteState
        {
            private int _depth, _low;     // open quotations; of them, opened with „
            private bool _straight;

            public bool Open => _depth > 0 || _straight;

            /// <summary>Takes one character; true when it is a quotation mark.</summary>
            public bool Step(char c)
            {
                switch (c)
                {
                    case '„': _depth++; _low++; return true;
                    case '“':
                        if (_low > 0) { _low--; _depth--; } else _depth++;
                        return true;
                    case '「': case '『': _depth++; return true;
                    case '”': case '」': case '』': if (_depth > _low) _depth--; return true;
                    case '"': _straight = !_straight; return true;
                    default: return false;
                }
            }
        }

        private static void SplitLine(string line, List<string> output, bool honourQuotes)
        {
            if (line.Length == 0) return;
            var current = new StringBuilder();
            var quotes = new QuoteState();
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                current.Append(c);
                if (quotes.Step(c)) continue;
                if (honourQuotes && quotes.Open) continue;
                if (!IsTerminator(line, i)) continue;

                // Take closing quotes and brackets that belong to this sentence: 말했다.” / (...).)
                int j = i + 1;
                while (j < line.Length && (line[j] == '.' || line[j] == '!' || line[j] == '?' || line[j] == '…')) { current.Append(line[j]); j++; }
                while (j < line.Length && (line[j] == '”' || line[j] == '’' || line[j] == ')' || line[j] == '"' || line[j] == '\'')) { current.Append(line[j]); j++; }
                if (j < line.Length && !char.IsWhiteSpace(line[j])) { i = j - 1; continue; }
                Flush(current, output);
                i = j - 1;
            }
            Flush(current, output);
        }

        private static bool IsTerminator(string s, int i)
        {
            char c = s[i];
            if (c == '!' || c == '?' || c == '。' || c == '！' || c == '？') return true;
            if (c == '…' || (c == '.' && i + 2 < s.Length && s[i + 1] == '.' && s[i + 2] == '.'))
            {
                // "증가했다…" or "...다..." ends a sentence; "AI…그리고" inside a clause does not.
                int k = i - 1;
                while (k >= 0 && (s[k] == '.' || s[k] == '…')) k--;
                return k >= 0 && (s[k] == '다' || s[k] == '요' || s[k] == '죠');
            }
            if (c != '.') return false;
            char prev = i > 0 ? s[i - 1] : ' ';
            char next = i + 1 < s.Length ? s[i + 1] : ' ';
            if (char.IsDigit(prev) && char.IsDigit(next)) return false;          // 3.5, 1.5조
            if (i + 1 < s.Length && !char.IsWhiteSpace(next) && "”’\"')".IndexOf(next) < 0) return false; // example.com, U.S.A
            if (Hangul.IsLetter(prev)) return true;                              // ...했다.
            // The word before the point: an abbreviation or an initial is no sentence end.
            int start = i - 1;
            while (start >= 0 && (char.IsLetter(s[start]) || s[start] == '.')) start--;
            string word = s.Substring(start + 1, i - start - 1);
            if (word.Length == 1 && char.IsUpper(word[0])) return false;          // J. R. R. Tolkien
            if (Abbreviations.Contains(word)) return false;
            return true;
        }

        private static void Flush(StringBuilder current, List<string> output)
        {
            string s = current.ToString().Trim();
            current.Clear();
            if (s.Length > 0) output.Add(s);
        }
    }
}
