using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AiNews.Http
{
    /// <summary>Counts the bytes read through it: those that came off the network, before any decoding.</summary>
    internal sealed class CountingStream : ReadOnlyStream
    {
        public CountingStream(Stream inner) : base(inner) { }

        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Inner.Read(buffer, offset, count);
            Count += n;
            return n;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int n = await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Count += n;
            return n;
        }
    }
}
