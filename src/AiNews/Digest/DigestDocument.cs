using System;
using System.Collections.Generic;

namespace AiNews.Digest
{
    /// <summary>What was read from one digest.</summary>
    public sealed class DigestDocument
    {
        /// <summary>The day in the digest's title, when it has one.</summary>
        public DateTime? Day { get; internal set; }
        public List<Article> Articles { get; } = new List<Article>();

        /// <summary>True for an archive folder's README.md (its index of day files): it holds no articles and none are read from it.</summary>
        public bool IsFolderIndex { get; internal set; }

        /// <summary>Where the table-of-contents lines start (after the start marker's line) and end (the end marker); -1 when absent.</summary>
        public int TocStart { get; internal set; } = -1;
        public int TocEnd { get; internal set; } = -1;

        /// <summary>Things that were not as the format says, e.g. a date that does not parse.</summary>
        public List<string> Problems { get; } = new List<string>();

        /// <summary>
        /// What makes the text no faithful digest: a section without its link line, a body cut off before its closing
        /// &lt;/details&gt;, a table of contents that lists other articles than the sections hold (headings of another
        /// level). Articles that were read despite them are in <see cref="Articles"/>; a section without a link is not.
        /// Text with defects must not be appended to: what it holds cannot be told for sure.
        /// </summary>
        public List<string> Defects { get; } = new List<string>();

        /// <summary>Table-of-contents entries ("N. [title](#anchor)") between the markers.</summary>
        public int TocEntries { get; internal set; }

        /// <summary>Article sections (level-3 headings), with or without a link.</summary>
        public int Sections { get; internal set; }
    }
}
