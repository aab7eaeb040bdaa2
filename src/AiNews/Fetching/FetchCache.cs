using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using AiNews.Common;

namespace AiNews.Fetching
{
    /// <summary>
    /// The on-disk cache behind conditional requests: one file per URL (named by its SHA-256), a few header lines then the body.
    /// Writes go to a temporary file that replaces the old one, so a concurrent run or a crash never leaves half a file;
    /// an unreadable file counts as a miss. Best effort throughout: a cache that cannot be written never fails a fetch.
    /// </summary>
    public sealed class FetchCache
    {
        const string Magic = "AiNews-Cache/1";
        static readonly Encoding Utf8 = new UTF8Encoding(false);

        public FetchCache(string directory)
        {
            if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("A cache folder is required.", nameof(directory));
            Directory = Path.GetFullPath(directory);
        }

        public string Directory { get; }

        public string PathFor(Uri uri)
        {
            string hash = ContentHash.Sha256Hex(Key(uri));
            return Path.Combine(Directory, hash.Substring(0, 2), hash + ".cache");
        }

        static string Key(Uri uri) => uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);

        /// <summary>The stored entry for <paramref name="uri"/>, or null when there is none or it cannot be read.</summary>
        public FetchCacheEntry TryRead(Uri uri)
        {
            string path = PathFor(uri);
            try
            {
                if (!File.Exists(path)) return null;
                byte[] all = File.ReadAllBytes(path);
                int end = IndexOfBlankLine(all);
                if (end < 0) return null;
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                string[] lines = Utf8.GetString(all, 0, end).Split('\n');
                if (lines.Length == 0 || lines[0] != Magic) return null;
                for (int i = 1; i < lines.Length; i++)
                {
                    int colon = lines[i].IndexOf(':');
                    if (colon > 0) headers[lines[i].Substring(0, colon)] = lines[i].Substring(colon + 1).Trim();
                }
                if (!headers.TryGetValue("Uri", out string stored) || stored != Key(uri)) return null;
                var body = new byte[all.Length - end - 2];
                Buffer.BlockCopy(all, end + 2, body, 0, body.Length);
                if (headers.TryGetValue("Length", out string length) && length != body.Length.ToString(CultureInfo.InvariantCulture)) return null;
                var entry = new FetchCacheEntry { Uri = uri, Body = body };
                if (headers.TryGetValue("FinalUri", out string final) && Uri.TryCreate(final, UriKind.Absolute, out Uri finalUri)) entry.FinalUri = finalUri;
                if (headers.TryGetValue("Status", out string status) && int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out int code)) entry.StatusCode = code;
                headers.TryGetValue("ContentType", out string contentType);
                headers.TryGetValue("ETag", out string etag);
                headers.TryGetValue("LastModified", out string lastModified);
                entry.ContentType = Empty(contentType);
                entry.ETag = Empty(etag);
                entry.LastModified = Empty(lastModified);
                if (headers.TryGetValue("StoredAt", out string storedAt) &&
                    DateTimeOffset.TryParse(storedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset at)) entry.StoredAt = at;
                if (headers.TryGetValue("FreshUntil", out string freshUntil) &&
                    DateTimeOffset.TryParse(freshUntil, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset until)) entry.FreshUntil = until;
                return entry.ETag == null && entry.LastModified == null && entry.FreshUntil == null ? null : entry;
            }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }

        /// <summary>Stores <paramref name="entry"/>; returns false (and leaves no partial file) when it cannot.</summary>
        public bool TryWrite(FetchCacheEntry entry)
        {
            if (entry?.Uri == null || entry.Body == null) return false;
            string path = PathFor(entry.Uri);
            try
            {
                var header = new StringBuilder();
                header.Append(Magic).Append('\n');
                Line(header, "Uri", Key(entry.Uri));
                Line(header, "FinalUri", entry.FinalUri?.AbsoluteUri);
                Line(header, "Status", entry.StatusCode.ToString(CultureInfo.InvariantCulture));
                Line(header, "ContentType", entry.ContentType);
                Line(header, "ETag", entry.ETag);
                Line(header, "LastModified", entry.LastModified);
                Line(header, "StoredAt", entry.StoredAt.ToString("o", CultureInfo.InvariantCulture));
                Line(header, "FreshUntil", entry.FreshUntil?.ToString("o", CultureInfo.InvariantCulture));
                Line(header, "Length", entry.Body.Length.ToString(CultureInfo.InvariantCulture));
                header.Append('\n');
                AtomicFile.WriteAllBytes(path, Utf8.GetBytes(header.ToString()), entry.Body);
                return true;
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
            catch (PlatformNotSupportedException) { return false; }
        }

        /// <summary>
        /// The file beside the entry of <paramref name="uri"/> that keeps something derived from its body (".extract": the
        /// extracted article); pruned with the entries. Its owner checks that it still matches the body.
        /// </summary>
        public string BesidePath(Uri uri, string extension) => Path.ChangeExtension(PathFor(uri), extension);

        /// <summary>The text kept beside the entry of <paramref name="uri"/>, or null when there is none or it cannot be read.</summary>
        public string TryReadBeside(Uri uri, string extension)
        {
            try { return File.ReadAllText(BesidePath(uri, extension), Utf8); }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }

        /// <summary>Keeps <paramref name="text"/> beside the entry of <paramref name="uri"/>; false (no partial file) when it cannot.</summary>
        public bool TryWriteBeside(Uri uri, string extension, string text)
        {
            try
            {
                AtomicFile.WriteAllText(BesidePath(uri, extension), text);
                return true;
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
            catch (PlatformNotSupportedException) { return false; }
        }

        /// <summary>Removes the stored entry of one URL, if any.</summary>
        public void Remove(Uri uri)
        {
            try { File.Delete(PathFor(uri)); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        /// <summary>Deletes entries not written for <paramref name="maxAge"/> (and stray temporary files); returns how many.</summary>
        public int Prune(TimeSpan maxAge) => Prune(maxAge, long.MaxValue);

        /// <summary>
        /// Keeps the cache within its limits: deletes entries not used for <paramref name="maxAge"/> (stored or revalidated,
        /// see <see cref="Touch"/>) and stray temporary files, then the least recently used entries until the rest take at
        /// most <paramref name="maxBytes"/>. Returns how many files were deleted; files another run holds open are left.
        /// </summary>
        public int Prune(TimeSpan maxAge, long maxBytes)
        {
            int removed = 0;
            if (!System.IO.Directory.Exists(Directory)) return 0;
            DateTime cutoff = DateTime.UtcNow - maxAge;
            var kept = new List<FileInfo>();
            long total = 0;
            foreach (FileInfo file in new DirectoryInfo(Directory).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                // Entries and what is kept beside them count alike: the limits are on the folder.
                bool entry = file.Name.EndsWith(".cache", StringComparison.Ordinal) || file.Name.EndsWith(".extract", StringComparison.Ordinal);
                if (!entry && !file.Name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
                try
                {
                    if (file.LastWriteTimeUtc >= cutoff)
                    {
                        if (entry) { kept.Add(file); total += file.Length; }
                        continue;
                    }
                    file.Delete();
                    removed++;
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            if (total <= maxBytes) return removed;
            kept.Sort((a, b) => a.LastWriteTimeUtc.CompareTo(b.LastWriteTimeUtc));
            foreach (FileInfo file in kept)
            {
                if (total <= maxBytes) break;
                try
                {
                    long length = file.Length;
                    file.Delete();
                    total -= length;
                    removed++;
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            return removed;
        }

        /// <summary>Marks the entry of <paramref name="uri"/> as used now (a 304 revalidated it), so pruning keeps it longest.</summary>
        public void Touch(Uri uri)
        {
            try { File.SetLastWriteTimeUtc(PathFor(uri), DateTime.UtcNow); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        static void Line(StringBuilder sb, string name, string value)
        {
            if (string.IsNullOrEmpty(value)) return;
            sb.Append(name).Append(": ").Append(value.Replace('\r', ' ').Replace('\n', ' ')).Append('\n');
        }

        static string Empty(string s) => string.IsNullOrEmpty(s) ? null : s;

        static int IndexOfBlankLine(byte[] bytes)
        {
            int limit = Math.Min(bytes.Length - 1, 64 * 1024);
            for (int i = 0; i < limit; i++)
                if (bytes[i] == (byte)'\n' && bytes[i + 1] == (byte)'\n') return i;
            return -1;
        }
    }
}
