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
    /// Every file under the archive's root, listed folder by folder through a manifest of each folder's entries as last
    /// listed, with the folder's time of last write (<c>.ainews/folders.tsv</c>). Adding, removing or renaming a file or
    /// folder changes the write time of the folder that holds it (POSIX, NTFS), so a folder whose write time is what the
    /// manifest recorded holds what it recorded: a run stats each folder and lists again only those that changed (the
    /// ones it or the previous run wrote to, or that were changed by hand), instead of listing the whole archive — one
    /// stat per folder, not one directory entry per file, as the archive grows by a file a day. Editing a file in place
    /// does not change its folder's write time; the listing says only which files exist, and what is read from a file
    /// (titles, counts, prints) is checked against the file's own size and write time by whoever reads it. A folder
    /// listed within <see cref="RacyWindow"/> of its write time is not recorded (a change in the same tick of the file
    /// system's clock would leave the time as it was), nor one whose write time moved since it was listed. Best effort:
    /// a manifest that is missing, damaged or cannot be written only means folders are listed again.
    /// </summary>
    public sealed class ArchiveListing
    {
        /// <summary>The manifest, in the archive's state folder (<see cref="JobCheckpoint.FolderName"/>).</summary>
        public const string FileName = "folders.tsv";
        // Lines: folder relative to the root ('/' separators, empty for the root), its write time (UTC ticks), its
        // subfolders and its files, names separated by '/' (which no name contains).
        private const string Magic = "AiNews-Folders/1";
        // A folder whose write time is this close to (or after) the time it was listed is not recorded: file systems keep
        // write times in ticks of a coarse clock (FAT: 2 s; ext4 and NTFS: a timer tick of a few ms), so a file added in the
        // same tick just after the listing would leave the folder's time unchanged. 5 s is over the coarsest of them.
        private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(5);
        private const char NameSeparator = '/';

        private readonly string _root;
        private readonly string _path;
        private Dictionary<string, Folder> _recorded;
        // The folders this walk listed (their write time did not match the manifest), by relative path.
        private readonly Dictionary<string, Folder> _listed = new Dictionary<string, Folder>(StringComparer.Ordinal);
        private readonly HashSet<string> _visited = new HashSet<string>(StringComparer.Ordinal);
        private List<string> _files;
        private long _listedAt;

        private sealed class Folder
        {
            public long WriteTicks;
            public string[] Folders;
            public string[] Files;
        }

        public ArchiveListing(string root)
        {
            _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            _path = Path.Combine(_root, JobCheckpoint.FolderName, FileName);
        }

        /// <summary>How many folders the walk listed (the others came from the manifest).</summary>
        public int FoldersListed => _listed.Count;

        /// <summary>How many folders the walk visited (one stat each).</summary>
        public int FoldersVisited => _visited.Count;

        /// <summary>
        /// The full paths of every file under the root, the state folder's included, walked on the first call only
        /// (later calls see the archive as it was then); empty when the root does not exist.
        /// </summary>
        public IReadOnlyList<string> Files()
        {
            if (_files != null) return _files;
            _files = new List<string>();
            _recorded = Load();
            _listedAt = DateTime.UtcNow.Ticks;
            var pending = new Stack<string>();
            pending.Push(string.Empty);
            while (pending.Count > 0)
            {
                string relative = pending.Pop();
                string full = FullPathOf(relative);
                var info = new DirectoryInfo(full);
                if (!info.Exists) continue;       // gone since its parent was listed
                long ticks = info.LastWriteTimeUtc.Ticks;
                if (!(_recorded.TryGetValue(relative, out Folder folder) && folder.WriteTicks == ticks))
                {
                    folder = List(full, ticks);
                    if (folder == null) continue;
                    _listed[relative] = folder;
                }
                _visited.Add(relative);
                string prefix = full + Path.DirectorySeparatorChar;
                foreach (string file in folder.Files) _files.Add(prefix + file);
                foreach (string sub in folder.Folders) pending.Push(relative.Length == 0 ? sub : relative + NameSeparator + sub);
            }
            return _files;
        }

        /// <summary>
        /// Records the folders this walk listed that have not changed since (one stat each), so that the next run need
        /// not list them; writes the manifest only when that adds or removes a record. False when it could not be written.
        /// </summary>
        public bool Save()
        {
            if (_files == null) return true;
            bool changed = false;
            var records = new Dictionary<string, Folder>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, Folder> recorded in _recorded)
                if (_visited.Contains(recorded.Key)) records[recorded.Key] = recorded.Value;
                else changed = true;      // the folder is gone
            foreach (KeyValuePair<string, Folder> listed in _listed)
            {
                Folder folder = listed.Value;
                // Written (by this run, mostly) since it was listed, or too recently to tell: listed again next time.
                if (_listedAt - folder.WriteTicks < RacyWindow.Ticks) continue;
                var info = new DirectoryInfo(FullPathOf(listed.Key));
                if (!info.Exists || info.LastWriteTimeUtc.Ticks != folder.WriteTicks) continue;
                if (!Recordable(listed.Key, folder)) continue;
                records[listed.Key] = folder;
                changed = true;
            }
            if (!changed) return true;
            var sb = new StringBuilder(Magic).Append('\n');
            var keys = new List<string>(records.Keys);
            keys.Sort(StringComparer.Ordinal);
            foreach (string key in keys)
            {
                Folder folder = records[key];
                sb.Append(key).Append('\t').Append(folder.WriteTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                  .Append(string.Join(NameSeparator.ToString(), folder.Folders)).Append('\t')
                  .Append(string.Join(NameSeparator.ToString(), folder.Files)).Append('\n');
            }
            try { ArchiveStateFile.Write(_path, sb); }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
            _recorded = records;
            _listed.Clear();
            return true;
        }

        private string FullPathOf(string relative) =>
            relative.Length == 0 ? _root : _root + Path.DirectorySeparatorChar + relative.Replace(NameSeparator, Path.DirectorySeparatorChar);

        // The entries of one folder, listed now; null when it is gone.
        private static Folder List(string full, long ticks)
        {
            try
            {
                var folders = new List<string>();
                foreach (string sub in Directory.EnumerateDirectories(full)) folders.Add(Path.GetFileName(sub));
                var files = new List<string>();
                foreach (string file in Directory.EnumerateFiles(full)) files.Add(Path.GetFileName(file));
                return new Folder { WriteTicks = ticks, Folders = folders.ToArray(), Files = files.ToArray() };
            }
            catch (DirectoryNotFoundException) { return null; }
        }

        // A name with a tab or line break cannot be written on a line of the manifest: such a folder is listed every run.
        private static bool Recordable(string relative, Folder folder)
        {
            if (!Plain(relative)) return false;
            foreach (string name in folder.Folders) if (!Plain(name)) return false;
            foreach (string name in folder.Files) if (!Plain(name)) return false;
            return true;
        }

        private static bool Plain(string name) => name.IndexOfAny(LineBreaks) < 0;
        private static readonly char[] LineBreaks = { '\t', '\n', '\r' };

        private Dictionary<string, Folder> Load()
        {
            var records = new Dictionary<string, Folder>(StringComparer.Ordinal);
            foreach (string[] fields in ArchiveStateFile.Records(_path, Magic, 4))
                if (long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long ticks))
                    records[fields[0]] = new Folder { WriteTicks = ticks, Folders = Names(fields[2]), Files = Names(fields[3]) };
            return records;
        }

        private static string[] Names(string field) => field.Length == 0 ? Array.Empty<string>() : field.Split(NameSeparator);
    }
}
