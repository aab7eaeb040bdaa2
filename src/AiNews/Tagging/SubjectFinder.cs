using System;
using System.Collections.Generic;
using System.Linq;
using AiNews.Text;

namespace AiNews.Tagging
{
    /// <summary>
    /// Reads the headline's subject ("메타, ...", "KAIST 연구팀, ...", "Grok is ...") and tells a company that acts from
    /// one that is a person's background ("메타 엔지니어 출신"). Rules that describe; the model decides what they weigh.
    /// </summary>
    internal sealed class SubjectFinder
    {
        private readonly TaxonomyMatchers _m;
        private readonly TaggerSettings _settings;

        public SubjectFinder(TaxonomyMatchers matchers, TaggerSettings settings)
        {
            _m = matchers;
            _settings = settings;
        }

        // "애플 출신 로봇 스타트업", "메타 엔지니어", "엔비디아 로보틱스 책임자", "former Google engineer": the company is
        // a person's background or affiliation, not the actor of the story.
        public bool IsBackground(IReadOnlyList<Token> tokens, int first, int last)
        {
            for (int k = last + 1; k <= last + 2 && k < tokens.Count; k++)
            {
                if (k > last + 1 && !_settings.RoleModifiers.Contains(tokens[k - 1].Text)) break;
                foreach (string stem in Tokenizer.Stems(tokens[k].Text))
                    if (_settings.Roles.Contains(stem)) return true;
            }
            return first > 0 && _settings.FormerMarkers.Contains(tokens[first - 1].Text);
        }

        public HeadlineSubject Find(TaggingDocument doc)
        {
            // A leading "[신년사]" or "[인터뷰]" labels the column, it is not the subject.
            int from = 0;
            string tt = doc.TitleText;
            if (tt.Length > 0 && (tt[0] == '[' || tt[0] == '【'))
            {
                int close = tt.IndexOfAny(new[] { ']', '】' });
                if (close > 0) from = close + 1;
            }
            var tokens = doc.Title.Where(x => x.Start >= from).ToList();
            if (tokens.Count == 0) return null;
            List<Phrase> phrases = Phrases(tt, tokens, from);
            // 1. Short phrases closed by a comma: "메타, ...", "KAIST 전상훈 교수팀, ...", "'그록', ...". Known names
            //    first, then a name the article keeps repeating.
            var commaPhrases = phrases.Where(p => p.EndsWithComma && p.Tokens.Count <= 5 && (!p.Quoted || p.Tokens.Count <= 2)).ToList();
            foreach (Phrase p in commaPhrases)
            {
                HeadlineSubject s = ResolveKnown(p.Tokens);
                if (s != null) { s.How = "comma"; return s; }
            }
            // Of the unknown words closing comma phrases, the one the article names most: "AI가 만든 기회, ... 카스퍼스키,"
            // is about 카스퍼스키, which the body keeps naming, not about 기회.
            HeadlineSubject unknown = null;
            foreach (Phrase p in commaPhrases)
                for (int k = p.Tokens.Count - 1; k >= Math.Max(0, p.Tokens.Count - 3); k--)
                {
                    HeadlineSubject s = ResolveUnknown(p.Tokens[k], doc, minCount: 1);
                    if (s != null && (unknown == null || s.Mentions > unknown.Mentions)) unknown = s;
                    if (s != null) break;
                }
            if (unknown != null) { unknown.How = "comma"; return unknown; }
            // 2. The start of each phrase that is not a quotation, the first one first.
            var open = phrases.Where(p => !p.Quoted || p.Tokens.Count <= 2).ToList();
            foreach (Phrase p in open)
            {
                HeadlineSubject s = ResolveKnown(p.Tokens.Take(3).ToList(), p.Tokens);
                if (s != null) { s.How = "start"; return s; }
            }
            // 3. The headline's first word, when it plainly stands as the subject: "나라지식정보 “...”", "펜시브가 ...".
            if (open.Count > 0 && StandsAsSubject(tt, open[0].Tokens[0], doc.English))
            {
                HeadlineSubject s = ResolveUnknown(open[0].Tokens[0], doc);
                if (s != null) s.How = "first";
                return s;
            }
            return null;
        }

