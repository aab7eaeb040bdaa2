using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AiNews.Tagging;
using AiNews.Text;

namespace AiNews.Summaries
{
    /// <summary>
    /// Offline extractive summaries: the sentences that are most central in a graph of word overlap
    /// (TextRank, with a mild preference for the lead, as news puts the gist first), in their original order.
    /// Photo credits, bylines, e-mail addresses, copyright lines, the headline and the standfirst never make it in, and a
    /// sentence that points back ("이는", "He") comes only with the sentence it points to.
    /// A summary is short enough to skim: at most <see cref="SentenceCount"/> whole sentences within
    /// <see cref="MaxLength"/> (characters of Korean, or a fifth as many words of English).
    /// </summary>
    public sealed class ExtractiveSummarizer
    {
        /// <summary>
        /// The default length budget: 300 characters of Korean, about three short news sentences, what a reader takes
        /// in at a glance in a digest entry.
        /// </summary>
        public const int DefaultMaxLength = 300;

        /// <summary>
        /// English is measured in words, not characters: a budget of <see cref="MaxLength"/> allows MaxLength / 5 words
        /// (300 → 60). Sixty English words carry about as much as 300 Korean characters (a Korean syllable block holds
        /// roughly what a fifth of an English word with its space does).
        /// </summary>
        public const int CharactersPerEnglishWord = 5;

        /// <summary>
        /// The mark of a sentence that had to be shortened: only when not one whole sentence fits the budget, the best
        /// one is cut at its last clause break (or word) that fits, and this shows the reader it goes on.
        /// </summary>
        public const string ShortenedMark = "…";

        public int SentenceCount { get; set; } = 3;

        /// <summary>The length budget: characters of a Korean (or Chinese, Japanese) summary; English gets MaxLength / 5 words.</summary>
        public int MaxLength { get; set; } = DefaultMaxLength;

        /// <summary>Sentences longer than this (characters) are skipped: they are tables or run-together junk.</summary>
        public int MaxSentenceLength { get; set; } = 400;

        /// <summary>
        /// The most sentences ranked for one summary. Ranking compares every candidate with every other (duplicates, then
        /// TextRank's graph), so its cost grows with the square of their number: a 95,000-character page of 940 sentences
        /// took 1.8 s. A news summary comes from the first sentences; on the 994 archive articles and the 1,078 pages of
        /// aeb-dev and trafilatura-eval no summary changed at this bound (at 200, 4 pages' did).
        /// </summary>
        private const int MaxCandidates = 400;

        /// <summary>
        /// Characters of the text read for its summary. What is read is split and checked sentence by sentence against the
        /// standfirst paragraphs, which costs the square of the text's length on a page that repeats its paragraphs; a
        /// summary comes from the start. The longest page of the benchmark corpora has 101,217.
        /// </summary>
        private const int MaxTextLength = 200000;

