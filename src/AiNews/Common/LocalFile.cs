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
            {
                // The stated length only sizes the buffer (a regular file's bytes then land in one array, not in a buffer
                // doubled several times and copied out); reading still goes to the end of the stream, whatever it states.
                long stated = stream.CanSeek ? stream.Length : 0;
                using (var buffer = new MemoryStream(stated > 0 && stated <= limit && stated <= int.MaxValue ? (int)stated : 0))
                {
                    var chunk = new byte[64 * 1024];
                    int n;
                    while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
                    {
                        if (buffer.Length + n > limit) return null;
                        buffer.Write(chunk, 0, n);
                    }
                    return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
                }
            }
        }
    }
}
