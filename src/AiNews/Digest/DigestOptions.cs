using System;

namespace AiNews.Digest
{
    /// <summary>How a digest is written and read.</summary>
    public sealed class DigestOptions
    {
        /// <summary>The zone whose calendar decides an article's day. Default: the local zone.</summary>
        public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;

        /// <summary>The day in the digest's title; default: the latest article's day.</summary>
        public DateTime? Date { get; set; }

        /// <summary>Body characters kept before "..."; 0 or less keeps the whole body.</summary>
        public int MaxContentLength { get; set; } = DigestFormat.Default.DefaultMaxContentLength;

        public DigestFormat Format { get; set; } = DigestFormat.Default;
    }
}