        /// <summary>The bucket the rules give a subject that is not a named organization.</summary>
        public string BucketKindFor(HeadlineSubject s, TaggingDocument doc)
        {
            bool foreign = s.Foreign || doc.English;
            switch (s.Kind)
            {
                case Taxonomy.Research: return foreign ? Taxonomy.Foreign : Taxonomy.Research;
                case Taxonomy.Government:
                case Taxonomy.Foreign:
                case Taxonomy.Other:
                case Taxonomy.Domestic: return s.Kind;
                default:
                    // An unknown company: Korean unless the story is written from abroad.
                    return foreign || LooksForeign(doc) ? Taxonomy.Foreign : Taxonomy.Domestic;
            }
        }

        /// <summary>Country cues in the lead (not the headline): foreign minus domestic, the dateline counting three.</summary>
        public int ForeignLean(TaggingDocument doc)
        {
            int foreign = 0, domestic = 0;
            foreach (var hit in doc.Hits(_m.Country, all: true))
            {
                bool dateline = hit.Hit.Term.Text == _settings.ForeignDateline;
                if (hit.InTitle || (!dateline && !hit.InLead)) continue;
                if (hit.Hit.Term.Label == "foreign") foreign += dateline ? 3 : 1;
                else domestic++;
            }
            return foreign - domestic;
        }

        public bool LooksForeign(TaggingDocument doc) => ForeignLean(doc) > 0;

        private static bool StandsAsSubject(string title, Token head, bool english)
        {
            if (english) return true;
            // A Latin name opening a Korean headline ("WEF의 ...", "xCREW ...") is a name, whatever follows it.
            if (Tokenizer.IsLatinOrDigit(head.Text[0]) && !char.IsDigit(head.Text[0])) return true;
            char after = head.After;
            if (after == ',' || after == '"' || after == '“' || after == '\'' || after == '‘') return true;
            if (after == ' ' && head.End + 1 < title.Length && "\"“‘'".IndexOf(title[head.End + 1]) >= 0) return true;
            // A subject particle after a word of at least two syllables (a one-syllable word with 이/가 is more often not a name).
            return HeadlineRole.SubjectParticleOf(head.Text, minStem: 2) != null;
        }

        private HeadlineSubject ResolveKnown(List<Token> phrase, List<Token> whole = null)
        {
            string text = string.Join(" ", phrase.Select(x => x.Text));
            foreach (TermHit hit in _m.Orgs.Match(phrase))
                if (!IsBackground(phrase, hit.First, hit.Last) && !InRelativeClause(whole ?? phrase, hit.Last))
                    return new HeadlineSubject { Text = text, Organization = hit.Term.Label };
            foreach (TermHit hit in _m.Buckets.Match(phrase))
            {
                string kind = hit.Term.Label.Substring("bucket:".Length);
                return new HeadlineSubject { Text = text, Kind = kind, Foreign = kind == Taxonomy.Foreign || ForeignBefore(phrase, hit.First) };
            }
            for (int i = 0; i < phrase.Count; i++)
            {
                foreach (string stem in Tokenizer.Stems(phrase[i].Text))
                {
                    // "오세훈 시장", "이 대통령": a title after a name, closing the phrase.
                    if (i > 0 && i == phrase.Count - 1)
                        foreach (string kind in new[] { Taxonomy.Government, Taxonomy.Research })
                            if (_m.Titles.Contains(kind + ":" + stem)) return new HeadlineSubject { Text = text, Kind = kind, Foreign = ForeignBefore(phrase, i) };
                    foreach (var suffix in _m.Suffixes)
                        if (stem.Length > suffix.Key.Length && stem.EndsWith(suffix.Key, StringComparison.Ordinal))
                            return new HeadlineSubject { Text = text, Kind = suffix.Value, Foreign = ForeignBefore(phrase, i) };
                }
            }
            return null;
        }

