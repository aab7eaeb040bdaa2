using System;
using System.IO;
using System.IO.Compression;
using System.Reflection;
using AiNews.Http;

namespace AiNews.Fetching
{
    /// <summary>
    /// Decodes Content-Encoding ourselves instead of through the handler, so the size cap counts decoded bytes (a small
    /// gzip bomb is stopped at the cap) and every runtime decodes alike. gzip and deflate come with netstandard2.0.
    /// Brotli is not in netstandard2.0 and no maintained managed NuGet decoder is available to us (the served packages
    /// wrap native libraries), so BrotliStream is taken from the runtime when it has one (PowerShell 7 on .NET Core/5+
    /// does; Windows PowerShell 5.1 on .NET Framework does not), and "br" is only offered in Accept-Encoding then.
    /// </summary>
    public static class ContentDecoding
    {
        static readonly ConstructorInfo BrotliConstructor = FindBrotli();

        /// <summary>True when this runtime can decode Brotli ("br").</summary>
        public static bool BrotliAvailable => BrotliConstructor != null;

        /// <summary>The Accept-Encoding header this runtime can honour.</summary>
        public static string AcceptEncoding => BrotliAvailable ? "gzip, deflate, br" : "gzip, deflate";

        static ConstructorInfo FindBrotli()
        {
            foreach (string name in new[] { "System.IO.Compression.BrotliStream, System.IO.Compression.Brotli", "System.IO.Compression.BrotliStream, System.IO.Compression" })
            {
                try
                {
                    Type type = Type.GetType(name, throwOnError: false);
                    ConstructorInfo ctor = type?.GetConstructor(new[] { typeof(Stream), typeof(CompressionMode) });
                    if (ctor != null) return ctor;
                }
                catch (Exception e) when (e is IOException || e is BadImageFormatException || e is TypeLoadException) { }
            }
            return null;
        }

        /// <summary>Wraps <paramref name="stream"/> in decoders for a Content-Encoding header ("gzip", "br", "gzip, br").</summary>
        /// <exception cref="NotSupportedException">An encoding this runtime cannot decode.</exception>
        public static Stream Decode(Stream stream, string contentEncoding)
        {
            if (string.IsNullOrWhiteSpace(contentEncoding)) return stream;
            string[] codings = contentEncoding.Split(',');
            // Encodings are listed in the order they were applied; undo them from the last.
            for (int i = codings.Length - 1; i >= 0; i--)
            {
                string coding = codings[i].Trim().ToLowerInvariant();
                switch (coding)
                {
                    case "":
                    case "identity":
                        break;
                    case "gzip":
                    case "x-gzip":
                        stream = new GZipStream(stream, CompressionMode.Decompress);
                        break;
                    case "deflate":
                        stream = Deflate(stream);
                        break;
                    case "br":
                        if (BrotliConstructor == null) throw new NotSupportedException("the server sent a Brotli body, which this runtime cannot decode");
                        stream = (Stream)BrotliConstructor.Invoke(new object[] { stream, CompressionMode.Decompress });
                        break;
                    default:
                        throw new NotSupportedException("the server sent the unsupported content encoding '" + coding + "'");
                }
            }
            return stream;
        }

        // HTTP "deflate" means the zlib format (RFC 1950), but some servers send raw deflate: look at the first two bytes.
        static Stream Deflate(Stream stream)
        {
            var head = new byte[2];
            int read = 0;
            while (read < 2)
            {
                int n = stream.Read(head, read, 2 - read);
                if (n == 0) break;
                read += n;
            }
            bool zlib = read == 2 && (head[0] & 0x0F) == 8 && (head[0] >> 4) <= 7 && ((head[0] << 8) | head[1]) % 31 == 0;
            if (zlib) return new DeflateStream(stream, CompressionMode.Decompress);
            return new DeflateStream(new PrefixStream(head, read, stream), CompressionMode.Decompress);
        }

        /// <summary>A few bytes already read, then the rest of the stream.</summary>
        sealed class PrefixStream : ReadOnlyStream
        {
            readonly byte[] _prefix;
            readonly int _count;
            int _position;

            public PrefixStream(byte[] prefix, int count, Stream inner) : base(inner) { _prefix = prefix; _count = count; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (_position < _count)
                {
                    int n = Math.Min(count, _count - _position);
                    Buffer.BlockCopy(_prefix, _position, buffer, offset, n);
                    _position += n;
                    return n;
                }
                return Inner.Read(buffer, offset, count);
            }
        }
    }
}
