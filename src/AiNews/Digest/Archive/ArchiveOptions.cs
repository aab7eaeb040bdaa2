using System;

namespace AiNews.Digest.Archive
{
    /// <summary>How an archive is laid out and merged.</summary>
    public sealed class ArchiveOptions
    {
        /// <summary>The archive's root folder (required).</summary>
        public string Root { get; set; }
        /// <summary>Where each day's file lives under the root.</summary>
        public ArchiveLayout Layout { get; set; } = new ArchiveLayout();
        /// <summary>Days before an article's day in which the same article or story counts as already published.</summary>
        public int LookbackDays { get; set; } = 7;
        /// <summary>How day files are written and read (time zone, body length, the words of the layout).</summary>
        public DigestOptions Digest { get; set; } = new DigestOptions();
        /// <summary>Also write a web page beside each day file that changes (or has none), and index.html at the root.</summary>
        public bool Html { get; set; }
        /// <summary>The day of this run in the digest's zone: where articles without a date go.</summary>
        public DateTime RunDay { get; set; } = DateTime.Today;
    }
}