        private static readonly Regex PhotoCredit = new Regex(
            @"[\(\[]\s*(사진|이미지|그래픽|자료|영상|출처|사진제공|사진 제공|제공|Photo|Image|Credit|Source)\s*[=:：][^\)\]]*[\)\]]",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        // The credits of PhotoCredit that name where data comes from rather than who took a picture.
        private static readonly HashSet<string> SourceCredits = new HashSet<string>(StringComparer.Ordinal) { "자료", "출처", "source" };
        private static readonly Regex Email = new Regex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant);
        private static readonly Regex Byline = new Regex(
            @"^\s*[\[\(]?\s*([가-힣]{2,4}\s*(기자|특파원|객원기자|선임기자|편집장)\s*([=\]\)/]|$)|(By|Written by|Reporting by)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$)",
            RegexOptions.CultureInvariant);
        private static readonly Regex Junk = new Regex(
            @"(무단\s*전재|재배포\s*금지|저작권자|ⓒ|©|All rights reserved|Copyright|기사제보|구독하기|Subscribe|Sign up|newsletter|Advertisement|관련기사|^사진\s*=|^\s*(사진|이미지)\s*(제공|출처)|^\s*\[?사진\]?\s*$)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>
        /// A note about the writer that the extraction kept with the story (an author box): it opens as a person's
        /// description, its name often lost to the extraction ("is a news writer who covers …", "Jane Doe is a senior
        /// reporter for …", "Previously, she was a writer and editor at …") and names a newsroom job or a past employer
        /// (<see cref="WriterJob"/>). Both are needed: "CapCut is a video editor from ByteDance" is the story's.
        /// </summary>
        private static readonly Regex WriterOpening = new Regex(
            @"^(?:(?:[A-Z][\w.'’-]*\s+){0,4}(?:is|was)\s+(?:a|an)\s|(?:Previously|Before that|Prior to that|Before joining|Prior to joining)\b[^.]{0,60}?\b(?:he|she|they)\s+(?:was|were|worked|wrote|covered|spent|served)\b)",
            RegexOptions.CultureInvariant);
        private static readonly Regex WriterJob = new Regex(
            @"\b(?i:reporter|writer|editor|correspondent|journalist|columnist|contributor)s?\b(?:\s+and\s+(?i:[a-z]+))?\s+(?:(?:at|for)\s+[A-Z]|covering\b|who\s+covers\b)|\bworked\s+(?:at|for)\s+[A-Z]",
            RegexOptions.CultureInvariant);

        /// <summary>
        /// A sentence that stands on the one before it: it opens with a pronoun or a demonstrative for something that one
        /// named ("이는", "이들은", "그는", "이 회사는", "이 대표는", "He", "This is"). Alone in a summary it names no one,
        /// so it is taken only together with the sentence before it.
        /// </summary>
        private static readonly Regex LeansOnPrevious = new Regex(
            @"^[""“‘']?(이[는를에와로]\s|이들[은이을의]?\s|이처럼|이같은|이 같은|이러한|그[는의]\s|그녀[는의]\s|그들[은의]\s|[이그]\s+[가-힣]{1,6}?(은|는|이|가|을|를|의|에서|에게)\s|" +
            @"(He|She|They|It|His|Her|Their|Its)\s|(This|That|These|Those)\s+(is|was|are|were|means|meant|comes|came|will|would|could|can|has|have|had|includes|included|makes|made)\b)",
            RegexOptions.CultureInvariant);

        /// <summary>
        /// A sentence that continues an argument: it opens with a connective ("하지만", "또한", "특히", "However", "Also").
        /// It is taken only after an earlier sentence of the text, never to open a summary.
        /// </summary>
        private static readonly Regex Continues = new Regex(
            @"^[""“‘']?(하지만|그러나|그런데|그래서|따라서|또한|또\s|아울러|특히|한편|반면|다만|이어|이와 함께|이 밖에|이밖에|" +
            @"(However|But|Also|Meanwhile|Still|Instead|Yet|And|Moreover|Additionally|Furthermore)\b)",
            RegexOptions.CultureInvariant);

        /// <summary>A clause break to shorten an over-long sentence at: a comma, semicolon or colon, or a dash between spaces.</summary>
        private static readonly Regex ClauseBreak = new Regex(@"[,;:，、](?=\s)|\s[-–—](?=\s)", RegexOptions.CultureInvariant);

        /// <summary>The summary of a text, or null when it holds no usable sentence besides the title and standfirst.</summary>
        /// <param name="language">The article's language ("ko", "en"); null guesses it from the text. It decides the unit of <see cref="MaxLength"/>.</param>
        public string Summarize(string title, string content, string language = null)
        {
            List<string> picked = Pick(title, content, language);
            return picked.Count == 0 ? null : string.Join(" ", picked);
        }

        /// <summary>Whether a summary of text in <paramref name="language"/> is measured in words (English and other spaced scripts) rather than characters.</summary>
        public static bool CountsWords(string language) =>
            !(language != null && (language.StartsWith("ko", StringComparison.OrdinalIgnoreCase)
                || language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)));

        /// <summary>The length of <paramref name="text"/> in the unit of <paramref name="language"/>: words or characters.</summary>
        public static int Measure(string text, string language) =>
            CountsWords(language) ? CountWords(text) : (text ?? string.Empty).Length;

        /// <summary>The budget in the unit of <paramref name="language"/>: MaxLength characters, or MaxLength / 5 words.</summary>
        public int Budget(string language) =>
            CountsWords(language) ? Math.Max(1, MaxLength / CharactersPerEnglishWord) : Math.Max(1, MaxLength);

        private static int CountWords(string text) =>
            (text ?? string.Empty).Split((char[])null, StringSplitOptions.RemoveEmptyEntries).Length;

