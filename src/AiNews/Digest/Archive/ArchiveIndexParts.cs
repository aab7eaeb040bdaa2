using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AiNews.Common;
using AiNews.Digest.Html;
using AiNews.Jobs;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The rendered parts of the archive's index.html, one per month, kept in the archive's state folder
    /// (<c>.ainews/index-parts/</c>) under a hash of their Markdown. index.html lists every day of the archive; rendering
    /// all of it (Markdown, then the sanitizer) was the largest cost of a run that grows with the archive's age, while a
    /// daily run changes one month's part. A part is rendered again whenever its Markdown differs from every kept one,
    /// so the page is always the one the whole Markdown renders to (<see cref="DigestPage.BodyOf"/>). Best effort: a part
    /// that cannot be read is rendered, one that cannot be written is rendered again by the next run.
    /// </summary>
    public sealed class ArchiveIndexParts
    {
        /// <summary>The folder of rendered parts, in the archive's state folder (<see cref="JobCheckpoint.FolderName"/>).</summary>
        public const string FolderName = "index-parts";
        // Part of every key, with the build's identity (its module version id): a part kept by another build of AiNews,
        // which may render otherwise, is never used.
        private const string Magic = "AiNews-IndexParts/1";
        private static readonly string Version = Magic + " " + ContentHash.BuildIdentity;

        private readonly string _folder;
        // The parts this run used, by file name; those rendered now (to be written) have their body.
        private readonly Dictionary<string, string> _used = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _rendered = new HashSet<string>(StringComparer.Ordinal);

        public ArchiveIndexParts(string root) => _folder = Path.Combine(Path.GetFullPath(root), JobCheckpoint.FolderName, FolderName);

        /// <summary>How many parts this run rendered (the others were kept ones).</summary>
        public int Rendered => _rendered.Count;

        /// <summary>The body of one part of the page (<see cref="DigestPage.BodyOf"/>): the kept one for this Markdown, else rendered now.</summary>
        public string BodyOf(string markdown)
        {
            string name = NameOf(markdown);
            if (_used.TryGetValue(name, out string known)) return known;
            string path = Path.Combine(_folder, name);
            string body = null;
            try { if (File.Exists(path)) body = File.ReadAllText(path, AtomicFile.Utf8NoBom); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            if (body == null)
            {
                body = DigestPage.BodyOf(markdown, out _);
                _rendered.Add(name);
            }
            _used[name] = body;
            return body;
        }

        /// <summary>
        /// Writes the parts rendered this run and removes kept parts this run did not use (index.html no longer has
        /// them); nothing when this run did not plan index.html. False when a part could not be written or removed.
        /// </summary>
        public bool Save()
        {
            if (_used.Count == 0) return true;
            bool saved = true;
            try
            {
                foreach (string name in _rendered) AtomicFile.WriteAllText(Path.Combine(_folder, name), _used[name]);
                foreach (string file in Directory.GetFiles(_folder, "*.html"))
                    if (!_used.ContainsKey(Path.GetFileName(file))) File.Delete(file);
            }
            catch (IOException) { saved = false; }
            catch (UnauthorizedAccessException) { saved = false; }
            _rendered.Clear();
            return saved;
        }

        // The part's file name: a hash of the Markdown with the version, so equal names mean equal rendered bodies.
        private static string NameOf(string markdown) => ContentHash.Sha256Hex(Version + "\n" + markdown) + ".html";
    }
}
