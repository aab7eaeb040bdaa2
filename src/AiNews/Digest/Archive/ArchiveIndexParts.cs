using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using AiNews.Common;
using AiNews.Digest.Html;
using AiNews.Jobs;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The rendered parts of the archive's index.html, one per month, taken from the page as it is on disk. index.html
    /// lists every day of the archive; rendering all of it (Markdown, then the sanitizer) was the largest cost of a run
    /// that grows with the archive's age, while a daily run changes one month's part. A small file in the archive's state
    /// folder (<c>.ainews/index-parts.tsv</c>) records, for each part of the page last planned, a hash of its Markdown,
    /// where its body lies in the page and a hash of that body: a part whose Markdown is unchanged is cut out of the page
    /// the run reads anyway (to compare it with the new one), if the text there still has that hash; any other part is
    /// rendered. So the page is always the one the whole Markdown renders to (<see cref="DigestPage.BodyOf"/>), whatever
    /// happened to index.html since. Best effort: a record that is missing, damaged or wrong only means rendering.
    /// </summary>
    public sealed class ArchiveIndexParts
    {
        /// <summary>The record of the parts, in the archive's state folder (<see cref="JobCheckpoint.FolderName"/>).</summary>
        public const string FileName = "index-parts.tsv";
        // Earlier versions kept each rendered part in a file of this folder; removed on the first save.
        private const string LegacyFolderName = "index-parts";
        // Part of every key, with the build's identity (its module version id): a part rendered by another build of
        // AiNews, which may render otherwise, is never used. Lines: Markdown key, offset and length of the body in the
        // page (UTF-16 code units), hash of the body.
        private const string Magic = "AiNews-IndexParts/2";
        private static readonly string Version = Magic + " " + ContentHash.BuildIdentity;
        // What every key's hash starts with (the version and a line break), as UTF-8.
        private static readonly byte[] KeyPrefix = Encoding.UTF8.GetBytes(Version + "\n");

        private readonly string _path;
        private readonly string _legacy;
        private Dictionary<string, Record> _recorded;
        private string _page;
        // The parts of the page this run planned, in order: their keys, the lengths and hashes of their bodies.
        private readonly List<(string Key, int Length, string BodyHash)> _parts = new List<(string, int, string)>();
        // The UTF-8 of what is hashed (a part's Markdown after KeyPrefix, a kept body), reused from part to part: index.html
        // is hashed part by part on every run, and a new string and byte array for each came to more than the page itself.
        private byte[] _bytes = Array.Empty<byte>();
        private readonly List<Record> _placed = new List<Record>();

        private sealed class Record
        {
            public string Key;
            public int At, Length;
            public string BodyHash;
        }

        public ArchiveIndexParts(string root)
        {
            string state = Path.Combine(Path.GetFullPath(root), JobCheckpoint.FolderName);
            _path = Path.Combine(state, FileName);
            _legacy = Path.Combine(state, LegacyFolderName);
        }

        /// <summary>How many parts this run rendered (the others were cut out of the page on disk).</summary>
        public int Rendered { get; private set; }

        /// <summary>How many parts the page this run planned has.</summary>
        public int Count => _parts.Count;

        /// <summary>Starts a page: <paramref name="current"/> is index.html as it is on disk (null: none), where kept parts are taken from.</summary>
        public void Begin(string current)
        {
            _page = current;
            _parts.Clear();
            _placed.Clear();
            Rendered = 0;
        }

        /// <summary>
        /// Appends the body of the next part of the page (<see cref="DigestPage.BodyOf"/>) to <paramref name="page"/>: cut out
        /// of the page on disk when it is there, else rendered now.
        /// </summary>
        public void AppendBodyOf(StringBuilder page, string markdown)
        {
            string key = KeyOf(markdown);
            if (Kept(key, out Record kept))
            {
                page.Append(_page, kept.At, kept.Length);
                _parts.Add((key, kept.Length, kept.BodyHash));
                return;
            }
            string body = DigestPage.BodyOf(markdown, out _);
            Rendered++;
            page.Append(body);
            _parts.Add((key, body.Length, ContentHash.Sha256Hex(body)));
        }

        /// <summary>Where the parts lie in the page planned: its first part begins at <paramref name="firstAt"/> (UTF-16 code units).</summary>
        public void Placed(int firstAt)
        {
            _placed.Clear();
            int at = firstAt;
            foreach (var part in _parts)
            {
                _placed.Add(new Record { Key = part.Key, At = at, Length = part.Length, BodyHash = part.BodyHash });
                at += part.Length;
            }
        }

        /// <summary>
        /// Records where the parts of the page planned lie, for the next run; nothing when this run planned no page.
        /// Call it after index.html is written: if it was not, the hashes do not match and the next run renders.
        /// False when the record could not be written.
        /// </summary>
        public bool Save()
        {
            if (_placed.Count == 0) return true;
            var sb = new StringBuilder(Magic).Append('\n');
            foreach (Record r in _placed)
                sb.Append(r.Key).Append('\t').Append(r.At.ToString(CultureInfo.InvariantCulture)).Append('\t')
                  .Append(r.Length.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(r.BodyHash).Append('\n');
            try
            {
                ArchiveStateFile.Write(_path, sb);
                if (Directory.Exists(_legacy)) Directory.Delete(_legacy, recursive: true);
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
            _placed.Clear();
            return true;
        }

        // The body recorded for this Markdown, when the page on disk still holds it where it was put (its hash, checked
        // here, is also the one Placed records again).
        private bool Kept(string key, out Record kept)
        {
            kept = null;
            if (_page == null) return false;
            if (_recorded == null) _recorded = Load();
            if (!_recorded.TryGetValue(key, out Record r) || r.At < 0 || r.Length < 0 || r.At > _page.Length - r.Length) return false;
            if (Hash(null, _page, r.At, r.Length) != r.BodyHash) return false;
            kept = r;
            return true;
        }

        private Dictionary<string, Record> Load()
        {
            var records = new Dictionary<string, Record>(StringComparer.Ordinal);
            foreach (string[] f in ArchiveStateFile.Records(_path, Magic, 4))
                if (int.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int at)
                    && int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int length))
                    records[f[0]] = new Record { Key = f[0], At = at, Length = length, BodyHash = f[3] };
            return records;
        }

        // The part's key: a hash of the Markdown with the version, so equal keys mean equal rendered bodies.
        private string KeyOf(string markdown) => Hash(KeyPrefix, markdown, 0, markdown.Length);

        // The SHA-256 of prefix (may be null) and then the UTF-8 of text[start, start + length), as ContentHash gives it for
        // the two one after the other (a range cut out of a page encodes as the same range cut out as a string would).
        private string Hash(byte[] prefix, string text, int start, int length)
        {
            int before = prefix?.Length ?? 0;
            int most = before + Encoding.UTF8.GetMaxByteCount(length);
            if (_bytes.Length < most) _bytes = new byte[Math.Max(most, 2 * _bytes.Length)];
            if (before > 0) Buffer.BlockCopy(prefix, 0, _bytes, 0, before);
            int count = before + Encoding.UTF8.GetBytes(text, start, length, _bytes, before);
            return ContentHash.Sha256Hex(_bytes, 0, count);
        }
    }
}