        public List<string> Pick(string title, string content, string language = null)
        {
            language = LanguageGuess.Decide(language, title, content);
            if (content != null && content.Length > MaxTextLength)
                content = content.Substring(0, char.IsHighSurrogate(content[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength);
            // The sentences, and which are pieces of a long quotation (see SentenceSplitter.Split).
            var all = new List<string>();
            var quoted = new List<bool>();
            var inQuotation = new List<bool>();
            List<string> split = SentenceSplitter.Split(content ?? string.Empty, inQuotation);
            for (int i = 0; i < split.Count; i++)
            {
                string sentence = Clean(split[i]);
                if (sentence.Length == 0) continue;
                all.Add(sentence);
                quoted.Add(inQuotation[i]);
            }
            string normalTitle = Normal(title);
            var titleBigrams = new HashSet<int>(Bigrams(normalTitle));
            List<string> standfirst = Standfirst(content);
            var candidates = new List<int>();
            // Pages repeat their standfirst ("dek") as the first paragraph: a sentence seen already is no candidate.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var seenBigrams = new List<HashSet<int>>();
            for (int i = 0; i < all.Count && candidates.Count < MaxCandidates; i++)
            {
                if (quoted[i] || !IsUsable(all[i], normalTitle, titleBigrams, strict: true)) continue;
                string normal = Normal(all[i]);
                if (IsStandfirst(normal, standfirst)) continue;
                if (seen.Contains(normal)) continue;
                int[] bigrams = Bigrams(normal);
                if (seenBigrams.Any(b => Overlap(bigrams, b) > 0.9)) continue;
                seen.Add(normal);
                seenBigrams.Add(new HashSet<int>(bigrams));
                candidates.Add(i);
            }
            if (candidates.Count == 0)
                for (int i = 0; i < all.Count && candidates.Count < MaxCandidates; i++)
                    if (IsUsable(all[i], normalTitle, titleBigrams, strict: false) && !IsStandfirst(Normal(all[i]), standfirst)) candidates.Add(i);
            if (candidates.Count == 0) return new List<string>();

            int n = Math.Max(1, SentenceCount);
            int budget = Budget(language);
            double[] rank = candidates.Count <= 1 ? new[] { 1.0 } : TextRank(candidates.Select(i => Words(all[i])).ToList(), candidates.Count);
            var ranked = Enumerable.Range(0, candidates.Count).OrderByDescending(k => rank[k]).ThenBy(k => k).ToList();

            // The most central sentences that fit, whole: a sentence too long for what is left of the budget is passed
            // over for the next one (a summary is never cut inside a sentence while a whole one fits). A sentence that
            // stands on the one before it, or continues the text, waits until what it stands on is chosen (the pass is
            // repeated while it adds one); only when nothing else can be chosen are they taken as they are.
            List<int> chosen = Choose(all, candidates, ranked, n, budget, language, context: true);
            if (chosen.Count == 0) chosen = Choose(all, candidates, ranked, n, budget, language, context: false);
            if (chosen.Count > 0) return chosen.OrderBy(k => k).Select(k => all[candidates[k]]).ToList();

            // Not one sentence fits: the most central one, shortened at its last clause break that fits.
            return new List<string> { Shorten(all[candidates[ranked[0]]], budget, language) };
        }

        // The candidates (indexes into `candidates`) chosen in rank order within the sentence count and the budget. With
        // `context`, a sentence that leans on the previous one comes with it (and with the one that one leans on, back to a
        // sentence that stands alone), or not at all; one that continues comes only after an earlier one (the pass is
        // repeated while it adds one, as a later choice may give it that).
        private static List<int> Choose(List<string> all, List<int> candidates, List<int> ranked, int n, int budget, string language, bool context)
        {
            // Which candidates lean on the one before them and which continue, decided once for all the passes.
            bool[] leans = context ? candidates.Select(i => LeansOnPrevious.IsMatch(all[i])).ToArray() : null;
            bool[] continues = context ? candidates.Select(i => Continues.IsMatch(all[i])).ToArray() : null;
            var chosen = new List<int>();
            int used = 0;
            for (bool added = true; added && chosen.Count < n;)
            {
                added = false;
                foreach (int k in ranked)
                {
                    if (chosen.Contains(k)) continue;
                    // The sentences to add: k, and with `context` the ones before it that it leans on, not chosen yet.
                    var group = new List<int> { k };
                    if (context)
                    {
                        for (int first = k; leans[first];)
                        {
                            if (first == 0 || candidates[first - 1] != candidates[first] - 1) { group = null; break; }
                            first--;
                            if (chosen.Contains(first)) break;
                            group.Insert(0, first);
                        }
                        if (group == null) continue;
                        if (continues[group[0]] && !chosen.Any(c => c < group[0])) continue;
                    }
                    if (chosen.Count + group.Count > n) continue;
                    int cost = 0;
                    for (int g = 0; g < group.Count; g++)        // each sentence but the summary's first costs the joining space
                        cost += Measure(all[candidates[group[g]]], language) + (chosen.Count + g > 0 && !CountsWords(language) ? 1 : 0);
                    if (used + cost > budget) continue;
                    chosen.AddRange(group);
                    used += cost;
                    added = true;
                    if (chosen.Count == n) break;
                }
            }
            return chosen;
        }

        /// <summary>
        /// <paramref name="sentence"/> cut to <paramref name="budget"/> (with the mark) at its last clause break that fits,
        /// or else at its last word that fits, or (a Korean run without spaces) at the budget.
        /// </summary>
        internal static string Shorten(string sentence, int budget, string language)
        {
            int markCost = CountsWords(language) ? 0 : ShortenedMark.Length;
            bool Fits(int end) => Measure(sentence.Substring(0, end).TrimEnd(), language) + markCost <= budget;
            int best = -1;
            foreach (Match m in ClauseBreak.Matches(sentence))
                if (m.Index > 0 && Fits(m.Index)) best = m.Index;
            if (best < 0)
                for (int i = sentence.Length - 1; i > 0; i--)
                    if (char.IsWhiteSpace(sentence[i]) && Fits(i)) { best = i; break; }
            if (best < 0) best = Math.Max(1, Math.Min(sentence.Length, budget - markCost));
            return sentence.Substring(0, best).TrimEnd(' ', ',', ';', ':', '-', '–', '—') + ShortenedMark;
        }

        /// <summary>
        /// The standfirst of a page as the extraction left it in the body: a paragraph that appears twice (pages repeat
        /// their dek as the first paragraph), and the subtitle lines that open the body before its first sentence
        /// (lines with no sentence ending, such as Korean 부제). A reader sees them beside the summary already.
        /// </summary>
        internal static List<string> Standfirst(string content)
        {
            var paragraphs = (content ?? string.Empty).Replace("\r\n", "\n").Split('\n')
                .Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            var result = new List<string>();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string p in paragraphs)
            {
                string normal = Normal(p);
                if (normal.Length == 0) continue;
                counts[normal] = counts.TryGetValue(normal, out int c) ? c + 1 : 1;
            }
            result.AddRange(counts.Where(kv => kv.Value > 1).Select(kv => kv.Key));
            // Without a sentence after them they are the body itself, not its standfirst.
            int body = paragraphs.FindIndex(EndsWithSentenceMark);
            for (int i = 0; i < body; i++)
            {
                string normal = Normal(paragraphs[i]);
                if (normal.Length > 0) result.Add(normal);
            }
            return result;
        }

        private static bool IsStandfirst(string normalSentence, List<string> standfirst) =>
            normalSentence.Length > 0 && standfirst.Any(p => p.Contains(normalSentence));

        // A sentence the source cut off: it trails off in "..." or "…" where no sentence ended ("지능화를...", "the
        // armies of…"); archives and feeds shorten bodies this way. "증가했다…" and "said..." are whole.
        private static bool IsCutOff(string s)
        {
            string t = s.TrimEnd();
            int end = t.Length;
            while (end > 0 && (t[end - 1] == '.' || t[end - 1] == '…')) end--;
            int dots = t.Length - end;
            if (dots == 0 || (dots == 1 && t[t.Length - 1] == '.')) return false;
            if (end == 0) return true;
            char before = t[end - 1];
            return !(before == '다' || before == '요' || before == '죠' || before == '!' || before == '?' || before == '”' || before == '"');
        }

        // A full stop, question or exclamation mark, possibly inside closing quotes: 밝혔다. / said." — but not a quoted
        // phrase alone (대표 "이제 시작"), which is how Korean subtitles end.
        private static bool EndsWithSentenceMark(string s)
        {
            string t = s.TrimEnd('”', '’', '"', '\'', ')', ']', '」', '』', ' ');
            return t.Length > 0 && ".!?。…".IndexOf(t[t.Length - 1]) >= 0;
        }

        private static bool IsTerminated(string s)
        {
            if (s.Length == 0) return false;
            char last = s[s.Length - 1];
            return ".!?。…”\"’'".IndexOf(last) >= 0 || last == ')';
        }

        // An author box's sentence (see WriterOpening): short, and about the writer's job rather than the story.
        private static bool IsWriterNote(string s) => s.Length <= MaxWriterNoteLength && WriterOpening.IsMatch(s) && WriterJob.IsMatch(s);

        // An author box's sentence is one line of a box; a longer sentence that opens so is the story's own.
        private const int MaxWriterNoteLength = 300;

        private static string Clean(string sentence)
        {
            // A picture's credit closes its caption ("… 소개하고 있다.(사진:삼성전자)", "디나 파월 맥코믹(사진:메타)"), which the
            // page sets as a line of its own or runs into the text that follows: what comes before it is the caption, and
            // only what follows is the text's ("(사진=연합뉴스) 정부는 …" keeps all but the credit). A source's credit
            // ("…로 나타났다(자료=통계청).") cites data for the sentence it ends, so it is only cut out.
            MatchCollection credits = PhotoCredit.Matches(sentence);
            Match last = credits.Count == 0 ? null : credits[credits.Count - 1];
            string s = last == null ? sentence
                : !SourceCredits.Contains(last.Groups[1].Value.ToLowerInvariant()) ? sentence.Substring(last.Index + last.Length)
                : PhotoCredit.Replace(sentence, " ");
            return Regex.Replace(s, @"\s{2,}", " ").Trim();
        }

        private bool IsUsable(string s, string normalTitle, HashSet<int> titleBigrams, bool strict)
        {
            string normal = Normal(s);
            if (normal.Length == 0) return false;
            if (normalTitle.Length > 0 && (normal == normalTitle || normalTitle.Contains(normal) || Overlap(Bigrams(normal), titleBigrams) > 0.8)) return false;
            if (Email.IsMatch(s) || Byline.IsMatch(s) || Junk.IsMatch(s) || IsWriterNote(s)) return false;
            if (IsCutOff(s)) return false;
            if (!strict) return true;
            // A sentence cut at its start by the extraction ("on xAI's Grok has caused ...") reads badly.
            if (s[0] >= 'a' && s[0] <= 'z') return false;
            if (",;:)]”’".IndexOf(s[0]) >= 0) return false;                     // ", a podcast from ..."
            if (s.Length > MaxSentenceLength) return false;
            // Its quotation marks do not pair up: it opens a quote it does not close or closes one it did not open ("…됐다”고
            // 말했다.", where the quote began in a line before). A piece of a quotation, read as the summary's own words.
            if (IsQuoteFragment(s)) return false;
            // The writer's own question ("And the reason why?") asks what the next sentence answers; alone it misleads.
            if (s.TrimEnd('”', '"', ')', ' ').EndsWith("?", StringComparison.Ordinal)) return false;
            // A Korean sentence cannot open with a postposition: the name before it was lost ("를 통해 …", "라는 스타트업은 …").
            if (OpensWithPostposition.IsMatch(s)) return false;
            // A Korean sentence ends in its predicate (…다, …요, …까): a line that ends in a noun is a caption, a dateline or
            // a heading ("… 교육장 모습.", "발행일: 2026-01-01 09:41 (목)"), or was cut where a name was dropped ("사이트 '").
            if (LanguageGuess.Of(s) == "ko" && !EndsInPredicate(s)) return false;
            // Captions and headings are short and have no ending; a sentence has a few words and usually a terminator.
            int words = Tokenizer.Tokenize(s).Count;
            if (words < 4) return false;
            // Without a mark a long line passes only when it ends as a Korean sentence does (…했다): an English line
            // without one is a heading or was cut ("... from AI, while").
            char last = s[s.Length - 1];
            return IsTerminated(s) || (s.Length >= 60 && (last == '다' || last == '요' || last == '죠'));
        }

        // Postpositions (조사) that cannot begin a sentence, followed by a space or a comma.
        private static readonly Regex OpensWithPostposition = new Regex(
            @"^(을|를|에|에서|에게|에는|에도|의|와|과|와의|과의|로|으로|라는|이라는|은|는|까지|부터|보다)[\s,]", RegexOptions.CultureInvariant);

        // The endings a Korean sentence's last word ends in: the declarative …다 (and …요, …죠), questions and exclamations
        // (…까, …니, …네), quotations and suggestions (…라, …자, …오), and the noun-like endings of bulleted prose (…음, …임,
        // …함, …됨, …지).
        private const string PredicateEndings = "다요죠까니네라자오음임함됨지";

        // The sentence's last word, past closing marks and a parenthesis at the end ("…증가했다(표 1)."), ends in a predicate.
        private static bool EndsInPredicate(string s)
        {
            int end = s.Length;
            for (;;)
            {
                while (end > 0 && ".…!?。”\"’']」』 ".IndexOf(s[end - 1]) >= 0) end--;
                if (end > 0 && s[end - 1] == ')')
                {
                    int open = s.LastIndexOf('(', end - 1);
                    if (open > 0) { end = open; continue; }
                }
                break;
            }
            return end > 0 && PredicateEndings.IndexOf(s[end - 1]) >= 0;
        }

        // An odd number of double quotation marks, curly (either way round: some sites open with ” too; „ “ in German) or
        // straight.
        private static bool IsQuoteFragment(string s)
        {
            int curly = 0, straight = 0;
            foreach (char c in s)
            {
                if (c == '“' || c == '”' || c == '„') curly++;
                else if (c == '"') straight++;
            }
            return curly % 2 == 1 || straight % 2 == 1;
        }

        private static string Normal(string s) =>
            string.Concat((s ?? string.Empty).Where(char.IsLetterOrDigit)).ToLowerInvariant();

        // A normalised text's character bigrams in order, two UTF-16 units packed in an int: made once per text, so that
        // comparing it with every sentence seen before allocates nothing.
        private static int[] Bigrams(string s)
        {
            if (s.Length < 2) return Array.Empty<int>();
            var bigrams = new int[s.Length - 1];
            for (int i = 0; i + 1 < s.Length; i++) bigrams[i] = s[i] << 16 | s[i + 1];
            return bigrams;
        }

        // Share of a's character bigrams (each occurrence) found among b's: "제목 그대로" sentences with a prefix still
        // count as the title.
        private static double Overlap(int[] a, HashSet<int> b)
        {
            if (a.Length == 0) return 0;
            int hit = 0;
            foreach (int bigram in a) if (b.Contains(bigram)) hit++;
            return (double)hit / a.Length;
        }

        // Content words: particles stripped, lower case, at least two characters, no pure numbers.
        private static HashSet<string> Words(string sentence)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (Token t in Tokenizer.Tokenize(sentence))
            {
                string w = Tokenizer.Stems(t.Text).Last().ToLowerInvariant();
                if (w.Length < 2 || w.All(char.IsDigit) || StopWords.Contains(w)) continue;
                set.Add(w);
            }
            return set;
        }

