using System;
using System.Collections.Generic;
using AiNews.Text;

namespace AiNews.Tagging
{
    /// <summary>
    /// The people a Korean text names, as a clue to where its companies are from: a Korean press release introduces a
    /// Korean company with its head in brackets ("라운즈(대표 김세민)") and quotes Korean-named people with a title
    /// ("윤성호 대표"); a foreign company's release glosses foreign names in Latin letters ("올리버 스테일(Oliver Steil)")
    /// and calls the head CEO. Counted over the body; nothing here knows a company's name.
    /// </summary>
    internal sealed class PersonCues
    {
        // A Korean personal name: a surname syllable and a given name of two (the common form: 홍길동).
        private const int KoreanNameLength = 3;

        public int KoreanHeads;      // "(대표 김세민)", "(대표이사 강이구)": a company introduced by its Korean head
        public int KoreanPeople;     // "윤성호 대표", "고석태 제논 대표": a Korean name with a title
        public int ForeignGlosses;   // "올리버 스테일(Oliver Steil)", "레드햇(Red Hat)": a Hangul spelling glossed in Latin words
        public int ChiefExecutives;  // "CEO", "최고경영자"

        public static PersonCues Count(IReadOnlyList<Token> tokens, TaggerSettings settings)
        {
            var c = new PersonCues();
            for (int i = 0; i < tokens.Count; i++)
            {
                Token t = tokens[i];
                if (HasTitle(t.Text, settings.ChiefExecutiveWords)) c.ChiefExecutives++;
                // "(대표 김세민·김명섭)", "(Pensive, 대표 양윤석)"
                if (settings.HeadTitles.Contains(t.Text) && (t.Before == '(' || PreviousIsCommaInBrackets(tokens, i))
                    && i + 1 < tokens.Count && IsKoreanName(tokens[i + 1].Text, settings))
                    c.KoreanHeads++;
                // "윤성호 대표", "고석태 제논 대표": a name, at most one word (the company), then a title.
                if (IsKoreanName(t.Text, settings))
                    for (int k = i + 1; k <= i + 2 && k < tokens.Count; k++)
                        if (HasTitle(tokens[k].Text, settings.PersonTitles)) { c.KoreanPeople++; break; }
                // "스테일(Oliver Steil)": Hangul, then two capitalised Latin words in brackets.
                if (IsHangulWord(t.Text) && t.After == '(' && i + 2 < tokens.Count
                    && IsCapitalisedLatin(tokens[i + 1].Text) && IsCapitalisedLatin(tokens[i + 2].Text) && tokens[i + 1].After == ' ')
                    c.ForeignGlosses++;
            }
            return c;
        }

        private static bool PreviousIsCommaInBrackets(IReadOnlyList<Token> tokens, int i) =>
            i > 0 && tokens[i - 1].After == ',' && tokens[i - 1].Before == '(';

        private static bool HasTitle(string word, HashSet<string> titles)
        {
            foreach (string stem in Tokenizer.Stems(word))
                if (titles.Contains(stem)) return true;
            return false;
        }

        private static bool IsKoreanName(string word, TaggerSettings settings) =>
            word.Length == KoreanNameLength && IsHangulWord(word) && settings.KoreanSurnames.IndexOf(word[0]) >= 0;

        private static bool IsHangulWord(string word)
        {
            foreach (char ch in word) if (!Hangul.IsSyllable(ch)) return false;
            return word.Length > 0;
        }

        private static bool IsCapitalisedLatin(string word) =>
            word.Length > 1 && word[0] < 128 && char.IsUpper(word[0]) && Tokenizer.IsLatinOrDigit(word[word.Length - 1]);
    }
}
