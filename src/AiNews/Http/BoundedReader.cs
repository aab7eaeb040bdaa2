using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AiNews.Http
{
    /// <summary>
    /// Reads a response body as it streams in and stops at a size cap, so a broken or hostile server that sends
    /// gigabytes costs at most the cap in memory: the page fetcher (feeds, pages, robots.txt), the webhook sender (the
    /// rate-limit reply) and the LLM client (the completion) all read their bodies through it.
    /// </summary>
    public static class BoundedReader
    {
        /// <summary>Bytes asked of the stream at a time: large enough for few calls, small enough to notice the cap early.</summary>
        private const int ChunkBytes = 16 * 1024;

        /// <summary>
        /// Reads <paramref name="stream"/> to its end, or until more than <paramref name="maxBytes"/> arrive: then, with
        /// <paramref name="truncate"/>, the first <paramref name="maxBytes"/> are kept; without, the body is refused
        /// (<see cref="BoundedBody.Exceeded"/>). Cancelling <paramref name="cancellationToken"/> ends a read in progress.
        /// </summary>
        public static async Task<BoundedBody> ReadAsync(Stream stream, long maxBytes, bool truncate, CancellationToken cancellationToken)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            using (var buffer = new MemoryStream())
            {
                var chunk = new byte[ChunkBytes];
                while (true)
                {
                    int n = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                    if (n == 0) break;
                    if (buffer.Length + n > maxBytes)
                    {
                        if (!truncate) return new BoundedBody(null, truncated: false, exceeded: true);
                        buffer.Write(chunk, 0, (int)(maxBytes - buffer.Length));
                        return new BoundedBody(buffer.ToArray(), truncated: true, exceeded: false);
                    }
                    buffer.Write(chunk, 0, n);
                }
                return new BoundedBody(buffer.ToArray(), truncated: false, exceeded: false);
            }
        }
    }
}
