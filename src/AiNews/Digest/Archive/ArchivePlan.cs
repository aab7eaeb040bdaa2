using System;
using System.Collections.Generic;

namespace AiNews.Digest.Archive
{
    /// <summary>What a merge would do: files to write, and what was left out and why.</summary>
    public sealed class ArchivePlan
    {
        /// <summary>The files to write: day files first (oldest first), then indexes and pages.</summary>
        public List<ArchiveChange> Changes { get; } = new List<ArchiveChange>();
        /// <summary>Articles not added, each with the reason (already in the archive, and where).</summary>
        public List<KeyValuePair<Article, string>> Skipped { get; } = new List<KeyValuePair<Article, string>>();
        /// <summary>Things worth telling the user (articles without a date, files that could not be read).</summary>
        public List<string> Notes { get; } = new List<string>();
        /// <summary>Day files that exist but are not sound digests; they are left alone and get no articles.</summary>
        public List<string> Unreadable { get; } = new List<string>();

        /// <summary>Why each file of <see cref="Unreadable"/> was refused, by path.</summary>
        public Dictionary<string, string> UnreadableReasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
