using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using AiNews.Common;
using AiNews.Jobs;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The titles of every day file as last read, with the file's size and time of last write, kept in the archive's
    /// state folder: one file per folder of day files (<c>.ainews/day-titles/</c>), and a small summary of every day
    /// file's title count (<c>.ainews/day-counts.tsv</c>) for index.html. The folder indexes list every day's titles,
    /// index.html their counts; with this, a run reads only the day files that changed since (and those of its
    /// look-back window), the title files of the folders it touches and the summary, instead of parsing the whole
    /// archive. A day file whose size or time differs from what is recorded is read again, so the index can be stale
    /// or missing (or deleted by hand) without changing any output. Best effort: one that cannot be read or written
    /// is rebuilt from the day files.
    /// </summary>
    public sealed class ArchiveDayIndex
    {
        /// <summary>The folder of per-folder title files, in the archive's state folder (<see cref="JobCheckpoint.FolderName"/>).</summary>
        public const string FolderName = "day-titles";
        /// <summary>The summary of title counts, in the archive's state folder.</summary>
        public const string SummaryFileName = "day-counts.tsv";
        // The single title file of earlier versions (all folders in one, 2 MB at 1,100 days): removed on the first save.
        private const string LegacyFileName = "day-titles.tsv";
        // Lines: relative path, size, write time (UTC ticks), number of titles, titles.
        private const string Magic = "AiNews-DayTitles/3";
        // Lines: relative path, size, write time (UTC ticks), number of titles.
        private const string SummaryMagic = "AiNews-DayCounts/1";
        // Separates titles on a line; titles are one line of text each, and this character (and tab, newline and the
        // backslash that escapes them) is escaped inside one.
        private const char TitleSeparator = '\u001F';

        private readonly string _root;
        private readonly string _rootPrefix;
        private readonly string _state;
        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly Dictionary<string, Entry> _counts = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly HashSet<string> _loadedFolders = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _dirtyFolders = new HashSet<string>(StringComparer.Ordinal);
        private bool _summaryLoaded, _summaryDirty;
        private IReadOnlyDictionary<string, (long Length, long WriteTicks)> _stats;    // see UseStats

        private sealed class Entry
        {
            public long Length;
            public long WriteTicks;
            public int Count;
            public string RawTitles;                 // as stored, split on first use: most runs need only the count
            private IReadOnlyList<string> _titles;
            public IReadOnlyList<string> Titles
            {
                get
                {
                    if (_titles != null) return _titles;
                    var titles = new List<string>(Count);
                    if (RawTitles.Length > 0)
                        foreach (string t in RawTitles.Split(TitleSeparator)) titles.Add(Unescape(t));
                    return _titles = titles;
                }
                set { _titles = value; }
            }
            public bool Matches(FileInfo info) => info.Exists && Matches(info.Length, info.LastWriteTimeUtc.Ticks);
            public bool Matches(long length, long writeTicks) => length == Length && writeTicks == WriteTicks;
        }

        public ArchiveDayIndex(string root)
        {
            _root = Path.GetFullPath(root);
            _rootPrefix = _root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            _state = Path.Combine(_root, JobCheckpoint.FolderName);
            SummaryPath = Path.Combine(_state, SummaryFileName);
        }

        /// <summary>Where the summary of title counts is kept.</summary>
        public string SummaryPath { get; }

        /// <summary>The title file of the folder of day files <paramref name="folder"/> (relative to the root, '/' separators).</summary>
        public string FolderFilePath(string folder) =>
            Path.Combine(_state, FolderName, "f-" + Uri.EscapeDataString(folder) + ".tsv");

        /// <summary>How many folders' title files this run has read (the folders it touched: not the whole archive).</summary>
        public int FolderFilesRead { get; private set; }

        /// <summary>The recorded titles of the day file at <paramref name="fullPath"/>, when it has not changed since.</summary>
        public bool TryGet(string fullPath, out IReadOnlyList<string> titles)
        {
            string key = Relative(fullPath);
            LoadFolder(FolderOf(key));
            titles = null;
            if (!_entries.TryGetValue(key, out Entry entry) || !entry.Matches(new FileInfo(fullPath))) return false;
            titles = entry.Titles;
            return true;
        }

        /// <summary>The recorded number of titles of the day file at <paramref name="fullPath"/>, when it has not changed since.</summary>
        public bool TryGetCount(string fullPath, out int count)
        {
            string key = Relative(fullPath);
            LoadSummary();
            count = 0;
            if (!_counts.TryGetValue(key, out Entry entry)) return false;
            bool unchanged = _stats != null && _stats.TryGetValue(fullPath, out var stat)
                ? entry.Matches(stat.Length, stat.WriteTicks)
                : entry.Matches(new FileInfo(fullPath));
            if (!unchanged) return false;
            count = entry.Count;
            return true;
        }

        /// <summary>
        /// The size and time of last write of each of <paramref name="fullPaths"/> that exists, by full path: taken ahead, on
        /// another thread, for <see cref="UseStats"/> (touches nothing of an index).
        /// </summary>
        public static Dictionary<string, (long Length, long WriteTicks)> Stat(IEnumerable<string> fullPaths)
        {
            var stats = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
            foreach (string path in fullPaths)
            {
                var info = new FileInfo(path);
                if (info.Exists) stats[path] = (info.Length, info.LastWriteTimeUtc.Ticks);
            }
            return stats;
        }

        /// <summary>
        /// Day files' sizes and times taken earlier in this run (<see cref="Stat"/>), for <see cref="TryGetCount"/> to check
        /// the counts against instead of asking the file system again; a day file not among them is asked as before. Only
        /// for files this run has not written since.
        /// </summary>
        public void UseStats(IReadOnlyDictionary<string, (long Length, long WriteTicks)> stats) => _stats = stats;

        /// <summary>Records the titles just read from the day file at <paramref name="fullPath"/>, as it is on disk now.</summary>
        public void Put(string fullPath, IReadOnlyList<string> titles)
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists) return;
            string key = Relative(fullPath), folder = FolderOf(key);
            LoadFolder(folder);
            LoadSummary();
            var entry = new Entry { Length = info.Length, WriteTicks = info.LastWriteTimeUtc.Ticks, Count = titles.Count, Titles = titles };
            if (!(_entries.TryGetValue(key, out Entry old) && old.Matches(info)))
            {
                _entries[key] = entry;
                _dirtyFolders.Add(folder);
            }
            if (!(_counts.TryGetValue(key, out Entry counted) && counted.Matches(info) && counted.Count == titles.Count))
            {
                _counts[key] = entry;
                _summaryDirty = true;
            }
        }

        /// <summary>Writes the title files of the folders where something was recorded, and the summary; false (and nothing half-written) when it cannot.</summary>
        public bool Save()
        {
            try
            {
                foreach (string folder in _dirtyFolders)
                {
                    var sb = new StringBuilder(Magic).Append('\n');
                    foreach (string key in Keys(_entries, folder))
                    {
                        Entry e = _entries[key];
                        Fields(sb, key, e).Append('\t');
                        for (int i = 0; i < e.Titles.Count; i++)
                        {
                            if (i > 0) sb.Append(TitleSeparator);
                            sb.Append(Escape(e.Titles[i]));
                        }
                        sb.Append('\n');
                    }
                    ArchiveStateFile.Write(FolderFilePath(folder), sb);
                }
                _dirtyFolders.Clear();
                if (_summaryDirty)
                {
                    var sb = new StringBuilder(SummaryMagic).Append('\n');
                    foreach (string key in Keys(_counts, null)) Fields(sb, key, _counts[key]).Append('\n');
                    ArchiveStateFile.Write(SummaryPath, sb);
                    _summaryDirty = false;
                    string legacy = Path.Combine(_state, LegacyFileName);
                    if (File.Exists(legacy)) File.Delete(legacy);
                }
                return true;
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        }

        // The keys to write, sorted; a day file deleted since is left out (checked only in folders this run touched).
        private List<string> Keys(Dictionary<string, Entry> entries, string folder)
        {
            var keys = new List<string>();
            foreach (string key in entries.Keys)
            {
                string of = FolderOf(key);
                if (folder != null && of != folder) continue;
                if ((folder != null || _loadedFolders.Contains(of)) && !File.Exists(Path.Combine(_root, key))) continue;
                keys.Add(key);
            }
            keys.Sort(StringComparer.Ordinal);
            return keys;
        }

        private static StringBuilder Fields(StringBuilder sb, string key, Entry e) =>
            sb.Append(Escape(key)).Append('\t').Append(e.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.WriteTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.Count.ToString(CultureInfo.InvariantCulture));

        private void LoadFolder(string folder)
        {
            if (!_loadedFolders.Add(folder)) return;
            string path = FolderFilePath(folder);
            if (!File.Exists(path)) return;
            FolderFilesRead++;
            foreach (string[] fields in ArchiveStateFile.Records(path, Magic, 5))
                if (Parse(fields, out Entry entry)) { entry.RawTitles = fields[4]; _entries[Unescape(fields[0])] = entry; }
        }

        private void LoadSummary()
        {
            if (_summaryLoaded) return;
            _summaryLoaded = true;
            foreach (string[] fields in ArchiveStateFile.Records(SummaryPath, SummaryMagic, 4))
                if (Parse(fields, out Entry entry)) { entry.RawTitles = string.Empty; _counts[Unescape(fields[0])] = entry; }
        }

        private static bool Parse(string[] fields, out Entry entry)
        {
            entry = null;
            if (!long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long length)) return false;
            if (!long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out long ticks)) return false;
            if (!int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) || count < 0) return false;
            entry = new Entry { Length = length, WriteTicks = ticks, Count = count };
            return true;
        }

        private static string FolderOf(string relative)
        {
            int slash = relative.LastIndexOf('/');
            return slash < 0 ? string.Empty : relative.Substring(0, slash);
        }

        // Callers pass full paths (the archive's listing, the layout's), so the root's prefix is cut without normalising
        // each again: index.html asks for the count of every day of the archive.
        private string Relative(string fullPath) => fullPath.StartsWith(_rootPrefix, StringComparison.Ordinal)
            ? fullPath.Substring(_rootPrefix.Length).Replace(Path.DirectorySeparatorChar, '/')
            : ArchiveLayout.RelativeTo(_root, fullPath);

        private static string Escape(string s)
        {
            if (s.IndexOfAny(Escaped) < 0) return s;
            var sb = new StringBuilder(s.Length);
            foreach (char c in s)
            {
                switch (c)
                {
                    case '\\': sb.Append("\\\\"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case TitleSeparator: sb.Append("\\u"); break;
                    default: sb.Append(c); break;
                }
            }
            return sb.ToString();
        }

        // The characters Escape writes otherwise: most keys and titles have none, and are written as they are.
        private static readonly char[] Escaped = { '\\', '\t', '\n', '\r', TitleSeparator };

        private static string Unescape(string s)
        {
            if (s.IndexOf('\\') < 0) return s;
            var sb = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] != '\\' || i + 1 == s.Length) { sb.Append(s[i]); continue; }
                char next = s[++i];
                sb.Append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next == 'u' ? TitleSeparator : next);
            }
            return sb.ToString();
        }
    }
}
