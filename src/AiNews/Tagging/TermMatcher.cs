using System;
using System.Collections.Generic;
using AiNews.Text;

namespace AiNews.Tagging
{
    /// <summary>
    /// Finds terms in tokenized text. Phrases match consecutive words; only the phrase's last word may carry
    /// a particle. Latin words compare whole and, unless the term says otherwise, ignoring case.
    /// </summary>
    public sealed class TermMatcher
    {
        private readonly Dictionary<string, List<Term>> _byFirstWord = new Dictionary<string, List<Term>>(StringComparer.OrdinalIgnoreCase);

        public TermMatcher(IEnumerable<Term> terms)
        {
            foreach (Term term in terms)
            {
                if (term.Words.Length == 0) continue;
                if (!_byFirstWord.TryGetValue(term.Words[0], out List<Term> list))
                    _byFirstWord[term.Words[0]] = list = new List<Term>();
                list.Add(term);
            }
        }

        public List<TermHit> Match(IReadOnlyList<Token> tokens)
        {
            var hits = new List<TermHit>();
            for (int i = 0; i < tokens.Count; i++)
            {
                Term best = null;
                int bestLast = -1;
                foreach (string stem in FirstWordForms(tokens[i].Text))
                {
                    if (!_byFirstWord.TryGetValue(stem, out List<Term> candidates)) continue;
                    foreach (Term term in candidates)
                    {
                        int last = MatchAt(term, tokens, i);
                        if (last < 0) continue;
                        // Longest phrase wins ("LG AI연구원" over "LG"); ties keep the first entry.
                        if (best == null || last > bestLast || (last == bestLast && term.Words.Length > best.Words.Length))
                        {
                            best = term;
                            bestLast = last;
                        }
                    }
                }
                if (best == null) continue;
                // Every entry with the same words and span counts once per label (an alias may serve two lists).
                hits.Add(new TermHit(best, i, bestLast));
                i = bestLast;
            }
            return hits;
        }

        /// <summary>All labels' hits (not only the best per position): used when several lists share words.</summary>
        public List<TermHit> MatchAll(IReadOnlyList<Token> tokens)
        {
            var hits = new List<TermHit>();
            for (int i = 0; i < tokens.Count; i++)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (string stem in FirstWordForms(tokens[i].Text))
                {
                    if (!_byFirstWord.TryGetValue(stem, out List<Term> candidates)) continue;
                    foreach (Term term in candidates)
                    {
                        int last = MatchAt(term, tokens, i);
                        if (last >= 0 && seen.Add(term.Label)) hits.Add(new TermHit(term, i, last));
                    }
                }
            }
            return hits;
        }

        private static IEnumerable<string> FirstWordForms(string word)
        {
            foreach (string stem in Tokenizer.Stems(word)) yield return stem;
            // "AI컴퓨팅": the Latin head of a compound, for terms that allow compounds.
            int i = 0;
            while (i < word.Length && Tokenizer.IsLatinOrDigit(word[i])) i++;
            if (i > 0 && i < word.Length && Hangul.IsLetter(word[i])) yield return word.Substring(0, i);
        }

        private static bool IsCompoundOf(string expected, string actual, bool caseSensitive)
        {
            var cmp = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            return actual.Length > expected.Length && actual.StartsWith(expected, cmp)
                && Tokenizer.IsLatinOrDigit(expected[expected.Length - 1]) && Hangul.IsLetter(actual[expected.Length]);
        }

        private static int MatchAt(Term term, IReadOnlyList<Token> tokens, int start)
        {
            int n = term.Words.Length;
            if (start + n > tokens.Count) return -1;
            for (int k = 0; k < n; k++)
            {
                string word = tokens[start + k].Text;
                bool lastWord = k == n - 1;
                if (k > 0 && !Adjacent(tokens[start + k - 1], tokens[start + k])) return -1;
                if (!WordMatches(term.Words[k], word, lastWord, term.CaseSensitive)
                    && !(lastWord && n == 1 && term.AllowCompound && IsCompoundOf(term.Words[k], word, term.CaseSensitive))) return -1;
            }
            return start + n - 1;
        }

        // Words of a phrase are separated by spaces or joining punctuation only, never by a sentence break.
        private static bool Adjacent(Token a, Token b)
        {
            if (b.Start - a.End > 3) return false;
            char c = a.After;
            return c == ' ' || c == '-' || c == '.' || c == '\u00A0' || c == '·' || c == '\'' || c == '’' || c == '&';
        }

        private static bool WordMatches(string expected, string actual, bool allowParticle, bool caseSensitive)
        {
            var cmp = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            if (string.Equals(expected, actual, cmp)) return true;
            if (caseSensitive && IsAllUpper(actual) && string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase) && actual.Length > 3)
                return true; // "NVIDIA" for "Nvidia", in shouted headlines
            if (!allowParticle || actual.Length <= expected.Length || !actual.StartsWith(expected, cmp)) return false;
            string rest = actual.Substring(expected.Length);
            if (!Hangul.IsLetter(rest[0])) return false;
            foreach (string p in Tokenizer.Particles)
                if (rest == p) return true;
            return false;
        }

        private static bool IsAllUpper(string s)
        {
            foreach (char c in s) if (char.IsLower(c)) return false;
            return true;
        }
    }
}
