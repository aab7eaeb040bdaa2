using System;
using System.Collections.Generic;

namespace AiNews.Feeds
{
    /// <summary>A feed as <see cref="FeedReader"/> read it: what the channel says about itself, its entries, and what went wrong.</summary>
    public sealed class Feed
    {
        /// <summary>"rss" (0.9x/2.0), "rdf" (RSS 1.0/0.90), "atom" (1.0), "atom03", or null when the document is not a feed.</summary>
        public string Format { get; set; }

        /// <summary>Plain text, one line.</summary>
        public string Title { get; set; }

        /// <summary>The site's address (absolute when it could be resolved).</summary>
        public string Link { get; set; }

        /// <summary>As the feed declares it (language element, dc:language or xml:lang), e.g. "ko-KR".</summary>
        public string Language { get; set; }

        /// <summary>The channel's own date (lastBuildDate, pubDate, updated), if any.</summary>
        public DateTimeOffset? Updated { get; set; }

        public List<FeedEntry> Entries { get; } = new List<FeedEntry>();

        /// <summary>Readable notes on what was wrong or repaired (encoding, truncation, unparseable dates...). Never fatal.</summary>
        public List<string> Problems { get; } = new List<string>();

        /// <summary>The name of the encoding the bytes were read with (null when text was given).</summary>
        public string Encoding { get; set; }
    }
}
