// The fuzz harness of tests/Fuzz.Tests.ps1 and `build.ps1 fuzz` (compiled with Add-Type; not part of the module).
// It runs the engine code Get-AiArticle runs on downloaded bytes, in-process (calling the cmdlet thousands of times
// would measure PowerShell): feeds go through FeedReader.Read and ArticleAssembler.FromEntry, pages through
// TextDecoder.Decode, ArticleExtractor.Extract and ArticleAssembler.FromPage. Inputs are seeded mutations of real
// feeds and pages, so a failure is reproducible from its seed and input number.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using AiNews;
using AiNews.Articles;
using AiNews.Extraction;
using AiNews.Feeds;
using AiNews.Text;

namespace AiNews.Fuzzing
{
    public sealed class FuzzFailure
    {
        public int Input { get; set; }
        public string Seed { get; set; }
        public string Mutation { get; set; }
        public string Problem { get; set; }
        public override string ToString() => $"input {Input} ({Mutation} of {Seed}): {Problem}";
    }

    public sealed class FuzzReport
    {
        public int Inputs { get; set; }
        public int FeedInputs { get; set; }
        public int PageInputs { get; set; }
        public double Seconds { get; set; }
        public double InputsPerSecond => Seconds > 0 ? Inputs / Seconds : 0;
        public double SlowestMilliseconds { get; set; }
        public string SlowestInput { get; set; }
        public long PeakManagedBytes { get; set; }
        public long LargestInputBytes { get; set; }
        public int PagesRefused { get; set; }
        public List<FuzzFailure> Failures { get; } = new List<FuzzFailure>();
        public Dictionary<string, int> Mutations { get; } = new Dictionary<string, int>();
        public override string ToString() =>
            $"{Inputs} inputs ({FeedInputs} feeds, {PageInputs} pages) in {Seconds:0.0} s ({InputsPerSecond:0} per second); " +
            $"slowest {SlowestMilliseconds:0} ms ({SlowestInput}); peak managed memory {PeakManagedBytes / (1024 * 1024)} MB; " +
            $"largest input {LargestInputBytes / 1024} KB; {PagesRefused} pages refused by a limit; {Failures.Count} failures";
    }

    public sealed class Fuzzer
    {
        private readonly List<KeyValuePair<string, byte[]>> _feeds = new List<KeyValuePair<string, byte[]>>();
        private readonly List<KeyValuePair<string, byte[]>> _pages = new List<KeyValuePair<string, byte[]>>();
        private readonly ArticleExtractor _extractor = new ArticleExtractor();
        private readonly NewsSource _source = new NewsSource { Id = "fuzz", Name = "Fuzz" };

