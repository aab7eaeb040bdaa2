using System;
using System.Security.Cryptography;
using System.Text;

namespace AiNews.Common
{
    /// <summary>
    /// The names and keys of what the module keeps on disk (fetch cache entries, LLM replies, stored extractions, index.html
    /// parts): SHA-256 digests in lower-case hex, and the identity of the build that made them.
    /// </summary>
    public static class ContentHash
    {
        /// <summary>
        /// The engine build's identity (its assembly's module version id, the same for the same sources in a deterministic
        /// build): state kept by another build of AiNews, which may extract, fingerprint or render otherwise, is not reused.
        /// </summary>
        public static readonly string BuildIdentity = typeof(ContentHash).Assembly.ManifestModule.ModuleVersionId.ToString("N");

        /// <summary>The SHA-256 digest of <paramref name="data"/> (null: no bytes) as 64 lower-case hex digits.</summary>
        public static string Sha256Hex(byte[] data) => data == null ? Sha256Hex(Array.Empty<byte>(), 0, 0) : Sha256Hex(data, 0, data.Length);

        /// <summary>The SHA-256 digest of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> on, as 64 lower-case hex digits.</summary>
        public static string Sha256Hex(byte[] data, int offset, int count)
        {
            byte[] hash = Sha256(data, offset, count);
            var sb = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        /// <summary>The SHA-256 digest (32 bytes) of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> on.</summary>
        public static byte[] Sha256(byte[] data, int offset, int count)
        {
            using (var sha = SHA256.Create()) return sha.ComputeHash(data, offset, count);
        }

        /// <summary>The SHA-256 digest of <paramref name="text"/> in UTF-8.</summary>
        public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text ?? string.Empty));
    }
}
