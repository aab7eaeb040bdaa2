using System;
using System.IO;

namespace AiNews.Http
{
    /// <summary>The members every forward-only, read-only stream wrapper of the fetcher shares; it owns its inner stream.</summary>
    internal abstract class ReadOnlyStream : Stream
    {
        protected ReadOnlyStream(Stream inner) { Inner = inner; }

        protected Stream Inner { get; }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Inner.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
