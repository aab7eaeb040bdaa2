using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AiNews.Articles;
using AiNews.Common;
using AiNews.Digest.Html;
using AiNews.Stories;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The archive as the database: day files in a layout, each merged without touching what it holds,
    /// no article filed twice within the look-back window, and the index of each folder regenerated.
    /// Planning only reads, and reads each thing once: the folders are listed once per run, each day file is
    /// read and parsed at most once, and the indexes take titles and counts from those in-memory day files
    /// (and from the articles this run adds) rather than parsing the Markdown they have just rendered.
    /// The caller writes the planned changes (Export-AiDigest, one atomic write each).
    /// </summary>
    public sealed class DigestArchive
    {
        private readonly ArchiveOptions _options;
        private readonly DigestReader _reader;
        private readonly DigestFormat _format;
        // Every day file this run has looked at, by full path; one entry per file so that it is read only once.
        private readonly Dictionary<string, DayFile> _days = new Dictionary<string, DayFile>(StringComparer.Ordinal);
        // The day files the articles of this run go to: their indexes and pages are checked even when nothing is added.
        private readonly HashSet<string> _targets = new HashSet<string>(StringComparer.Ordinal);
        // The day files on disk, oldest first, listed when first needed (see DayFiles).
        private List<KeyValuePair<DateTime, string>> _onDisk;
        // The pages (.html) on disk, full paths, listed with the day files: one listing instead of a check per day.
        private HashSet<string> _pagesOnDisk;
        // Titles of day files as last read: the indexes take them from here for the days this run does not open.
        private readonly ArchiveDayIndex _index;
        // Story prints of day files as last read: the look-back days are compared through these, not read again.
        private readonly ArchiveDayPrints _prints;
        // The rendered month parts of index.html: only the months whose lines changed are rendered again.
        private readonly ArchiveIndexParts _indexParts;
        // Every file of the archive, listed only in the folders that changed since the last run (see ArchiveListing).
        private readonly ArchiveListing _listing;
        // The root's full path with a separator at the end: every path this class makes starts with it.
        private readonly string _rootPrefix;
        // The kept prints of look-back days this run did not open, by full path (null: none kept, or stale).
        private readonly Dictionary<string, IReadOnlyList<StoryPrint>> _keptPrints = new Dictionary<string, IReadOnlyList<StoryPrint>>(StringComparer.Ordinal);
        // The prints of this run's articles (in Plan's order) and, made when a look-back day is first compared, the same
        // in fingerprint buckets: each earlier article is looked up among the new ones that share enough of its shingles.
        // One bucket index of the run's articles rather than one of each look-back day: a daily run has about as many new
        // articles as each of its 8 days holds, so the archive's side costs lookups only, and an empty archive nothing.
        private IReadOnlyList<StoryPrint> _runPrints;
        private StoryCandidates _runLookup;
        // For each day file compared, by full path: which of this run's articles (by index in _runPrints) it has the story of.
        private readonly Dictionary<string, bool[]> _storiesIn = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        // The size and time of last write of every listed day file, taken while Plan runs (see ArchiveDayIndex.UseStats).
        private Task<Dictionary<string, (long Length, long WriteTicks)>> _dayStats;
        // Day files whose pages Markdig would not render, with its reason (see PagesNotRendered).
        private readonly Dictionary<string, string> _pagesNotRendered = new Dictionary<string, string>(StringComparer.Ordinal);
        // The full path of each day's file, by day (see PathOf).
        private readonly Dictionary<DateTime, string> _pathOfDay = new Dictionary<DateTime, string>();

        public DigestArchive(ArchiveOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (string.IsNullOrWhiteSpace(options.Root)) throw new ArgumentException("The archive needs a root folder.", nameof(options));
            _reader = new DigestReader(options.Digest);
            _index = new ArchiveDayIndex(options.Root);
            _prints = new ArchiveDayPrints(options.Root, options.Digest.TimeZone, TimeSpan.FromDays(KeptPrintsWindows * (options.LookbackDays + 1)));
            _indexParts = new ArchiveIndexParts(options.Root);
            _listing = new ArchiveListing(options.Root);
            _rootPrefix = Path.GetFullPath(options.Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            _format = options.Digest.Format;
        }

        /// <summary>One day file as this run knows it: what is on disk (read and parsed once) and what this run adds.</summary>
        private sealed class DayFile
        {
            public DateTime Day;
            public string Path;
            public bool Exists;
            public long Length, WriteTicks;     // of the file on disk, taken before it was read
            public string Raw;                  // the file's text as read: null when it does not exist or is not UTF-8
            public string Text;                 // Raw as the reader sees it; null: missing, empty: not UTF-8
            public DigestDocument Document;     // null: missing, or refused
            public string Refused;              // why an existing file is no sound digest (nothing may be added to it)
            public bool Reported;               // the refusal is in the plan: Plan wanted to add to this file
            public IReadOnlyList<string> Titles = Array.Empty<string>();   // on disk; a refused file keeps the ones it shows
            public DigestWriter Additions;
            public IReadOnlyList<StoryPrint> Prints;   // of Document's articles, made when first compared
            public HashSet<string> LinkKeys;    // of a refused file: URL keys of every link in its text

            /// <summary>The titles once this run's additions are written (<paramref name="written"/>), in file order.</summary>
            public IReadOnlyList<string> TitlesAfter(bool written) =>
                written && Additions != null ? Titles.Concat(Additions.Titles).ToList() : Titles;
        }

        // How many look-back windows a day's kept prints outlive their writing. A day's prints are written by the run after
        // it and read by the runs of the window after that; twice the window also covers a job paused for as long. Older
        // ones are removed (a late article for such a day reads its file again), so that the folder of prints, which every
        // run writes to and so lists again (ArchiveListing), holds a few windows' days instead of the archive's every day.
        private const int KeptPrintsWindows = 2;

        // Room for a month's part of index.html's Markdown (31 lines of about 60 characters), so that it is not grown line by line.
        private const int MonthPartCapacity = 2048;

        // Any http(s) link in a refused file's text, however it is marked up.
        private static readonly Regex LinkInText = new Regex(@"https?://[^\s)<>\]""']+", RegexOptions.CultureInvariant);

        /// <summary>
        /// What filing <paramref name="articles"/> would change: each goes to its day's file unless that day or one of
        /// the look-back days before it has the same story already (the same URL key or fingerprint, see
        /// <see cref="StoryGrouper"/>); then the indexes of every folder touched. Reads only.
        /// </summary>
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
                ? TimeZoneResolver.DayOf(article.Published.Value, zone) : _options.RunDay.Date)).OrderBy(x => x.day).ThenBy(x => x.index).ToList();
            // The look-back days (kept prints, else the day file read and fingerprinted) are read on another core while
            // the run's own articles are fingerprinted here; nothing else touches the archive's state until both are done.
            var window = new SortedSet<DateTime>(dated.SelectMany(x => Enumerable.Range(0, _options.LookbackDays + 1)
                .Select(back => TimeZoneResolver.AddDays(x.day, -back))));
            Task reading = Task.Run(() => { foreach (DateTime day in window) ReadLookback(day); });
            // With Html, index.html gives every day's count, each checked against its day file's size and time: those are
            // taken on another core too, from the listing made here, while the run plans its day files.
            if (_options.Html && _dayStats == null)
            {
                string[] listed = DayFiles().Select(d => d.Value).ToArray();
                _dayStats = Task.Run(() => ArchiveDayIndex.Stat(listed));
            }
            try { _runPrints = StoryPrint.OfAll(dated.Select(x => x.article).ToList()); }
            finally { reading.GetAwaiter().GetResult(); }      // the reader's own exception (IOException …), not an AggregateException
            _runLookup = null;
            _storiesIn.Clear();
            for (int i = 0; i < dated.Count; i++)
            {
                var (article, _, day) = dated[i];
                if (!article.Published.HasValue)
                    plan.Notes.Add($"'{article.Title}' has no publication date; it is filed under the run's day, {day:yyyy-MM-dd}.");

                DayFile target = Load(day, plan);
                _targets.Add(target.Path);
                if (target.Refused != null) continue;     // not a digest: reported once in Load

                StoryPrint print = _runPrints[i];
                string where = FindEarlier(day, i, stories, plan)
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
                string text = day.Exists ? day.Additions.AppendTo(day.Text, day.Document) : day.Additions.Render();
                plan.Changes.Add(new ArchiveChange
                {
                    Path = day.Path, RelativePath = Relative(day.Path), Created = !day.Exists, Added = day.Additions.Count, Text = text,
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
            var dayChanges = new Dictionary<string, ArchiveChange>(StringComparer.Ordinal);
            foreach (ArchiveChange change in written.Where(c => !c.IsIndex)) dayChanges[change.Path] = change;
            var days = DayFilesAfter(dayChanges);
            if (_dayStats != null) _index.UseStats(_dayStats.GetAwaiter().GetResult());
            var indexes = new List<ArchiveChange>();
            // Indexes and pages of every day this run was about are checked, not only of days that change:
            // a killed run may have written a day file and died before its index.
            foreach (string folder in TouchedFolders())
                PlanIndex(folder, days, dayChanges, indexes);
            if (_options.Html) PlanPages(days, dayChanges, indexes);
            return indexes;
        }

        /// <summary>
        /// Every day file under the root, oldest first, with its day. The folders are listed on the first call only
        /// (and only those that changed since the last run, see <see cref="ArchiveListing"/>): one run lists them once,
        /// and later calls see the archive as it was then.
        /// </summary>
        public IEnumerable<KeyValuePair<DateTime, string>> DayFiles()
        {
            if (_onDisk != null) return _onDisk;
            var files = new List<KeyValuePair<DateTime, string>>();
            _pagesOnDisk = new HashSet<string>(StringComparer.Ordinal);
            // Full paths, so that a file found here and the same day's file found through the layout are one DayFile.
            foreach (string file in _listing.Files())
            {
                if (file.EndsWith(".html", StringComparison.Ordinal)) _pagesOnDisk.Add(file);
                else if (file.EndsWith(".md", StringComparison.Ordinal) && TryParseDay(file, out DateTime day))
                    files.Add(new KeyValuePair<DateTime, string>(day, file));
            }
            _onDisk = files.OrderBy(f => f.Key).ToList();
            return _onDisk;
        }

        /// <summary>
        /// Temporary files (<see cref="AtomicFile.TempSuffix"/>) anywhere under the root, which a killed writer left
        /// behind; found in the same listing as the day files, so a run lists the archive once.
        /// </summary>
        public string[] Leftovers() => _listing.Files().Where(f => f.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal)).ToArray();

        /// <summary>How many folders this run listed (those that changed since the last run) and how many it visited.</summary>
        public (int Listed, int Visited) FoldersListed => (_listing.FoldersListed, _listing.FoldersVisited);

        /// <summary>The folders of the day files this run was about, in order.</summary>
        private List<string> TouchedFolders() =>
            _targets.Select(t => Path.GetDirectoryName(t)).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();

        /// <summary>
        /// The day files directly in <paramref name="folders"/>, oldest first (every day file of a layout lies at the
        /// same depth, so a folder's day files are its own files, never those of a subfolder).
        /// </summary>
        private List<KeyValuePair<DateTime, string>> DayFilesIn(IEnumerable<string> folders)
        {
            if (_onDisk != null) return _onDisk.Where(d => folders.Contains(Path.GetDirectoryName(d.Value))).ToList();
            var files = new List<KeyValuePair<DateTime, string>>();
            foreach (string folder in folders)
            {
                if (!Directory.Exists(folder)) continue;
                foreach (string file in Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly))
                    if (file.EndsWith(".md", StringComparison.Ordinal) && TryParseDay(file, out DateTime day))
                        files.Add(new KeyValuePair<DateTime, string>(day, Path.GetFullPath(file)));
            }
            return files.OrderBy(f => f.Key).ToList();
        }

        /// <summary>
        /// The day files on disk once <paramref name="dayChanges"/> are written: those listed, and the ones created.
        /// Only listed here; each is read when an index needs its titles (without Html, only the folders touched).
        /// </summary>
        private List<KeyValuePair<DateTime, string>> DayFilesAfter(Dictionary<string, ArchiveChange> dayChanges)
        {
            // Without Html only the folders this run touched are indexed, so only they are listed: the archive's other
            // folders cost nothing, however many years it holds. index.html lists every day, so with Html all are.
            var days = _options.Html ? DayFiles().ToList() : DayFilesIn(TouchedFolders());
            var listed = new HashSet<string>(days.Select(d => d.Value), StringComparer.Ordinal);
            // A created file is not in the listing (made before any write), unless something else wrote it meanwhile.
            foreach (ArchiveChange created in dayChanges.Values.Where(c => c.Created && !listed.Contains(c.Path)))
                days.Add(new KeyValuePair<DateTime, string>(_days[created.Path].Day, created.Path));
            return days;
        }

        /// <summary>Where the story of this run's article <paramref name="article"/> (index in _runPrints) is filed in its look-back window, or null.</summary>
        private string FindEarlier(DateTime day, int article, StoryGrouper stories, ArchivePlan plan)
        {
            StoryPrint print = _runPrints[article];
            for (int back = 0; back <= _options.LookbackDays; back++)
            {
                DateTime earlierDay = TimeZoneResolver.AddDays(day, -back);
                string path = PathOf(earlierDay);
                IReadOnlyList<StoryPrint> kept = KeptPrints(path);
                if (kept != null)
                {
                    if (StoriesIn(path, kept, stories)[article]) return Relative(path);
                    continue;
                }
                DayFile earlier = Load(earlierDay, plan);
                if (earlier.Refused != null)
                {
                    // A refused file cannot be read as articles, but a link in it still means the article is filed:
                    // filing it again would duplicate it once the file is repaired.
                    if (earlier.LinkKeys == null)
                        earlier.LinkKeys = new HashSet<string>(LinkInText.Matches(earlier.Text).Cast<Match>()
                            .Select(m => CanonicalUrl.Key(m.Value)), StringComparer.Ordinal);
                    if (earlier.LinkKeys.Contains(print.UrlKey)) return Relative(earlier.Path);
                    continue;
                }
                if (earlier.Document == null) continue;
                if (StoriesIn(earlier.Path, PrintsOf(earlier), stories)[article]) return Relative(earlier.Path);
            }
            return null;
        }

        /// <summary>
        /// Reads what <see cref="FindEarlier"/> will compare for one day of the look-back window: its kept prints, else its
        /// day file, parsed and fingerprinted. A refused file is reported when <see cref="FindEarlier"/> loads it.
        /// </summary>
        private void ReadLookback(DateTime day)
        {
            string path = PathOf(day);
            if (KeptPrints(path) != null) return;
            DayFile file = Open(path, day);
            if (file.Refused == null && file.Document != null) PrintsOf(file);
        }

        /// <summary>The story prints of a sound day file's articles, made once and kept for the next run.</summary>
        private IReadOnlyList<StoryPrint> PrintsOf(DayFile day)
        {
            if (day.Prints == null)
            {
                day.Prints = StoryPrint.OfAll(day.Document.Articles);
                _prints.Put(day.Path, day.Length, day.WriteTicks, day.Prints);
            }
            return day.Prints;
        }

        /// <summary>
        /// Which of this run's articles the day file at <paramref name="path"/> (its <paramref name="prints"/>) has the
        /// story of, worked out for all of them when the day is first compared: each of its articles is looked up in the
        /// buckets of the run's prints (<see cref="StoryCandidates.ForEachSharing"/>, which finds every pair that
        /// <see cref="StoryGrouper.IsSameStory"/> can accept, whichever side is bucketed).
        /// </summary>
        private bool[] StoriesIn(string path, IReadOnlyList<StoryPrint> prints, StoryGrouper stories)
        {
            if (_storiesIn.TryGetValue(path, out bool[] same)) return same;
            same = new bool[_runPrints.Count];
            if (prints.Count > 0)
            {
                if (_runLookup == null) _runLookup = new StoryCandidates(_runPrints, stories, outsideOnly: true);
                foreach (StoryPrint earlier in prints)
                    _runLookup.ForEachSharing(earlier, j => same[j] = same[j] || stories.IsSameStory(earlier, _runPrints[j]));
            }
            return _storiesIn[path] = same;
        }

        /// <summary>
        /// The prints kept for a day file this run has not opened (<see cref="ArchiveDayPrints"/>), when it is unchanged
        /// since: then it need not be read at all. Null for a day file this run opened, or one without sound kept prints
        /// (missing, refused, changed since): <see cref="FindEarlier"/> then reads it as before.
        /// </summary>
        private IReadOnlyList<StoryPrint> KeptPrints(string path)
        {
            if (_days.ContainsKey(path)) return null;
            if (!_keptPrints.TryGetValue(path, out IReadOnlyList<StoryPrint> prints))
                _keptPrints[path] = prints = _prints.TryGet(path, out IReadOnlyList<StoryPrint> found) ? found : null;
            return prints;
        }

        /// <summary>
        /// The full path of a day's file, made once per day: every article asks for each day of its look-back window, and
        /// the layout's pattern is filled in by a regular expression.
        /// </summary>
        private string PathOf(DateTime day)
        {
            if (!_pathOfDay.TryGetValue(day, out string path)) _pathOfDay[day] = path = _options.Layout.FullPathOf(_options.Root, day);
            return path;
        }

        /// <summary>The day file <see cref="Plan"/> files a day's articles in; a refusal is reported in the plan once.</summary>
        private DayFile Load(DateTime day, ArchivePlan plan)
        {
            DayFile file = Open(PathOf(day), day);
            if (file.Refused != null && !file.Reported)
            {
                file.Reported = true;
                plan.Unreadable.Add(file.Path);
                plan.UnreadableReasons[file.Path] = file.Refused;
            }
            return file;
        }

        /// <summary>
        /// A day file, read and parsed on first use only. A file that is no sound digest is refused (see
        /// <see cref="DayFile.Refused"/>) but still gives the titles that can be read from it; one that is not UTF-8 gives none.
        /// </summary>
        private DayFile Open(string path, DateTime day)
        {
            if (_days.TryGetValue(path, out DayFile known)) return known;
            var info = new FileInfo(path);
            var file = new DayFile { Day = day, Path = path, Exists = info.Exists };
            if (file.Exists)
            {
                file.Length = info.Length;
                file.WriteTicks = info.LastWriteTimeUtc.Ticks;
                DigestDocument document = null;
                try
                {
                    DayFilesRead++;
                    file.Raw = DigestReader.ReadFileText(path);
                    file.Text = DigestReader.Normalize(file.Raw);
                    document = _reader.Read(file.Text);
                    file.Titles = document.Articles.Select(a => a.Title).ToList();
                    file.Refused = document.TocStart < 0 || document.TocEnd < document.TocStart
                        ? $"it is not an AiNews digest (it has no {_format.TocStart} … {_format.TocEnd} markers)"
                        : document.Defects.FirstOrDefault();
                }
                catch (InvalidDataException e) { file.Refused = e.Message.TrimEnd('.'); file.Text = string.Empty; }
                catch (ArgumentException e) { file.Refused = "Markdown cannot read it: " + e.Message.TrimEnd('.'); }   // Markdig's depth limit
                if (file.Refused == null) file.Document = document;
                _index.Put(path, file.Titles);
            }
            _days[path] = file;
            return file;
        }

        /// <summary>The README.md of one folder: its day files with their titles as they are once the day changes are written.</summary>
        private void PlanIndex(string folder, List<KeyValuePair<DateTime, string>> days, Dictionary<string, ArchiveChange> dayChanges, List<ArchiveChange> indexes)
        {
            var inFolder = days.Where(d => IsIn(d.Value, folder))
                .Select(d => (d.Key, d.Value, TitlesOf(d.Key, d.Value, dayChanges.ContainsKey(d.Value)))).ToList();
            if (inFolder.Count > 0)
                AddIfDifferent(indexes, Path.Combine(folder, ArchiveLayout.FolderIndexFile), MonthIndexWriter.Render(folder, inFolder, _format));
        }

        // True when the file at the full path lies directly in the folder (as Path.GetDirectoryName would say, without
        // making a string for each of the archive's days).
        private static bool IsIn(string path, string folder)
        {
            // A folder ends in a separator only when it is a drive's or the file system's root ("/", "C:\").
            int name = folder.Length > 0 && folder[folder.Length - 1] == Path.DirectorySeparatorChar ? folder.Length : folder.Length + 1;
            return path.Length > name && (name == folder.Length || path[folder.Length] == Path.DirectorySeparatorChar)
                && path.StartsWith(folder, StringComparison.Ordinal) && path.IndexOf(Path.DirectorySeparatorChar, name) < 0;
        }

        /// <summary>Pages for changed days and for days without one, and the archive's index.html.</summary>
        private void PlanPages(List<KeyValuePair<DateTime, string>> days, Dictionary<string, ArchiveChange> dayChanges, List<ArchiveChange> indexes)
        {
            // The page's Markdown is its heading and one part per month, each rendered by itself (or kept from an earlier
            // run): month headings all differ, so the parts' bodies one after the other are the body of the whole.
            string head = "# " + _format.ArchiveTitle + "\n";
            var parts = new List<StringBuilder>();
            StringBuilder index = null;
            int month = -1;     // year * 12 + month of the part being written: a month's name is made once, not per day
            foreach (var (dayOf, path) in days.OrderByDescending(d => d.Key).Select(d => (d.Key, d.Value)))
            {
                bool changed = dayChanges.TryGetValue(path, out ArchiveChange change);
                string page = ArchiveLayout.PageOf(path);
                // Only the pages of days this run is about, or that have none, are rendered: the others' files are not read.
                if (changed || _targets.Contains(path) || !_pagesOnDisk.Contains(page))
                {
                    DayFile day = Open(path, dayOf);
                    string text = changed ? change.Text : day.Raw;
                    // A file Plan refused keeps the page it has: it is not rendered from text that cannot be trusted.
                    string html = text != null && !day.Reported ? RenderPage(path, text) : null;
                    if (html != null) AddIfDifferent(indexes, page, html);
                }

                int monthOf = dayOf.Year * 12 + dayOf.Month;
                if (monthOf != month)
                {
                    parts.Add(index = new StringBuilder(MonthPartCapacity).Append("\n## ").Append(_format.MonthName(dayOf)).Append("\n\n"));
                    month = monthOf;
                }
                // A day whose page could not be made and has none links to its day file: index.html has no broken link.
                string target = _pagesNotRendered.ContainsKey(path) && !_pagesOnDisk.Contains(page) ? path : page;
                index.Append("- [").Append(_format.ArchiveDayLink(dayOf, CountOf(dayOf, path, changed))).Append("](")
                     .Append(MarkdownEscaper.EscapeLinkDestination(Relative(target))).Append(")\n");
            }
            // The page on disk is read once: its unchanged month parts are cut out of it, and the new page compared with it.
            string indexPath = Path.Combine(_options.Root, ArchiveLayout.PagesIndexFile);
            bool exists = File.Exists(indexPath);
            string current = exists ? File.ReadAllText(indexPath, Encoding.UTF8) : null;
            _indexParts.Begin(current);
            string headBody = DigestPage.BodyOf(head, out string title);
            var body = new StringBuilder(headBody, Math.Max(headBody.Length, current?.Length ?? 0));
            foreach (StringBuilder part in parts) _indexParts.AppendBodyOf(body, part.ToString());
            string whole = DigestPage.Assemble(body.ToString(), title, null, out int bodyAt);
            _indexParts.Placed(bodyAt + headBody.Length);
            if (current != whole)
                indexes.Add(new ArchiveChange { Path = indexPath, RelativePath = Relative(indexPath), Created = !exists, IsIndex = true, Text = whole });
        }

        /// <summary>
        /// The day files whose pages could not be made, by full path, with Markdig's reason: their text nests deeper than
        /// Markdig renders (only a file edited by hand can: what AiNews writes is escaped, see <see cref="MarkdownEscaper"/>).
        /// Their pages were left as they were; the day files still got their articles.
        /// </summary>
        public IReadOnlyDictionary<string, string> PagesNotRendered => _pagesNotRendered;

        // The page of a day file from its text, or null (and the reason kept in PagesNotRendered) when Markdig refuses to
        // render it: one such file must not stop the pages, indexes and day files of the rest of the run.
        private string RenderPage(string path, string text)
        {
            try { return DigestPage.Render(text); }
            catch (ArgumentException e)
            {
                _pagesNotRendered[path] = e.Message.TrimEnd('.');
                return null;
            }
        }

        /// <summary>How many month parts of index.html this run rendered, of how many (the others were cut out of the page as it was).</summary>
        public (int Rendered, int Parts) IndexPartsRendered => (_indexParts.Rendered, _indexParts.Count);

        /// <summary>
        /// The titles of a day file once this run's changes are written (<paramref name="written"/>): of the file as this
        /// run read it, else as the title index recorded it when the file is unchanged since, else read now.
        /// </summary>
        private IReadOnlyList<string> TitlesOf(DateTime day, string path, bool written)
        {
            if (_days.TryGetValue(path, out DayFile known)) return known.TitlesAfter(written);
            if (_index.TryGet(path, out IReadOnlyList<string> titles)) return titles;
            return Open(path, day).TitlesAfter(written);
        }

        /// <summary>How many titles <see cref="TitlesOf"/> would give, without splitting the recorded titles.</summary>
        private int CountOf(DateTime day, string path, bool written)
        {
            if (!_days.ContainsKey(path) && _index.TryGetCount(path, out int count)) return count;
            return TitlesOf(day, path, written).Count;
        }

        /// <summary>
        /// Records the titles of the day files this run read, and of those in <paramref name="written"/> (the day-file
        /// changes that were written), in the archive's title index (<see cref="ArchiveDayIndex"/>), and the story prints
        /// of the day files it fingerprinted and did not write (<see cref="ArchiveDayPrints"/>), so that the next run
        /// need not read them again; call it after the writes (never under -WhatIf). False when the index or a print file
        /// could not be written (the next run then reads those day files again).
        /// </summary>
        public bool SaveTitleIndex(IEnumerable<ArchiveChange> written)
        {
            var changed = new HashSet<string>(StringComparer.Ordinal);
            foreach (ArchiveChange change in written ?? Enumerable.Empty<ArchiveChange>())
            {
                if (change.IsIndex) continue;
                changed.Add(Path.GetFullPath(change.Path));
                if (_days.TryGetValue(change.Path, out DayFile day)) _index.Put(change.Path, day.TitlesAfter(true));
            }
            bool titles = _index.Save();
            bool parts = _indexParts.Save();
            bool listing = _listing.Save();
            return _prints.Save(changed) && titles && parts && listing;
        }

        /// <summary>How many look-back days this run compared through their kept story prints instead of reading them.</summary>
        public int PrintFilesRead => _prints.FilesRead;

        /// <summary>How many day files this run has read: those of its look-back window, and those changed since the title index recorded them.</summary>
        public int DayFilesRead { get; private set; }

        /// <summary>How many folders' title files (<see cref="ArchiveDayIndex"/>) this run has read: those of the folders it touched.</summary>
        public int TitleFilesRead => _index.FolderFilesRead;

        /// <summary>Plans writing an index or page unless the file already holds exactly that text.</summary>
        private void AddIfDifferent(List<ArchiveChange> indexes, string path, string text)
        {
            bool exists = File.Exists(path);
            if (exists && File.ReadAllText(path, Encoding.UTF8) == text) return;
            indexes.Add(new ArchiveChange { Path = path, RelativePath = Relative(path), Created = !exists, IsIndex = true, Text = text });
        }

        // The day of a day file's full path under the root, read in place (see Relative): asked about every day file of the archive.
        private bool TryParseDay(string path, out DateTime day) => path.StartsWith(_rootPrefix, StringComparison.Ordinal)
            ? _options.Layout.TryParse(path, _rootPrefix.Length, out day)
            : _options.Layout.TryParse(Relative(path), out day);

        // The paths here are full paths under the root (from the listing or the layout), so the root's prefix is cut
        // without normalising each again: index.html alone asks for one relative path per day of the archive.
        private string Relative(string path) => path.StartsWith(_rootPrefix, StringComparison.Ordinal)
            ? path.Substring(_rootPrefix.Length).Replace(Path.DirectorySeparatorChar, '/')
            : ArchiveLayout.RelativeTo(_options.Root, path);
    }
}
