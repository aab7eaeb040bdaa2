using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AiNews.Common;
using AiNews.Jobs;
using AiNews.Stories;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The story prints (<see cref="StoryPrint"/>) of day files as last read, one small file per day file in the archive's
    /// state folder (<c>.ainews/day-prints/</c>), each with the day file's size and time of last write. Every run compares
    /// its articles with those of the look-back days before them; with this, it reads their prints instead of reading,
    /// parsing and fingerprinting the day files again. A day file whose size or time differs from what is recorded (edited
    /// by hand, written by a run since), or a print file that is missing, damaged, or made by another build or in another time zone, is
    /// read from the day file again, so the prints always equal those of the file as it is. Best effort, like the title
    /// index (<see cref="ArchiveDayIndex"/>): one that cannot be written is made again by the next run.
    /// </summary>
    public sealed class ArchiveDayPrints
    {
        /// <summary>The folder of print files, in the archive's state folder (<see cref="JobCheckpoint.FolderName"/>).</summary>
        public const string FolderName = "day-prints";
        // The file format, and the build that made the prints (its module version id): prints made by another build of
        // AiNews, whose fingerprints or digest reader may differ, are not used (read again from the day file, and replaced).
        private const string Magic = "AiNews-DayPrints/2";

        private readonly string _root;
        private readonly string _folder;
        private readonly string _timeZone;
        private readonly Dictionary<string, Pending> _pending = new Dictionary<string, Pending>(StringComparer.Ordinal);
        private readonly TimeSpan _keepFor;
        // The print files this run read: in use, so never removed as old.
        private readonly HashSet<string> _read = new HashSet<string>(StringComparer.Ordinal);

        // Prints made this run from a day file, with the file's size and write time taken before it was read.
        private sealed class Pending
        {
            public long Length, WriteTicks;
            public IReadOnlyList<StoryPrint> Prints;
        }

        /// <param name="root">The archive's root folder.</param>
        /// <param name="timeZone">The time zone the day files are read in: their dates, and so their prints, depend on it.</param>
        /// <param name="keepFor">
        /// How long a print file is kept after it was written: <see cref="Save"/> removes older ones that this run did not
        /// read, so that the folder holds the look-back days' prints, not one file for every day the archive ever had.
        /// </param>
        public ArchiveDayPrints(string root, TimeZoneInfo timeZone, TimeSpan keepFor)
        {
            _keepFor = keepFor;
            _root = Path.GetFullPath(root);
            _folder = Path.Combine(_root, JobCheckpoint.FolderName, FolderName);
            _timeZone = timeZone?.Id ?? string.Empty;
        }

        /// <summary>How many day files' prints this run took from their print files instead of the day files.</summary>
        public int FilesRead { get; private set; }

        /// <summary>The print file of the day file at <paramref name="dayFile"/>.</summary>
        public string PathOf(string dayFile) => Path.Combine(_folder, Uri.EscapeDataString(Relative(dayFile)) + ".prints");

        /// <summary>The recorded prints of the day file at <paramref name="dayFile"/>, when it has not changed since.</summary>
        public bool TryGet(string dayFile, out IReadOnlyList<StoryPrint> prints)
        {
            prints = null;
            var info = new FileInfo(dayFile);
            string path = PathOf(dayFile);
            if (!info.Exists || !File.Exists(path)) return false;
            try
            {
                // Read whole (one read of tens of KB) and then decoded from memory: the prints are thousands of small values.
                // The file ends in the SHA-256 of the bytes before it: one changed since it was written (a disk's error, an
                // edit by hand) would compare the run's articles with prints no day file has.
                byte[] bytes = File.ReadAllBytes(path);
                int body = bytes.Length - HashLength;
                if (body < 0 || !HashMatches(bytes, body)) return false;
                using (var reader = new BinaryReader(new MemoryStream(bytes, 0, body, writable: false), Encoding.UTF8))
                {
                    if (reader.ReadString() != Magic || reader.ReadString() != ContentHash.BuildIdentity || reader.ReadString() != _timeZone) return false;
                    if (reader.ReadInt64() != info.Length || reader.ReadInt64() != info.LastWriteTimeUtc.Ticks) return false;
                    int count = reader.ReadInt32();
                    if (count < 0) return false;
                    var list = new List<StoryPrint>();
                    for (int i = 0; i < count; i++) list.Add(StoryPrint.Read(reader));
                    if (reader.BaseStream.Position != reader.BaseStream.Length) return false;
                    prints = list;
                }
            }
            catch (IOException) { return false; }              // EndOfStreamException too: cut short
            catch (InvalidDataException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
            FilesRead++;
            _read.Add(path);
            return true;
        }

        /// <summary>
        /// Records the prints of the day file at <paramref name="dayFile"/>, made from its text as read when it had
        /// <paramref name="length"/> bytes and was last written at <paramref name="writeTicks"/> (taken before reading, so
        /// that a change while it was read makes the record stale, never wrong). Written by <see cref="Save"/>.
        /// </summary>
        public void Put(string dayFile, long length, long writeTicks, IReadOnlyList<StoryPrint> prints) =>
            _pending[Path.GetFullPath(dayFile)] = new Pending { Length = length, WriteTicks = writeTicks, Prints = prints };

        /// <summary>
        /// Writes the prints recorded with <see cref="Put"/>, except those of <paramref name="changed"/> (day files this
        /// run wrote: what was read of them is no longer what they hold), and removes print files older than the time
        /// they are kept for that this run did not read (a day that needs them again is read from its file); false when
        /// one could not be written.
        /// </summary>
        public bool Save(ICollection<string> changed)
        {
            bool saved = true;
            foreach (KeyValuePair<string, Pending> entry in _pending)
            {
                if (changed.Contains(entry.Key)) continue;
                Pending pending = entry.Value;
                try
                {
                    var content = new MemoryStream();
                    using (var writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
                    {
                        writer.Write(Magic);
                        writer.Write(ContentHash.BuildIdentity);
                        writer.Write(_timeZone);
                        writer.Write(pending.Length);
                        writer.Write(pending.WriteTicks);
                        writer.Write(pending.Prints.Count);
                        foreach (StoryPrint print in pending.Prints) print.Write(writer);
                    }
                    byte[] hash = ContentHash.Sha256(content.GetBuffer(), 0, (int)content.Length);
                    AtomicFile.Write(PathOf(entry.Key), stream =>
                    {
                        stream.Write(content.GetBuffer(), 0, (int)content.Length);
                        stream.Write(hash, 0, hash.Length);
                    }, flushToDisk: false);   // a cache: TryGet rejects a file cut short or changed (its hash, then its exact length)
                }
                catch (IOException) { saved = false; }
                catch (UnauthorizedAccessException) { saved = false; }
            }
            _pending.Clear();
            try
            {
                var folder = new DirectoryInfo(_folder);
                DateTime before = DateTime.UtcNow - _keepFor;
                if (folder.Exists)
                    foreach (FileInfo file in folder.EnumerateFiles("*.prints"))
                        if (file.LastWriteTimeUtc < before && !_read.Contains(file.FullName)) file.Delete();
            }
            catch (IOException) { saved = false; }
            catch (UnauthorizedAccessException) { saved = false; }
            return saved;
        }

        // The SHA-256 that ends a print file.
        private const int HashLength = 32;

        private static bool HashMatches(byte[] bytes, int body)
        {
            byte[] hash = ContentHash.Sha256(bytes, 0, body);
            for (int i = 0; i < HashLength; i++) if (hash[i] != bytes[body + i]) return false;
            return true;
        }

        private string Relative(string fullPath) => ArchiveLayout.RelativeTo(_root, fullPath);
    }
}
