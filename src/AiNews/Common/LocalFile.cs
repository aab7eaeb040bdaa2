using System.IO;

namespace AiNews.Common
{
    /// <summary>Local files read with the same size cap as downloads.</summary>
    public static class LocalFile
    {
        /// <summary>
        /// The file's bytes, or null when it holds more than <paramref name="limit"/>. Read as a stream, not by its stated
        /// length: /dev/zero, a pipe or a growing file states none and would otherwise be read until memory runs out.
        /// </summary>
        /// <exception cref="IOException">The file cannot be read.</exception>
        /// <exception cref="System.UnauthorizedAccessException">No permission.</exception>
        public static byte[] ReadAtMost(string path, long limit)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var buffer = new MemoryStream())
            {
                var chunk = new byte[64 * 1024];
                int n;
                while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    if (buffer.Length + n > limit) return null;
                    buffer.Write(chunk, 0, n);
                }
                return buffer.ToArray();
            }
        }
    }
}
