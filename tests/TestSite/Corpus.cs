using System.Globalization;
using System.Text.RegularExpressions;

namespace AiNews.TestSite;

/// <summary>One article the site serves, from the shared seed archive when present, else from our own fixtures.</summary>
public sealed class SiteArticle
{
    public int Id { get; set; }
    public string Title { get; set; }
    public DateTimeOffset Published { get; set; }
    public string Source { get; set; }
    public string Slug { get; set; }
    public string Summary { get; set; }
    public List<string> Tags { get; set; } = new();
    public List<string> Paragraphs { get; set; } = new();
    /// <summary>Lines a page shows in its header, above the story (kicker, dek, byline, sharing buttons, credits).</summary>
    public List<string> Header { get; set; } = new();
}

public sealed class Corpus
{
    public List<SiteArticle> Korean { get; } = new();   // AI타임스-like CMS
    public List<SiteArticle> KoreanAlt { get; } = new(); // EUC-KR site (인공지능신문 entries)
    public List<SiteArticle> English { get; } = new();  // WordPress-style site
    public List<SiteArticle> Blog { get; } = new();     // Atom blog (own fixtures)
    public string Origin { get; private set; } = "fixtures";

    static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static Corpus Load(string sharedRoot)
    {
        var corpus = new Corpus();
        string archive = string.IsNullOrEmpty(sharedRoot) ? null : Path.Combine(sharedRoot, "corpus", "seed-archive");
        if (archive != null && Directory.Exists(archive))
        {
            try { corpus.LoadArchive(archive); corpus.Origin = archive; }
            catch (Exception e) { Console.Error.WriteLine("seed archive unreadable, using fixtures: " + e.Message); }
        }
        if (corpus.Korean.Count == 0) corpus.Korean.AddRange(Fixtures.Korean());
        if (corpus.KoreanAlt.Count == 0) corpus.KoreanAlt.AddRange(Fixtures.Korean());
        if (corpus.English.Count == 0) corpus.English.AddRange(Fixtures.English());
        corpus.Blog.AddRange(Fixtures.Blog());
        foreach (var list in new[] { corpus.Korean, corpus.KoreanAlt, corpus.English })
            list.Sort((a, b) => b.Published.CompareTo(a.Published));
        return corpus;
    }

    // The archive's English texts were taken from whole pages by the old system: the page's header (kicker, headline,
    // dek, byline, date, sharing buttons, picture credit, author box) comes before the story's first full paragraph.
    // A WordPress page shows those in its header, not in the post's content, so the site serves them there.
    const int StoryParagraphLength = 200, HeaderMaxLines = 15;

    // It also cut a sentence at its links ("Like" / "Nano Banana Pro" / ", the model ..."): a line that starts with
    // punctuation is joined again with the lines before it that do not end a sentence, as the page had them inline.
    static readonly Regex ContinuesSentence = new(@"^[,.;:!?)’'”]");
    static readonly Regex EndsSentence = new(@"[.!?…""”’)]$");

    static void SplitHeader(SiteArticle a)
    {
        for (int i = a.Paragraphs.Count - 1; i > 0; i--)
        {
            if (!ContinuesSentence.IsMatch(a.Paragraphs[i])) continue;
            int start = i;
            while (start > 0 && !EndsSentence.IsMatch(a.Paragraphs[start - 1])) start--;
            if (start == i) continue;
            string joined = string.Join(" ", a.Paragraphs.Skip(start).Take(i - start)) + a.Paragraphs[i];
            a.Paragraphs.RemoveRange(start, i - start + 1);
            a.Paragraphs.Insert(start, joined);
            i = start;
        }
        int first = a.Paragraphs.FindIndex(p => p.Length >= StoryParagraphLength);
        if (first <= 0 || first > HeaderMaxLines) return;
        a.Header = a.Paragraphs.Take(first).ToList();
        a.Paragraphs = a.Paragraphs.Skip(first).ToList();
    }

    static readonly Regex MetaLine = new(@"^>\s*📅\s*\*\*(\d{4}-\d{2}-\d{2})\*\*(.*)$");
    static readonly Regex LinkLine = new(@"^🔗\s*\[[^\]]*\]\((https?://[^)]+)\)");
    static readonly Regex IdxNo = new(@"idxno=(\d+)");

    // Day files (YYYY/MM월/MM-DD.md): "### title", "> 📅 **date** | ... | source", "> 🏷️ tags",
    // "**💡 요약**" then the summary, the text inside <details>, and "🔗 [원문 보기](url)".
    void LoadArchive(string archive)
    {
        int synthetic = 900000;
        var seen = new HashSet<string>();
        foreach (string file in Directory.EnumerateFiles(archive, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!Regex.IsMatch(Path.GetFileName(file), @"^\d{2}-\d{2}\.md$")) continue;
            string[] lines = File.ReadAllLines(file);
            int dayIndex = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("### ")) continue;
                var a = new SiteArticle { Title = lines[i].Substring(4).Trim() };
                string url = null; string date = null; bool inDetails = false, inSummary = false;
                int j = i + 1;
                for (; j < lines.Length && !lines[j].StartsWith("### "); j++)
                {
                    string line = lines[j];
                    var m = MetaLine.Match(line);
                    if (m.Success)
                    {
                        date = m.Groups[1].Value;
                        a.Source = m.Groups[2].Value.Split('|').Last().Trim();
                        continue;
                    }
                    if (line.StartsWith("> 🏷️")) { a.Tags = line.Substring(line.IndexOf("🏷️") + 3).Trim().TrimStart('\uFE0F').Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList(); continue; }
                    if (line.StartsWith("**💡")) { inSummary = true; continue; }
                    if (line.StartsWith("<details")) { inSummary = false; inDetails = true; continue; }
                    if (line.StartsWith("<summary")) continue;
                    if (line.StartsWith("</details")) { inDetails = false; continue; }
                    var l = LinkLine.Match(line);
                    if (l.Success) { url = l.Groups[1].Value; continue; }
                    if (inSummary && line.Trim().Length > 0) { a.Summary = (a.Summary == null ? "" : a.Summary + " ") + line.Trim(); continue; }
                    if (inDetails && line.Trim().Length > 0) a.Paragraphs.Add(line.Trim());
                }
                i = j - 1;
                if (date == null || url == null || a.Paragraphs.Count == 0 || !seen.Add(url)) continue;
                var day = DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                // The archive keeps days only; spread the times of day deterministically.
                a.Published = new DateTimeOffset(day.AddHours(8).AddMinutes(dayIndex++ * 23 % 600), Kst);
                var uri = new Uri(url);
                var idx = IdxNo.Match(uri.Query);
                a.Id = idx.Success ? int.Parse(idx.Groups[1].Value, CultureInfo.InvariantCulture) : synthetic++;
                a.Slug = uri.AbsolutePath.Trim('/').Split('/').Last();
                if (uri.Host.EndsWith("aitimes.com")) Korean.Add(a);
                else if (uri.Host.EndsWith("aitimes.kr")) KoreanAlt.Add(a);
                else { SplitHeader(a); English.Add(a); }
            }
        }
    }
}
