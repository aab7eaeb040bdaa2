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
    /// The titles of every day file as last read, with the file's size and time of last write, kept in the archive
    /// (<c>.ainews/day-titles.tsv</c>). The folder indexes and index.html list every day's titles or their count; with
    /// this, a run reads only the day files that changed since (and those of its look-back window) instead of parsing
    /// the whole archive: a day file whose size or time differs from what is recorded is read again, so the index can be
    /// stale or missing (or deleted by hand) without changing any output. Best effort: one that cannot be read or
    /// written is rebuilt from the day files.
    /// </summary>
    public sealed class ArchiveDayIndex
    {
        /// <summary>The file's name, in the archive's state folder (<see cref="JobCheckpoint.FolderName"/>).</summary>
        public const string FileName = "day-titles.tsv";
        // Lines: relative path, size, write time (UTC ticks), number of titles, titles.
        private const string Magic = "AiNews-DayTitles/2";
        // Separates titles on a line; titles are one line of text each, and this character (and tab, newline and the
        // backslash that escapes them) is escaped inside one.
        private const char TitleSeparator = '\u001F';

        private readonly string _root;
        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private bool _loaded, _dirty;

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
        }

        public ArchiveDayIndex(string root)
        {
            _root = Path.GetFullPath(root);
            FilePath = Path.Combine(_root, JobCheckpoint.FolderName, FileName);
        }

        /// <summary>Where the index is kept.</summary>
        public string FilePath { get; }

        /// <summary>The recorded titles of the day file at <paramref name="fullPath"/>, when it has not changed since.</summary>
        public bool TryGet(string fullPath, out IReadOnlyList<string> titles)
        {
            Entry entry = Current(fullPath);
            titles = entry?.Titles;
            return entry != null;
        }

        /// <summary>The recorded number of titles of the day file at <paramref name="fullPath"/>, when it has not changed since.</summary>
        public bool TryGetCount(string fullPath, out int count)
        {
            Entry entry = Current(fullPath);
            count = entry?.Count ?? 0;
            return entry != null;
        }

        private Entry Current(string fullPath)
        {
            Load();
            if (!_entries.TryGetValue(Relative(fullPath), out Entry entry)) return null;
            var info = new FileInfo(fullPath);
            return info.Exists && info.Length == entry.Length && info.LastWriteTimeUtc.Ticks == entry.WriteTicks ? entry : null;
        }

        /// <summary>Records the titles just read from the day file at <paramref name="fullPath"/>, as it is on disk now.</summary>
        public void Put(string fullPath, IReadOnlyList<string> titles)
        {
            Load();
            var info = new FileInfo(fullPath);
            if (!info.Exists) return;
            string key = Relative(fullPath);
            if (_entries.TryGetValue(key, out Entry old) && old.Length == info.Length && old.WriteTicks == info.LastWriteTimeUtc.Ticks) return;
            _entries[key] = new Entry { Length = info.Length, WriteTicks = info.LastWriteTimeUtc.Ticks, Count = titles.Count, Titles = titles };
            _dirty = true;
        }

        /// <summary>Writes the index when something was recorded; false (and nothing half-written) when it cannot.</summary>
        public bool Save()
        {
            if (!_dirty) return true;
            var sb = new StringBuilder(Magic).Append('\n');
            var keys = new List<string>(_entries.Keys);
            keys.Sort(StringComparer.Ordinal);
            foreach (string key in keys)
            {
                Entry e = _entries[key];
                if (!File.Exists(Path.Combine(_root, key))) continue;   // a day file deleted since
                sb.Append(Escape(key)).Append('\t').Append(e.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                  .Append(e.WriteTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                  .Append(e.Count.ToString(CultureInfo.InvariantCulture)).Append('\t');
                for (int i = 0; i < e.Titles.Count; i++)
                {
                    if (i > 0) sb.Append(TitleSeparator);
                    sb.Append(Escape(e.Titles[i]));
                }
                sb.Append('\n');
            }
            try
            {
                AtomicFile.WriteAllText(FilePath, sb.ToString());
                _dirty = false;
                return true;
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        }

        private void Load()
        {
            if (_loaded) return;
            _loaded = true;
            string[] lines;
            try
            {
                if (!File.Exists(FilePath)) return;
                lines = File.ReadAllText(FilePath, AtomicFile.Utf8NoBom).Split('\n');
            }
            catch (IOException) { return; }
            catch (UnauthorizedAccessException) { return; }
            if (lines.Length == 0 || lines[0] != Magic) return;
            for (int i = 1; i < lines.Length; i++)
            {
                string[] fields = lines[i].Split(new[] { '\t' }, 5);
                if (fields.Length != 5) continue;
                if (!long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long length)) continue;
                if (!long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out long ticks)) continue;
                if (!int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) || count < 0) continue;
                _entries[Unescape(fields[0])] = new Entry { Length = length, WriteTicks = ticks, Count = count, RawTitles = fields[4] };
            }
        }

        private string Relative(string fullPath)
        {
            string full = Path.GetFullPath(fullPath);
            string prefix = _root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return (full.StartsWith(prefix, StringComparison.Ordinal) ? full.Substring(prefix.Length) : full).Replace(Path.DirectorySeparatorChar, '/');
        }

        private static string Escape(string s)
        {
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
