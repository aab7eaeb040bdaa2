using System;
using System.Collections.Generic;
using System.Linq;
using AiNews.Text;

namespace AiNews.Tagging
{
    /// <summary>
    /// Labels articles from a <see cref="Taxonomy"/>: the organization the story is about, every named
    /// organization it discusses, topic tags, AI relevance and importance.
    /// <para>
    /// Words count by where they stand: the title weighs most, then the lead, then the rest. The main
    /// organization is read from the headline's subject ("메타, ...", "KAIST 연구팀, ...", "Grok is ...")
    /// before any counting, so a company mentioned in passing ("메타 엔지니어 출신") never takes a story over.
    /// </para>
    /// </summary>
    public sealed class Tagger
    {
        private const double TitleWeight = 3.0, LeadWeight = 2.0, BodyWeight = 1.0, TailWeight = 0.5;
        private const int LeadLength = 400, BodyLength = 1500;

        private readonly Taxonomy _taxonomy;
        private readonly TermMatcher _orgs, _buckets, _tags, _ai, _country, _importance;
        private readonly Dictionary<string, OrganizationEntry> _orgByName;
        private readonly HashSet<string> _titles, _cueWords;
        private readonly List<KeyValuePair<string, string>> _suffixes = new List<KeyValuePair<string, string>>();

