using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AiNews.Digest.Html;
using AiNews.Stories;

namespace AiNews.Digest.Archive
{
    /// <summary>How an archive is laid out and merged.</summary>
    public sealed class ArchiveOptions
    {
        public string Root { get; set; }
        public ArchiveLayout Layout { get; set; } = new ArchiveLayout();
        /// <summary>Days before an article's day in which the same article or story counts as already published.</summary>
        public int LookbackDays { get; set; } = 7;
        public DigestOptions Digest { get; set; } = new DigestOptions();
        /// <summary>Also write a web page beside each day file that changes (or has none), and index.html at the root.</summary>
        public bool Html { get; set; }
        /// <summary>The day of this run in the digest's zone: where articles without a date go.</summary>
        public DateTime RunDay { get; set; } = DateTime.Today;
    }

    /// <summary>One file the archive would write.</summary>
    public sealed class ArchiveChange
    {
        public string Path { get; internal set; }
        public string RelativePath { get; internal set; }
        public bool Created { get; internal set; }
        /// <summary>Articles added (0 for an index).</summary>
        public int Added { get; internal set; }
        public bool IsIndex { get; internal set; }
        public string Text { get; internal set; }
        public string Description => IsIndex
            ? $"{(Created ? "Create" : "Update")} {RelativePath}"
            : $"{(Created ? "Create" : "Add to")} {RelativePath}: {Added} new article(s)";
    }

    /// <summary>What a merge would do: files to write, and what was left out and why.</summary>
    public sealed class ArchivePlan
    {
        public List<ArchiveChange> Changes { get; } = new List<ArchiveChange>();
        /// <summary>Articles not added, each with the reason (already in the archive, and where).</summary>
        public List<KeyValuePair<Article, string>> Skipped { get; } = new List<KeyValuePair<Article, string>>();
        /// <summary>Things worth telling the user (articles without a date, files that could not be read).</summary>
        public List<string> Notes { get; } = new List<string>();
        /// <summary>Day files that exist but are not sound digests; they are left alone and get no articles.</summary>
        public List<string> Unreadable { get; } = new List<string>();

        /// <summary>Why each file of <see cref="Unreadable"/> was refused, by path.</summary>
        public Dictionary<string, string> UnreadableReasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// The archive as the database: day files in a layout, each merged without touching what it holds,
    /// no article filed twice within the look-back window, and the index of each folder regenerated.
    /// Planning only reads; <see cref="Apply"/> writes one change atomically.
    /// </summary>
    public sealed class DigestArchive
    {
        private readonly ArchiveOptions _options;
        private readonly DigestReader _reader;
        private readonly Dictionary<string, DayFile> _days = new Dictionary<string, DayFile>(StringComparer.Ordinal);
        private readonly HashSet<string> _targets = new HashSet<string>(StringComparer.Ordinal);

        public DigestArchive(ArchiveOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (string.IsNullOrWhiteSpace(options.Root)) throw new ArgumentException("The archive needs a root folder.", nameof(options));
            _reader = new DigestReader(options.Digest);
        }

        private sealed class DayFile
        {
            public DateTime Day;
            public string Path;
            public string Text;                 // null: the file does not exist
            public DigestDocument Document;     // null: it exists but is not a digest
            public DigestWriter Additions;
            public List<StoryPrint> Prints;     // of Document's articles, made when first compared
            public HashSet<string> LinkKeys;    // of a refused file: canonical keys of every link in its text
        }

