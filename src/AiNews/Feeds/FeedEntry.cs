using System;
using System.Collections.Generic;

namespace AiNews.Feeds
{
    /// <summary>One item (RSS) or entry (Atom).</summary>
    public sealed class FeedEntry
    {
        /// <summary>Plain text, one line: markup stripped, entities decoded.</summary>
        public string Title { get; set; }

        /// <summary>The entry's page, absolute (xml:base and the feed's address applied); null when there is none.</summary>
        public string Link { get; set; }

        /// <summary>guid (RSS), id (Atom) or rdf:about (RSS 1.0), as written.</summary>
        public string Id { get; set; }

        public DateTimeOffset? Published { get; set; }

        public DateTimeOffset? Updated { get; set; }

        /// <summary>Author name(s) as the feed gives them (author, dc:creator, atom:author/name).</summary>
        public string Author { get; set; }

        /// <summary>Plain text of the description/summary; paragraphs separated by blank lines.</summary>
        public string Summary { get; set; }

        /// <summary>Plain text of the full content (content:encoded, atom:content); paragraphs separated by blank lines.</summary>
        public string Content { get; set; }

        /// <summary>The full content as HTML (text content escaped), or null.</summary>
        public string ContentHtml { get; set; }

        /// <summary>The summary as HTML (text summaries escaped), or null.</summary>
        public string SummaryHtml { get; set; }

        public List<string> Categories { get; } = new List<string>();

        /// <summary>The first enclosure (RSS enclosure, Atom link rel="enclosure", media:content), or null.</summary>
        public FeedEnclosure Enclosure { get; set; }

        /// <summary>An image for the entry (media:thumbnail, an image enclosure or media:content), absolute, or null.</summary>
        public string ImageUrl { get; set; }

        /// <summary>The xml:lang in effect for the entry, or null.</summary>
        public string Language { get; set; }

        public override string ToString() => Title ?? Link ?? Id ?? "(untitled)";
    }
}
