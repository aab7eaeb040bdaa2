using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AiNews.Tagging;

namespace AiNews.Summaries
{
    /// <summary>
    /// Offline extractive summaries: the sentences that are most central in a graph of word overlap
    /// (TextRank, with a mild preference for the lead, as news puts the gist first), in their original order.
    /// Photo credits, bylines, e-mail addresses, copyright lines and the headline itself never make it in.
    /// </summary>
    public sealed class ExtractiveSummarizer
    {
        public int SentenceCount { get; set; } = 3;

        /// <summary>Sentences longer than this (characters) are skipped: they are tables or run-together junk.</summary>
        public int MaxSentenceLength { get; set; } = 400;

        private static readonly Regex PhotoCredit = new Regex(
            @"[\(\[]\s*(사진|이미지|그래픽|자료|영상|출처|사진제공|사진 제공|제공|Photo|Image|Credit|Source)\s*[=:：][^\)\]]*[\)\]]",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Email = new Regex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant);
        private static readonly Regex Byline = new Regex(
            @"^\s*[\[\(]?\s*([가-힣]{2,4}\s*(기자|특파원|객원기자|선임기자|편집장)\s*([=\]\)/]|$)|(By|Written by|Reporting by)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$)",
            RegexOptions.CultureInvariant);
        private static readonly Regex Junk = new Regex(
            @"(무단\s*전재|재배포\s*금지|저작권자|ⓒ|©|All rights reserved|Copyright|기사제보|구독하기|Subscribe|Sign up|newsletter|Advertisement|관련기사|^사진\s*=|^\s*(사진|이미지)\s*(제공|출처)|^\s*\[?사진\]?\s*$)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The summary of a text, or null when it holds no usable sentence besides the title.</summary>
        public string Summarize(string title, string content)
        {
            List<string> picked = Pick(title, content);
            return picked.Count == 0 ? null : string.Join(" ", picked);
        }

        public List<string> Pick(string title, string content)
        {
            var all = SentenceSplitter.Split(content ?? string.Empty).Select(Clean).Where(s => s.Length > 0).ToList();
            string normalTitle = Normal(title);
            var candidates = new List<int>();
            // Pages repeat their standfirst ("dek") as the first paragraph: a sentence seen already is no candidate.
            var seen = new List<string>();
            for (int i = 0; i < all.Count; i++)
            {
                if (!IsUsable(all[i], normalTitle, strict: true)) continue;
                string normal = Normal(all[i]);
                if (seen.Any(x => x == normal || Overlap(normal, x) > 0.9)) continue;
                seen.Add(normal);
                candidates.Add(i);
            }
            if (candidates.Count == 0)
                for (int i = 0; i < all.Count; i++)
                    if (IsUsable(all[i], normalTitle, strict: false)) candidates.Add(i);
            if (candidates.Count == 0) return new List<string>();

            int n = Math.Max(1, SentenceCount);
            if (candidates.Count <= n) return candidates.Select(i => all[i]).ToList();

            var words = candidates.Select(i => Words(all[i])).ToList();
            double[] rank = TextRank(words, candidates.Count);
            return Enumerable.Range(0, candidates.Count)
                .OrderByDescending(k => rank[k]).ThenBy(k => k)
                .Take(n).OrderBy(k => k)
                .Select(k => all[candidates[k]]).ToList();
        }

        private static string Clean(string sentence)
        {
            string s = PhotoCredit.Replace(sentence, " ");
            s = Regex.Replace(s, @"\s{2,}", " ").Trim();
            return s;
        }

        private bool IsUsable(string s, string normalTitle, bool strict)
        {
            string normal = Normal(s);
            if (normal.Length == 0) return false;
            if (normalTitle.Length > 0 && (normal == normalTitle || normalTitle.Contains(normal) || Overlap(normal, normalTitle) > 0.8)) return false;
            if (Email.IsMatch(s) || Byline.IsMatch(s) || Junk.IsMatch(s)) return false;
            if (!strict) return true;
            // A sentence cut at its start by the extraction ("on xAI's Grok has caused ...") reads badly.
            if (s[0] >= 'a' && s[0] <= 'z') return false;
            if (s.Length > MaxSentenceLength) return false;
            // Captions and headings are short and have no ending; a sentence has a few words and usually a terminator.
            int words = Tokenizer.Tokenize(s).Count;
            if (words < 4) return false;
            char last = s[s.Length - 1];
            bool terminated = ".!?。…”\"’'".IndexOf(last) >= 0 || last == ')';
            return terminated || s.Length >= 60;
        }

        private static string Normal(string s) =>
            string.Concat((s ?? string.Empty).Where(char.IsLetterOrDigit)).ToLowerInvariant();

        private static double Overlap(string a, string b)
        {
            // Share of a's character bigrams found in b: "제목 그대로" sentences with a prefix still count as the title.
            if (a.Length < 2) return 0;
            var bigrams = new HashSet<string>();
            for (int i = 0; i + 1 < b.Length; i++) bigrams.Add(b.Substring(i, 2));
            int hit = 0, total = 0;
            for (int i = 0; i + 1 < a.Length; i++) { total++; if (bigrams.Contains(a.Substring(i, 2))) hit++; }
            return total == 0 ? 0 : (double)hit / total;
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