        // Korean adnominal verb endings: "거절한", "인수된", "세웠던" turn what precedes them into a modifier of a later noun.
        private static readonly string[] AdnominalEndings = { "한", "된", "던" };

        // "구글 인수 제안 거절한 칩 스타트업 X, ...", "애플에 인수된 X, ...": a name inside a relative clause
        // modifies the noun the phrase ends with, which is the subject; the name is not.
        private static bool InRelativeClause(List<Token> phrase, int last)
        {
            for (int k = last + 1; k < phrase.Count - 1; k++)
            {
                string w = phrase[k].Text;
                if (w.Length >= 2 && Hangul.IsLetter(w[w.Length - 1]) && AdnominalEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal))) return true;
            }
            return false;
        }

        // "독일 막스플랑크 연구소", "美 스탠퍼드대": a country named before the organization.
        private bool ForeignBefore(List<Token> phrase, int index)
        {
            for (int i = 0; i < index; i++)
                foreach (TermHit h in _m.Country.Match(new[] { phrase[i] }))
                    if (h.Term.Label == "foreign") return true;
            return false;
        }

        private HeadlineSubject ResolveUnknown(Token head, TaggingDocument doc, int minCount = 2)
        {
            string name = Tokenizer.Stems(head.Text).Last();
            if (name.Length < 2 || char.IsDigit(name[0]) || _m.CueWords.Contains(name) || _m.CueWords.Contains(head.Text) || _settings.Roles.Contains(name)
                || _settings.TrendWords.Contains(name)) return null;
            int mentions;
            if (doc.English)
            {
                if (!char.IsUpper(name[0]) || _settings.CommonEnglish.Contains(name)) return null;
                if ((mentions = doc.CountCapitalizedMidSentence(name)) < 1) return null;
            }
            else if ((mentions = doc.CountInContent(name)) < minCount) return null;
            return new HeadlineSubject { Text = head.Text, Kind = "unknown", Mentions = mentions };
        }

        private sealed class Phrase
        {
            public List<Token> Tokens = new List<Token>();
            public bool EndsWithComma;
            public bool Quoted;
        }

        // Headline phrases: broken at commas, ellipses, colons, bars and quotation marks.
        private static List<Phrase> Phrases(string title, IReadOnlyList<Token> tokens, int from)
        {
            var phrases = new List<Phrase>();
            var current = new Phrase();
            bool inQuote = false;
            int pos = from;
            for (int i = 0; i < tokens.Count; i++)
            {
                string gap = title.Substring(pos, tokens[i].Start - pos);
                bool breaks = false, opens = false;
                // An apostrophe inside a word ("OpenAI’s") is neither a quote nor a break.
                bool apostrophe = gap.Length == 1 && (gap[0] == '\'' || gap[0] == '’') && i > 0 && tokens[i - 1].End == pos;
                if (!apostrophe)
                {
                    foreach (char c in gap)
                    {
                        if (c == ',' || c == '…' || c == '|' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' || c == '[' || c == ']' || c == '/') breaks = true;
                        else if (c == '.' && gap.Contains("..")) breaks = true;
                        else if (c == '“' || c == '‘' || c == '「' || c == '『') { inQuote = true; opens = true; breaks = true; }
                        else if (c == '”' || c == '’' || c == '」' || c == '』') { inQuote = false; breaks = true; }
                        else if (c == '"' || c == '\'')
                        {
                            inQuote = !inQuote;
                            opens |= inQuote;
                            breaks = true;
                        }
                    }
                }
                if (breaks && current.Tokens.Count > 0)
                {
                    current.EndsWithComma = gap.Contains(",");
                    phrases.Add(current);
                    current = new Phrase();
                }
                if (current.Tokens.Count == 0) current.Quoted = inQuote || opens;
                current.Tokens.Add(tokens[i]);
                pos = tokens[i].End;
            }
            if (current.Tokens.Count > 0)
            {
                current.EndsWithComma = title.Substring(pos).Contains(",");
                phrases.Add(current);
            }
            return phrases;
        }
    }
}
