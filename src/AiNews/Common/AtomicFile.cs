using System;
using System.IO;
using System.Text;

namespace AiNews.Common
{
    /// <summary>
    /// Writes a file so that a reader (or a crash) sees either the old file or the complete new one:
    /// the text goes to a temporary file in the same folder, which then replaces the target.
    /// </summary>
    public static class AtomicFile
    {
        public static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        /// <summary>The ending of the temporary files; a process killed between write and replace leaves one behind.</summary>
        public const string TempSuffix = ".ainews.tmp";

        public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

        /// <summary>Writes <paramref name="parts"/> one after the other as the new content of <paramref name="path"/>.</summary>
        public static void WriteAllBytes(string path, params byte[][] parts) =>
            Write(path, stream => { foreach (byte[] bytes in parts) stream.Write(bytes, 0, bytes.Length); });

        /// <summary>
        /// Writes what <paramref name="write"/> puts into the stream as the new content of <paramref name="path"/>: for
        /// content written piece by piece, never held whole in memory (a digest of tens of thousands of articles).
        /// </summary>
        /// <param name="path">The file to replace or create.</param>
        /// <param name="write">Puts the new content into the stream.</param>
        /// <param name="flushToDisk">
        /// Wait until the content is on the disk before the file replaces the old one (the default), so that not even a
        /// system crash can leave it cut short; false for caches that can be made again and whose readers check them
        /// (waiting costs about 2 ms a file, and the archive rewrites several caches every run), which also take the old
        /// file's name only after it is removed, so that for a moment there is none.
        /// </param>
        public static void Write(string path, Action<Stream> write, bool flushToDisk = true)
        {
            string full = Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(full);
            Directory.CreateDirectory(directory);
            string temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + TempSuffix);
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                    stream.Flush(flushToDisk);
                }
                if (!File.Exists(full)) File.Move(temp, full);
                else if (flushToDisk) File.Replace(temp, full, null, ignoreMetadataErrors: true);
                else
                {
                    // A cache takes the freed name instead of replacing the old file: renaming over an existing file makes
                    // ext4 (auto_da_alloc, on by default) start writing the new file's data out before the rename returns,
                    // about 5 ms a file here against 0.5 ms (the archive rewrites several caches on every run). A crash
                    // between the two steps leaves no file, which a cache's reader takes as missing and makes again.
                    File.Delete(full);
                    File.Move(temp, full);
                }
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