        public Tagger(Taxonomy taxonomy)
        {
            _taxonomy = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));
            _orgByName = taxonomy.Organizations.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
            _orgs = new TermMatcher(taxonomy.Organizations.SelectMany(o =>
                o.Names.Select(n => new Term(n, o.Name, 1.0, true)).Concat(o.Aliases.Select(a => new Term(a, o.Name, 0.7, true)))));
            _buckets = new TermMatcher(taxonomy.Buckets.SelectMany(b => b.Members.Select(m => new Term(m, "bucket:" + b.Kind, 1.0, true))));
            _tags = new TermMatcher(taxonomy.Tags.SelectMany(t =>
                t.StrongCues.Select(c => new Term(c, t.Name, 1.0, false)).Concat(t.Cues.Select(c => new Term(c, t.Name, 0.3, false)))));
            // A strong Latin cue heading a Korean compound ("AI컴퓨팅") counts half: "AI웹툰" alone makes no AI story.
            _ai = new TermMatcher(taxonomy.AiStrongCues.Select(c => new Term(c, "ai", 1.0, false))
                .Concat(taxonomy.AiCues.Select(c => new Term(c, "ai", 0.2, false)))
                .Concat(taxonomy.AiStrongCues.Where(IsLatinWord).Select(c => new Term(c, "ai", 0.5, false) { AllowCompound = true })));
            _country = new TermMatcher(taxonomy.ForeignCues.Select(c => new Term(c, "foreign", 1.0, false))
                .Concat(taxonomy.DomesticCues.Select(c => new Term(c, "domestic", 1.0, false))));
            _importance = new TermMatcher(taxonomy.HighImportanceCues.Select(c => new Term(c, "high", 1.0, false)));
            _titles = new HashSet<string>(taxonomy.Buckets.SelectMany(b => b.Titles.Select(t => b.Kind + ":" + t)), StringComparer.OrdinalIgnoreCase);
            foreach (BucketEntry b in taxonomy.Buckets)
                foreach (string s in b.Suffixes) _suffixes.Add(new KeyValuePair<string, string>(s, b.Kind));
            _cueWords = new HashSet<string>(
                taxonomy.Tags.SelectMany(t => t.StrongCues.Concat(t.Cues)).Concat(taxonomy.AiStrongCues).Concat(taxonomy.AiCues)
                    .Concat(taxonomy.ForeignCues).Concat(taxonomy.DomesticCues).Where(c => c.IndexOf(' ') < 0),
                StringComparer.OrdinalIgnoreCase);
        }

        public Taxonomy Taxonomy => _taxonomy;

        private static bool IsLatinWord(string s) => s.Length > 0 && s.All(Tokenizer.IsLatinOrDigit);

        /// <summary>Labels one article from its title and body (the article itself is not changed).</summary>
        public TagResult Tag(string title, string content, string language = null)
        {
            title = TextNormalizer.SingleLine(title ?? string.Empty);
            content = content ?? string.Empty;
            language = LanguageGuess.Decide(language, title, content) ?? "en";
            bool english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
            var doc = new Document(title, content);
            var result = new TagResult();

            // AI relevance: strong cues anywhere, the title counting most; weak cues only add up.
            double ai = Score(doc, _ai, out Dictionary<string, double> aiByLabel, out int titleAiHits, diminishing: false);
            result.AiScore = Math.Round(ai, 2);

            // Named organizations.
            var orgScores = new Dictionary<string, double>(StringComparer.Ordinal);
            var orgFirstTitle = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var hit in doc.Hits(_orgs))
            {
                if (IsBackground(hit.Tokens, hit.Hit.First, hit.Hit.Last)) continue;
                double w = hit.Hit.Term.Weight * hit.Weight;
                orgScores[hit.Hit.Term.Label] = (orgScores.TryGetValue(hit.Hit.Term.Label, out double s) ? s : 0) + w;
                if (hit.InTitle && !orgFirstTitle.ContainsKey(hit.Hit.Term.Label)) orgFirstTitle[hit.Hit.Term.Label] = hit.Hit.First;
            }
            foreach (var kv in orgScores) result.OrganizationScores[kv.Key] = Math.Round(kv.Value, 2);

            // Aside from the headline, a company needs a real presence to be listed: a few mentions, or one in the lead and more.
            var listed = orgScores.Where(kv => orgFirstTitle.ContainsKey(kv.Key) || kv.Value >= 3.0)
                .OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToList();

            // Main organization: the headline's subject first.
            Subject subject = FindSubject(doc, english);
            string main = null;
            if (subject != null)
            {
                result.Subject = subject.Text;
                main = subject.Kind == null ? subject.Organization : BucketFor(subject, doc, english);
            }
            if (main == null)
            {
                // One company in the headline is its topic; several, none of them the subject, make a roundup.
                if (orgFirstTitle.Count == 1)
                    main = orgFirstTitle.Keys.First();
                else if (orgFirstTitle.Count > 1)
                    main = _taxonomy.BucketName(Taxonomy.Other);
                else
                {
                    var ranked = orgScores.OrderByDescending(kv => kv.Value).ToList();
                    if (ranked.Count > 0 && ranked[0].Value >= 5.0 && (ranked.Count == 1 || ranked[0].Value >= 2.0 * ranked[1].Value))
                        main = ranked[0].Key;
                }
            }
            if (main == null) main = _taxonomy.BucketName(Taxonomy.Other);
            if (_orgByName.ContainsKey(main) && !listed.Contains(main)) listed.Insert(0, main);
            result.Organization = main;
            result.Organizations = listed.ToArray();

            // Tags: strong cues, the title counting most; a tag needs a real presence and a share of the leader.
            double ignored = Score(doc, _tags, out Dictionary<string, double> tagScores, out _);
            foreach (var kv in tagScores) result.TagScores[kv.Key] = Math.Round(kv.Value, 2);
            double top = tagScores.Count == 0 ? 0 : tagScores.Values.Max();
            result.Tags = tagScores.Where(kv => kv.Value >= TagThreshold && kv.Value >= TagShare * top)
                .OrderByDescending(kv => kv.Value).Take(5).Select(kv => kv.Key).ToArray();

            // AI relevance: with AI in the headline a few mentions suffice; without, the text must keep coming back to it.
            // A page with hardly any text (a junk extraction) is judged by its headline alone.
            bool titleNamesAiOrg = orgFirstTitle.Count > 0;
            if (doc.ContentLength < ShortText)
                result.IsAiRelated = titleAiHits > 0 || titleNamesAiOrg;   // a whole cue word, not "AI웹툰"
            else
                result.IsAiRelated = titleAiHits > 0 ? ai >= AiWithHeadline : ai >= AiWithoutHeadline;

            result.Importance = Importance(result, doc, titleAiHits);
            return result;
        }

        /// <summary>Tuning knobs, measured by build.ps1 bench-tag; change them only with the bench at hand.</summary>
        public double TagThreshold { get; set; } = 3.0;
        /// <summary>A tag must reach this share of the strongest tag's score.</summary>
        public double TagShare { get; set; } = 0.35;
        public double WeakCueWeight { get; set; } = 0.3;
        public double AiWithHeadline { get; set; } = 5.5;
        public double AiWithoutHeadline { get; set; } = 8.0;
        private const int ShortText = 200;

        private string Importance(TagResult r, Document doc, int titleAiHits)
        {
            if (!r.IsAiRelated) return ImportanceLevel.Low;
            int points = 0;
            if (_orgByName.ContainsKey(r.Organization)) points += 2;
            if (doc.Title.Count > 0 && _importance.Match(doc.Title).Count > 0) points++;
            if (r.Organizations.Length >= 2) points++;
            if (titleAiHits > 0) points++;
            if (r.Tags.Length == 0 && r.AiScore < 8) return ImportanceLevel.Low;
            return points >= 4 ? ImportanceLevel.High : ImportanceLevel.Normal;
        }

        // ---- scoring -------------------------------------------------------------------------------

        private static double Score(Document doc, TermMatcher matcher, out Dictionary<string, double> byLabel, out int titleHits, bool diminishing = true)
        {
            byLabel = new Dictionary<string, double>(StringComparer.Ordinal);
            var perTerm = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            titleHits = 0;
            double total = 0;
            foreach (var hit in doc.Hits(matcher, all: true))
            {
                string key = hit.Hit.Term.Label + "\u0001" + hit.Hit.Term.Text;
                int n = perTerm.TryGetValue(key, out int c) ? c : 0;
                perTerm[key] = n + 1;
                // The same word again adds less and less: a press release repeating one product name is not five topics.
                double w = hit.Hit.Term.Weight * hit.Weight / (diminishing ? 1 + n : 1);
                if (hit.InTitle && hit.Hit.Term.Weight >= 1.0) titleHits++;
                byLabel[hit.Hit.Term.Label] = (byLabel.TryGetValue(hit.Hit.Term.Label, out double s) ? s : 0) + w;
                total += w;
            }
            return total;
        }

        // "애플 출신 로봇 스타트업", "메타 엔지니어", "엔비디아 로보틱스 책임자", "former Google engineer": the company is
        // a person's background or affiliation, not the actor of the story.
        private static bool IsBackground(IReadOnlyList<Token> tokens, int first, int last)
        {
            for (int k = last + 1; k <= last + 2 && k < tokens.Count; k++)
            {
                if (k > last + 1 && !RoleModifiers.Contains(tokens[k - 1].Text)) break;
                foreach (string stem in Tokenizer.Stems(tokens[k].Text))
                    if (Roles.Contains(stem)) return true;
            }
            if (first > 0)
            {
                string before = tokens[first - 1].Text;
                if (before == "前" || before == "전" || string.Equals(before, "former", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(before, "ex", StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        private static readonly HashSet<string> Roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "출신", "엔지니어", "엔지니어들", "연구원", "연구원들", "연구자", "연구자들", "책임자", "임원", "임원들", "직원", "직원들",
            "개발자", "개발자들", "수석", "부사장", "engineer", "engineers", "researcher", "researchers", "alum", "alumni", "veteran",
            "employee", "employees", "executive", "executives",
        };

        // Words that may stand between the company and the role: "엔비디아 로보틱스 책임자", "구글 AI 연구원".
        private static readonly HashSet<string> RoleModifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "AI", "로보틱스", "딥마인드", "수석", "전", "前", "research", "AI연구",
        };

        // ---- the headline's subject ----------------------------------------------------------------

        private sealed class Subject
        {
            public string Text;
            public string Organization;   // a named organization, or null
            public string Kind;           // a bucket kind when the subject is not a named organization
            public bool Foreign;          // known to be abroad (a foreign member, a foreign-looking research lab)
        }

        private Subject FindSubject(Document doc, bool english)
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
            //    first, then a name the article keeps repeating ("스텝펀, ..." before a quoted 'GPT-5' later on).
            var commaPhrases = phrases.Where(p => p.EndsWithComma && p.Tokens.Count <= 5 && (!p.Quoted || p.Tokens.Count <= 2)).ToList();
            foreach (Phrase p in commaPhrases)
            {
                Subject s = ResolveKnown(p.Tokens);
                if (s != null) return s;
            }
            foreach (Phrase p in commaPhrases)
                for (int k = p.Tokens.Count - 1; k >= Math.Max(0, p.Tokens.Count - 3); k--)
                {
                    Subject s = ResolveUnknown(p.Tokens[k], doc, english, minCount: 1);
                    if (s != null) return s;
                }
            // 2. The start of each phrase that is not a quotation, the first one first.
            var open = phrases.Where(p => !p.Quoted || p.Tokens.Count <= 2).ToList();
            foreach (Phrase p in open)
            {
                Subject s = ResolveKnown(p.Tokens.Take(3).ToList());
                if (s != null) return s;
            }
            // 3. The headline's first word, when it plainly stands as the subject: "나라지식정보 “...”", "펜시브가 ...".
            if (open.Count > 0 && StandsAsSubject(tt, open[0].Tokens[0], english))
                return ResolveUnknown(open[0].Tokens[0], doc, english);
            return null;
        }

        private static bool StandsAsSubject(string title, Token head, bool english)
        {
            if (english) return true;
            // A Latin name opening a Korean headline ("WEF의 ...", "xCREW ...") is a name, whatever follows it.
            if (Tokenizer.IsLatinOrDigit(head.Text[0]) && !char.IsDigit(head.Text[0])) return true;
            char after = head.After;
            if (after == ',' || after == '"' || after == '“' || after == '\'' || after == '‘') return true;
            if (after == ' ' && head.End + 1 < title.Length && "\"“‘'".IndexOf(title[head.End + 1]) >= 0) return true;
            string w = head.Text;
            return w.Length > 2 && (w.EndsWith("은", StringComparison.Ordinal) || w.EndsWith("는", StringComparison.Ordinal)
                || w.EndsWith("이", StringComparison.Ordinal) || w.EndsWith("가", StringComparison.Ordinal));
        }

        private Subject ResolveKnown(List<Token> phrase)
        {
            string text = string.Join(" ", phrase.Select(x => x.Text));
            foreach (TermHit hit in _orgs.Match(phrase))
                if (!IsBackground(phrase, hit.First, hit.Last))
                    return new Subject { Text = text, Organization = hit.Term.Label };
            foreach (TermHit hit in _buckets.Match(phrase))
            {
                string kind = hit.Term.Label.Substring("bucket:".Length);
                return new Subject { Text = text, Kind = kind, Foreign = kind == Taxonomy.Foreign || ForeignBefore(phrase, hit.First) };
            }
            for (int i = 0; i < phrase.Count; i++)
            {
                foreach (string stem in Tokenizer.Stems(phrase[i].Text))
                {
                    // "오세훈 시장", "이 대통령": a title after a name, closing the phrase.
                    if (i > 0 && i == phrase.Count - 1)
                        foreach (string kind in new[] { Taxonomy.Government, Taxonomy.Research })
                            if (_titles.Contains(kind + ":" + stem)) return new Subject { Text = text, Kind = kind, Foreign = ForeignBefore(phrase, i) };
                    foreach (var suffix in _suffixes)
                        if (stem.Length > suffix.Key.Length && stem.EndsWith(suffix.Key, StringComparison.Ordinal))
                            return new Subject { Text = text, Kind = suffix.Value, Foreign = ForeignBefore(phrase, i) };
                }
            }
            return null;
        }

        // "독일 막스플랑크 연구소", "美 스탠퍼드대": a country named before the organization.
        private bool ForeignBefore(List<Token> phrase, int index)
        {
            for (int i = 0; i < index; i++)
                foreach (TermHit h in _country.Match(new[] { phrase[i] }))
                    if (h.Term.Label == "foreign") return true;
            return false;
        }

        private Subject ResolveUnknown(Token head, Document doc, bool english, int minCount = 2)
        {
            string name = Tokenizer.Stems(head.Text).Last();
            if (name.Length < 2 || char.IsDigit(name[0]) || _cueWords.Contains(name) || _cueWords.Contains(head.Text) || Roles.Contains(name)) return null;
            if (english)
            {
                if (!char.IsUpper(name[0]) || CommonEnglish.Contains(name)) return null;
                if (doc.CountCapitalizedMidSentence(name) < 1) return null;
            }
            else if (doc.CountInContent(name) < minCount) return null;
            return new Subject { Text = head.Text, Kind = "unknown" };
        }

        private string BucketFor(Subject s, Document doc, bool english)
        {
            bool foreign = s.Foreign || english;
            switch (s.Kind)
            {
                case Taxonomy.Government: return _taxonomy.BucketName(Taxonomy.Government);
                case Taxonomy.Foreign: return _taxonomy.BucketName(Taxonomy.Foreign);
                case Taxonomy.Other: return _taxonomy.BucketName(Taxonomy.Other);
                case Taxonomy.Research: return _taxonomy.BucketName(foreign ? Taxonomy.Foreign : Taxonomy.Research);
                case Taxonomy.Domestic: return _taxonomy.BucketName(Taxonomy.Domestic);
                default:
                    // An unknown company: Korean unless the story is written from abroad.
                    return _taxonomy.BucketName(foreign || LooksForeign(doc) ? Taxonomy.Foreign : Taxonomy.Domestic);
            }
        }

        private bool LooksForeign(Document doc)
        {
            int foreign = 0, domestic = 0;
            foreach (var hit in doc.Hits(_country, all: true))
            {
                if (hit.InTitle || (hit.Hit.Term.Text != "현지시간" && hit.Offset > LeadLength)) continue;
                if (hit.Hit.Term.Label == "foreign") foreign += hit.Hit.Term.Text == "현지시간" ? 3 : 1;
                else domestic++;
            }
            return foreign > domestic;
        }

        private static readonly HashSet<string> CommonEnglish = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "The", "A", "An", "How", "Why", "What", "When", "Where", "Who", "Which", "This", "That", "These", "Those", "It", "Its",
            "Is", "Are", "All", "Everyone", "Everybody", "Nobody", "No", "Yes", "Our", "We", "You", "Your", "I", "My", "In", "On",
            "At", "For", "With", "From", "To", "Of", "By", "As", "If", "Can", "Could", "Should", "Would", "Will", "Do", "Does",
            "New", "Inside", "Meet", "Here", "There", "Now", "Today", "Best", "Top",
        };

        // ---- text model ----------------------------------------------------------------------------

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

        private sealed class WeightedHit
        {
            public TermHit Hit;
            public IReadOnlyList<Token> Tokens;
            public double Weight;
            public bool InTitle;
            public int Offset;
        }

        private sealed class Document
        {
            public Document(string title, string content)
            {
                TitleText = title;
                Content = content;
                Title = Tokenizer.Tokenize(title);
                Body = Tokenizer.Tokenize(content);
                ContentLength = content.Length;
            }

            public string TitleText { get; }
            public string Content { get; }
            public List<Token> Title { get; }
            public List<Token> Body { get; }
            public int ContentLength { get; }

            public IEnumerable<WeightedHit> Hits(TermMatcher matcher, bool all = false)
            {
                foreach (TermHit h in all ? matcher.MatchAll(Title) : matcher.Match(Title))
                    yield return new WeightedHit { Hit = h, Tokens = Title, Weight = TitleWeight, InTitle = true, Offset = -1 };
                foreach (TermHit h in all ? matcher.MatchAll(Body) : matcher.Match(Body))
                {
                    int offset = Body[h.First].Start;
                    double w = offset < LeadLength ? LeadWeight : offset < BodyLength ? BodyWeight : TailWeight;
                    yield return new WeightedHit { Hit = h, Tokens = Body, Weight = w, Offset = offset };
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
}