        private static readonly HashSet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "and", "for", "that", "this", "with", "from", "are", "was", "were", "has", "have", "had", "its", "it's", "but",
            "not", "you", "they", "their", "will", "would", "can", "could", "said", "says", "also", "than", "into", "about",
            "이번", "있다", "했다", "밝혔다", "말했다", "것으로", "것이다", "있는", "하는", "통해", "위해", "대한", "등의", "또한",
            "이를", "지난", "함께", "따라", "경우", "있도록", "설명했다", "강조했다", "전했다", "덧붙였다",
        };

        private static double[] TextRank(List<HashSet<string>> words, int n)
        {
            var weight = new double[n, n];
            var outSum = new double[n];
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    if (words[i].Count < 2 || words[j].Count < 2) continue;
                    int common = words[i].Count(words[j].Contains);
                    if (common == 0) continue;
                    double w = common / (Math.Log(words[i].Count) + Math.Log(words[j].Count));
                    weight[i, j] = weight[j, i] = w;
                    outSum[i] += w;
                    outSum[j] += w;
                }
            // Teleport towards the lead: news states the gist first.
            var prior = new double[n];
            double priorSum = 0;
            for (int i = 0; i < n; i++) { prior[i] = 1.0 / (1 + 0.3 * i); priorSum += prior[i]; }
            for (int i = 0; i < n; i++) prior[i] /= priorSum;

            const double d = 0.85;
            var rank = (double[])prior.Clone();
            for (int iter = 0; iter < 40; iter++)
            {
                var next = new double[n];
                for (int i = 0; i < n; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < n; j++)
                        if (weight[j, i] > 0) sum += weight[j, i] / outSum[j] * rank[j];
                    next[i] = (1 - d) * prior[i] + d * sum;
                }
                rank = next;
            }
            return rank;
        }
    }
}
