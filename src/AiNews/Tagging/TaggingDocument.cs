using System;
using System.Collections.Generic;

namespace AiNews.Tagging
{
    /// <summary>An article as the tagger reads it: headline and body tokens, and dictionary hits weighted by where they stand.</summary>
    internal sealed class TaggingDocument
    {
        private readonly TaggerSettings _settings;

        public TaggingDocument(string title, string content, bool english, TaggerSettings settings)
        {
            _settings = settings;
            TitleText = title;
            Content = content;
            English = english;
            Title = Tokenizer.Tokenize(title);
            Body = Tokenizer.Tokenize(content);
        }

        public string TitleText { get; }
        public string Content { get; }
        public bool English { get; }
        public List<Token> Title { get; }
        public List<Token> Body { get; }
        public int ContentLength => Content.Length;
        public bool IsShort => Content.Length < _settings.ShortText;

        // A first sentence shorter than this is a dateline or byline, not the sentence that says what happened.
        private const int MinFirstSentence = 30;

        /// <summary>Where the body's first full sentence ends (at most the lead's length): it says what the story is about.</summary>
        public int FirstSentenceEnd
        {
            get
            {
                int limit = Math.Min(Content.Length, _settings.LeadLength);
                for (int i = MinFirstSentence; i < limit; i++)
                {
                    char c = Content[i];
                    if (c == '\n' || ((c == '.' || c == '?' || c == '!') && (i + 1 >= Content.Length || char.IsWhiteSpace(Content[i + 1])))) return i;
                }
                return limit;
            }
        }

        public IEnumerable<WeightedHit> Hits(TermMatcher matcher, bool all = false)
        {
            foreach (TermHit h in all ? matcher.MatchAll(Title) : matcher.Match(Title))
                yield return new WeightedHit { Hit = h, Tokens = Title, Weight = _settings.TitleWeight, InTitle = true, Offset = -1 };
            foreach (TermHit h in all ? matcher.MatchAll(Body) : matcher.Match(Body))
            {
                int offset = Body[h.First].Start;
                double w = offset < _settings.LeadLength ? _settings.LeadWeight : offset < _settings.BodyLength ? _settings.BodyWeight : _settings.TailWeight;
                yield return new WeightedHit { Hit = h, Tokens = Body, Weight = w, Offset = offset, InLead = offset < _settings.LeadLength };
            }
        }

        public int CountInContent(string stem)
        {
            int n = 0;
            foreach (Token t in Body)
                foreach (string s in Tokenizer.Stems(t.Text))
                    if (s == stem) { n++; break; }
            return n;
        }

        public int CountCapitalizedMidSentence(string word)
        {
            int n = 0;
            foreach (Token t in Body)
            {
                if (!string.Equals(t.Text, word, StringComparison.Ordinal)) continue;
                int i = t.Start - 1;
                while (i >= 0 && char.IsWhiteSpace(Content[i])) i--;
                if (i >= 0 && ".!?\n\"“".IndexOf(Content[i]) < 0) n++;
            }
            return n;
        }
    }
}