        // Any http(s) link in a refused file's text, however it is marked up.
        private static readonly System.Text.RegularExpressions.Regex LinkInText =
            new System.Text.RegularExpressions.Regex(@"https?://[^\s)<>\]""']+", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        public ArchivePlan Plan(IEnumerable<Article> articles)
        {
            var plan = new ArchivePlan();
            var zone = _options.Digest.TimeZone;
            var thisRun = new List<(StoryPrint Print, DateTime Day, string Where)>();
            // Reports of one story published up to the look-back window apart are one story.
            var stories = new StoryGrouper { Window = TimeSpan.FromDays(_options.LookbackDays + 1) };

            // Oldest first, so that whether an article counts as already filed depends only on the days before it,
            // as it will on the next run: running the same job twice writes nothing the second time.
            var dated = articles.Select((article, index) => (article, index, day: article.Published.HasValue
                ? TimeZoneResolver.DayOf(article.Published.Value, zone) : _options.RunDay.Date)).OrderBy(x => x.day).ThenBy(x => x.index);
            foreach (var (article, _, day) in dated)
            {
                if (!article.Published.HasValue)
                    plan.Notes.Add($"'{article.Title}' has no publication date; it is filed under the run's day, {day:yyyy-MM-dd}.");

                DayFile target = Load(day, plan);
                _targets.Add(target.Path);
                if (target.Text != null && target.Document == null) continue;     // not a digest: reported once in Load

                StoryPrint print = StoryPrint.Of(article);
                string where = FindEarlier(day, print, stories, plan)
                    ?? thisRun.Where(r => (day - r.Day).TotalDays <= _options.LookbackDays && stories.IsSameStory(r.Print, print))
                        .Select(r => r.Where).FirstOrDefault();
                if (where != null)
                {
                    plan.Skipped.Add(new KeyValuePair<Article, string>(article, $"already in the archive in {where}"));
                    continue;
                }

                if (target.Additions == null) target.Additions = new DigestWriter(new DigestOptions
                {
                    TimeZone = zone, MaxContentLength = _options.Digest.MaxContentLength, Format = _options.Digest.Format, Date = day,
                });
                target.Additions.Add(article);
                thisRun.Add((print, day, Relative(target.Path) + " (this run)"));
            }

            foreach (DayFile day in _days.Values.Where(d => d.Additions != null).OrderBy(d => d.Day))
            {
                string text = day.Text == null ? day.Additions.Render() : day.Additions.AppendTo(day.Text, day.Document);
                plan.Changes.Add(new ArchiveChange
                {
                    Path = day.Path, RelativePath = Relative(day.Path), Created = day.Text == null, Added = day.Additions.Count, Text = text,
                });
            }
            plan.Changes.AddRange(PlanIndexes(plan.Changes));
            return plan;
        }

        /// <summary>
        /// The month indexes (and, with Html, the pages and index.html) for the archive as it is once the day-file
        /// changes in <paramref name="written"/> are on disk. <see cref="Plan"/> uses all its day changes; after a
        /// write failed, call it again with the changes that were written, so that no index lists what is not there.
        /// </summary>
        public List<ArchiveChange> PlanIndexes(IEnumerable<ArchiveChange> written)
        {
            var dayChanges = written.Where(c => !c.IsIndex).ToList();
            var indexes = new List<ArchiveChange>();
            // Indexes and pages of every day this run was about are checked, not only of days that change:
            // a killed run may have written a day file and died before its index.
            foreach (string folder in _targets.Select(t => Path.GetDirectoryName(t)).Distinct().OrderBy(f => f, StringComparer.Ordinal))
                PlanIndex(folder, dayChanges, indexes);
            if (_options.Html) PlanPages(dayChanges, indexes);
            return indexes;
        }

        /// <summary>Writes one planned change atomically.</summary>
        public static void Apply(ArchiveChange change) => AtomicFile.WriteAllText(change.Path, change.Text);

        /// <summary>Every day file under the root, oldest first, with its day.</summary>
        public IEnumerable<KeyValuePair<DateTime, string>> DayFiles()
        {
            if (!Directory.Exists(_options.Root)) yield break;
            var files = new List<KeyValuePair<DateTime, string>>();
            foreach (string file in Directory.EnumerateFiles(_options.Root, "*.md", SearchOption.AllDirectories))
                if (_options.Layout.TryParse(Relative(file), out DateTime day)) files.Add(new KeyValuePair<DateTime, string>(day, file));
            foreach (var f in files.OrderBy(f => f.Key)) yield return f;
        }

        private string FindEarlier(DateTime day, StoryPrint print, StoryGrouper stories, ArchivePlan plan)
        {
            for (int back = 0; back <= _options.LookbackDays; back++)
            {
                DayFile earlier = Load(TimeZoneResolver.AddDays(day, -back), plan);
                if (earlier.Text != null && earlier.Document == null)
                {
                    // A refused file cannot be read as articles, but a link in it still means the article is filed:
                    // filing it again would duplicate it once the file is repaired.
                    if (earlier.LinkKeys == null)
                        earlier.LinkKeys = new HashSet<string>(LinkInText.Matches(earlier.Text).Cast<System.Text.RegularExpressions.Match>()
                            .Select(m => CanonicalUrl.Key(m.Value)), StringComparer.Ordinal);
                    if (earlier.LinkKeys.Contains(print.Url)) return Relative(earlier.Path);
                    continue;
                }
                if (earlier.Document == null) continue;
                if (earlier.Prints == null) earlier.Prints = earlier.Document.Articles.Select(a => StoryPrint.Of(a)).ToList();
                if (earlier.Prints.Any(p => stories.IsSameStory(p, print))) return Relative(earlier.Path);
            }
            return null;
        }

        private DayFile Load(DateTime day, ArchivePlan plan)
        {
            string path = _options.Layout.FullPathOf(_options.Root, day);
            if (_days.TryGetValue(path, out DayFile loaded)) return loaded;
            var file = new DayFile { Day = day, Path = path };
            if (File.Exists(path))
            {
                string refused;
                try
                {
                    file.Text = DigestReader.Normalize(DigestReader.ReadFileText(path));
                    DigestDocument document = _reader.Read(file.Text);
                    refused = document.TocStart < 0 || document.TocEnd < document.TocStart
                        ? $"it is not an AiNews digest (it has no {_options.Digest.Format.TocStart} … {_options.Digest.Format.TocEnd} markers)"
                        : document.Defects.FirstOrDefault();
                    if (refused == null) file.Document = document;
                }
                catch (InvalidDataException e) { refused = e.Message.TrimEnd('.'); file.Text = file.Text ?? string.Empty; }
                catch (ArgumentException e) { refused = "Markdown cannot read it: " + e.Message.TrimEnd('.'); }   // Markdig's depth limit
                if (refused != null)
                {
                    plan.Unreadable.Add(path);
                    plan.UnreadableReasons[path] = refused;
                }
            }
            _days[path] = file;
            return file;
        }

        private void PlanIndex(string folder, List<ArchiveChange> dayChanges, List<ArchiveChange> indexes)
        {
            var days = new List<(DateTime, string, IReadOnlyList<string>)>();
            foreach (var f in DayFiles().Where(f => string.Equals(Path.GetDirectoryName(f.Value), folder, StringComparison.Ordinal)))
            {
                ArchiveChange pending = dayChanges.FirstOrDefault(c => c.Path == f.Value);
                days.Add((f.Key, f.Value, Titles(pending?.Text ?? ReadDayFile(f.Value))));
            }
            // A created file is on disk already when the indexes are planned again after the writes.
            foreach (ArchiveChange created in dayChanges.Where(c => c.Created && Path.GetDirectoryName(c.Path) == folder && !days.Any(d => d.Item2 == c.Path)))
            {
                _options.Layout.TryParse(created.RelativePath, out DateTime day);
                days.Add((day, created.Path, Titles(created.Text)));
            }
            if (days.Count > 0) AddIfDifferent(indexes, Path.Combine(folder, "README.md"), MonthIndexWriter.Render(folder, days));
        }

        /// <summary>
        /// A day file's text as the indexes see it: null when it is not UTF-8. A file refused by <see cref="Plan"/> for a
        /// defect still gives the titles that can be read from it; it is never rendered again (see <see cref="IsRefused"/>).
        /// </summary>
        private string ReadDayFile(string path)
        {
            try { return DigestReader.ReadFileText(path); }
            catch (InvalidDataException) { return null; }
        }

        /// <summary>Whether <see cref="Plan"/> refused the day file at <paramref name="path"/> (reported in <see cref="ArchivePlan.Unreadable"/>).</summary>
        private bool IsRefused(string path) => _days.TryGetValue(path, out DayFile loaded) && loaded.Text != null && loaded.Document == null;

        private IReadOnlyList<string> Titles(string text)
        {
            try { return _reader.Read(text).Articles.Select(a => a.Title).ToList(); }
            catch (ArgumentException) { return Array.Empty<string>(); }   // Markdig's depth limit: a file refused by Plan
        }

        /// <summary>Pages for changed days and for days without one, and the archive's index.html.</summary>
        private void PlanPages(List<ArchiveChange> dayChanges, List<ArchiveChange> indexes)
        {
            var days = DayFiles().ToList();
            foreach (ArchiveChange created in dayChanges.Where(c => c.Created && !days.Any(d => d.Value == c.Path)).ToList())
                if (_options.Layout.TryParse(created.RelativePath, out DateTime d)) days.Add(new KeyValuePair<DateTime, string>(d, created.Path));

            var index = new StringBuilder("# 🤖 AI 뉴스 아카이브\n");
            string month = null;
            foreach (var day in days.OrderByDescending(d => d.Key))
            {
                string text = dayChanges.FirstOrDefault(c => c.Path == day.Value)?.Text;
                string page = System.IO.Path.ChangeExtension(day.Value, ".html");
                bool changed = text != null;
                text = text ?? ReadDayFile(day.Value);
                // A refused day file keeps the page it has: it is not rendered from text that cannot be trusted.
                if (text != null && !IsRefused(day.Value) && (changed || !File.Exists(page) || _targets.Contains(day.Value)))
                    AddIfDifferent(indexes, page, DigestPage.Render(text));

                string m = day.Key.ToString("yyyy년 MM월", System.Globalization.CultureInfo.InvariantCulture);
                if (m != month) { index.Append("\n## ").Append(m).Append("\n\n"); month = m; }
                int count = Titles(text).Count;
                index.Append("- [📅 ").Append(day.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                     .Append(" (").Append(count).Append("건)](").Append(MarkdownEscaper.EscapeLinkDestination(Relative(page))).Append(")\n");
            }
            AddIfDifferent(indexes, System.IO.Path.Combine(_options.Root, "index.html"), DigestPage.Render(index.ToString()));
        }

        /// <summary>Plans writing an index or page unless the file already holds exactly that text.</summary>
        private void AddIfDifferent(List<ArchiveChange> indexes, string path, string text)
        {
            bool exists = File.Exists(path);
            if (exists && File.ReadAllText(path, Encoding.UTF8) == text) return;
            indexes.Add(new ArchiveChange { Path = path, RelativePath = Relative(path), Created = !exists, IsIndex = true, Text = text });
        }

        private string Relative(string path)
        {
            string root = Path.GetFullPath(_options.Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string full = Path.GetFullPath(path);
            return (full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : full).Replace(Path.DirectorySeparatorChar, '/');
        }
    }
}