        /// <summary>Time one input may take (feed or page); more is a failure. The extractor gets the same budget.</summary>
        public TimeSpan InputBudget { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>Managed memory allowed at any sample; more is a failure (an input must not hold on to its garbage).</summary>
        public long MaxManagedBytes { get; set; } = 1024L * 1024 * 1024;

        /// <summary>Share of inputs that are pages (the rest are feeds); pages cost about ten times as much.</summary>
        public double PageShare { get; set; } = 0.25;

        public int FeedSeeds => _feeds.Count;
        public int PageSeeds => _pages.Count;

        public void AddFeed(string name, byte[] bytes) => _feeds.Add(new KeyValuePair<string, byte[]>(name, bytes));
        public void AddPage(string name, byte[] bytes) => _pages.Add(new KeyValuePair<string, byte[]>(name, bytes));

        /// <summary>Runs until <paramref name="maxInputs"/> inputs or <paramref name="maxDuration"/>, whichever comes first.</summary>
        public FuzzReport Run(int seed, int maxInputs, TimeSpan maxDuration)
        {
            if (_feeds.Count == 0 || _pages.Count == 0) throw new InvalidOperationException("Add at least one feed and one page seed.");
            _extractor.TimeBudget = InputBudget;
            var random = new Random(seed);
            var report = new FuzzReport();
            var total = Stopwatch.StartNew();
            for (int i = 0; i < maxInputs && total.Elapsed < maxDuration; i++)
            {
                bool page = random.NextDouble() < PageShare;
                var seedDoc = page ? _pages[random.Next(_pages.Count)] : _feeds[random.Next(_feeds.Count)];
                string mutation;
                byte[] input = Mutate(random, seedDoc.Value, out mutation);
                string kind = mutation.StartsWith("deep nesting", StringComparison.Ordinal) ? "deep nesting" : mutation;
                report.Mutations[kind] = report.Mutations.TryGetValue(kind, out int m) ? m + 1 : 1;
                report.LargestInputBytes = Math.Max(report.LargestInputBytes, input.Length);
                var clock = Stopwatch.StartNew();
                string problem = page ? RunPage(input, report) : RunFeed(input);
                double ms = clock.Elapsed.TotalMilliseconds;
                if (problem == null && clock.Elapsed > InputBudget) problem = $"took {ms:0} ms, over the budget of {InputBudget.TotalMilliseconds:0} ms";
                if (ms > report.SlowestMilliseconds) { report.SlowestMilliseconds = ms; report.SlowestInput = $"input {i}, {mutation} of {seedDoc.Key}"; }
                if (page) report.PageInputs++; else report.FeedInputs++;
                report.Inputs++;
                if (i % 50 == 0)
                {
                    long managed = GC.GetTotalMemory(false);
                    report.PeakManagedBytes = Math.Max(report.PeakManagedBytes, managed);
                    if (managed > MaxManagedBytes && GC.GetTotalMemory(true) > MaxManagedBytes)
                        problem = problem ?? $"managed memory at {managed / (1024 * 1024)} MB";
                }
                if (problem != null) report.Failures.Add(new FuzzFailure { Input = i, Seed = seedDoc.Key, Mutation = mutation, Problem = problem });
            }
            report.Seconds = total.Elapsed.TotalSeconds;
            return report;
        }

        // Get-AiArticle's feed path: read the feed, then make an article of every entry.
        private string RunFeed(byte[] input)
        {
            try
            {
                Feed feed = FeedReader.Read(input, new Uri("https://fuzz.example/feed.xml"), "application/rss+xml", null);
                foreach (FeedEntry entry in feed.Entries) ArticleAssembler.FromEntry(entry, _source, feed.Title);
                return null;
            }
            catch (Exception e) { return "FeedReader threw " + e.GetType().Name + ": " + e.Message; }
        }

        // Get-AiArticle's page path: decode the bytes, extract, make the article. A page refused by the element limit
        // is the documented outcome (AiNews.ExtractionFailed); running out of time is not, for inputs this small.
        private string RunPage(byte[] input, FuzzReport report)
        {
            try
            {
                string html = TextDecoder.Decode(input, "text/html").Text;
                var uri = new Uri("https://fuzz.example/news/1");
                ArticleAssembler.FromPage(_extractor.Extract(html, uri), uri);
                return null;
            }
            catch (ExtractionLimitException e) when (e.Message.Contains("elements")) { report.PagesRefused++; return null; }
            catch (Exception e) { return "the extractor threw " + e.GetType().Name + ": " + e.Message; }
        }

        private static readonly string[] Mutations =
            { "byte flips", "truncation", "tag soup", "deep nesting", "huge attribute", "invalid UTF-8", "splice", "duplication" };

        private static readonly string[] SoupTags =
        {
            "<div>", "</div>", "<p>", "</p>", "<item>", "</item>", "<entry>", "</title>", "<title>", "<![CDATA[", "]]>", "<!--", "-->",
            "<table><tr><td>", "</td></tr></table>", "<b><i>", "</b></i>", "<script>", "</script>", "<style>", "<svg><path/>", "</svg>",
            "<math><mi>", "<template>", "<a href=\"javascript:x\">", "<img src=x onerror=y>", "&amp;", "&#0;", "&#xD800;", "&bogus;", "&",
            "<", ">", "<!DOCTYPE x [<!ENTITY e \"ee\">]>", "&e;", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "<br/>", "<content type=\"xhtml\">",
            "<link href=\"//evil\"/>", "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate>", "<updated>9999-12-31T23:59:59Z</updated>",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":", "</html>", "<body>", "<frameset>", "<plaintext>",
        };

        private static byte[] Mutate(Random r, byte[] original, out string mutation)
        {
            mutation = Mutations[r.Next(Mutations.Length)];
            var bytes = new List<byte>(original);
            switch (mutation)
            {
                case "byte flips":
                    for (int k = 1 + r.Next(16); k > 0 && bytes.Count > 0; k--) bytes[r.Next(bytes.Count)] ^= (byte)(1 << r.Next(8));
                    break;
                case "truncation":
                    int cut = r.Next(bytes.Count + 1);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
                case "tag soup":
                    for (int k = 1 + r.Next(40); k > 0; k--) Insert(r, bytes, SoupTags[r.Next(SoupTags.Length)]);
                    break;
                case "deep nesting":
                {
                    int depth = 1000 + r.Next(40000);
                    string open = new[] { "<div>", "<x>", "<span>", "<blockquote>", "<ul><li>", "<table><tr><td>", "[", "{\"a\":", "<b>", "<em>" }[r.Next(10)];
                    mutation = "deep nesting of " + open;
                    var sb = new StringBuilder(open.Length * depth);
                    for (int k = 0; k < depth; k++) sb.Append(open);
                    if (open == "[" || open.StartsWith("{", StringComparison.Ordinal))
                        Insert(r, bytes, "<script type=\"application/ld+json\">" + sb + "</script>");
                    else Insert(r, bytes, sb.ToString());
                    break;
                }
                case "huge attribute":
                {
                    int size = 10000 + r.Next(500000);
                    char fill = "a\"'<>& \u00e9"[r.Next(8)];
                    Insert(r, bytes, "<a title=\"" + new string(fill, size) + "\" href=\"https://x.example/\">link</a>");
                    break;
                }
                case "invalid UTF-8":
                {
                    byte[][] bad = { new byte[] { 0xC3 }, new byte[] { 0xFF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
                                     new byte[] { 0xE2, 0x82 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xFE, 0xFF }, new byte[] { 0x00 } };
                    for (int k = 1 + r.Next(20); k > 0; k--) bytes.InsertRange(r.Next(bytes.Count + 1), bad[r.Next(bad.Length)]);
                    break;
                }
                case "splice":
                {
                    int from = r.Next(bytes.Count + 1), length = r.Next(Math.Max(1, bytes.Count - from));
                    var piece = bytes.GetRange(from, Math.Min(length, bytes.Count - from));
                    bytes.InsertRange(r.Next(bytes.Count + 1), piece);
                    break;
                }
                default: // duplication: the document twice or thrice (two roots, repeated heads)
                    var copy = new List<byte>(bytes);
                    for (int k = 1 + r.Next(2); k > 0; k--) bytes.AddRange(copy);
                    break;
            }
            return bytes.ToArray();
        }

        private static void Insert(Random r, List<byte> bytes, string text) =>
            bytes.InsertRange(r.Next(bytes.Count + 1), Encoding.UTF8.GetBytes(text));
    }
}
