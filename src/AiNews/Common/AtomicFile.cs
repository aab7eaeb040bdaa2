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
        public static void Write(string path, Action<Stream> write)
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
                    stream.Flush(true);
                }
                if (File.Exists(full)) File.Replace(temp, full, null, ignoreMetadataErrors: true);
                else File.Move(temp, full);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
