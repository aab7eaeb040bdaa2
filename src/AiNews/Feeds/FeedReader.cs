using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AiNews.Common;
using AiNews.Text;

namespace AiNews.Feeds
{
    /// <summary>
    /// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 as real sites serve them: undeclared HTML entities, bare
    /// ampersands, markup in titles, junk before the XML declaration, control characters, wrong or missing charsets,
    /// double-encoded UTF-8 and truncated documents are all read as well as they can be, with a note in
    /// <see cref="Feed.Problems"/>. It never throws for bad input and never reads a DTD.
    /// </summary>
    public static class FeedReader
    {
        private const string Atom10 = "http://www.w3.org/2005/Atom";
        private const string Atom03 = "http://purl.org/atom/ns#";
        private const string Rss10 = "http://purl.org/rss/1.0/";
        private const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
        private const string Rss20Userland = "http://backend.userland.com/rss2";
        private const string Rss20Blogs = "http://blogs.law.harvard.edu/tech/rss";
        private const string Dc = "http://purl.org/dc/elements/1.1/";
        private const string DcTerms = "http://purl.org/dc/terms/";
        private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
        private const string Xhtml = "http://www.w3.org/1999/xhtml";
        private const string Media = "http://search.yahoo.com/mrss/";

        /// <summary>
        /// Reads a feed from the bytes a server sent. <paramref name="feedUri"/> (the feed's address) makes relative links
        /// absolute; <paramref name="contentType"/> is the HTTP Content-Type header, whose charset is one piece of evidence;
        /// <paramref name="sourceZone"/> is the zone in which dates without a zone are read (UTC when null).
        /// </summary>
        public static Feed Read(byte[] bytes, Uri feedUri = null, string contentType = null, TimeZoneInfo sourceZone = null)
        {
            DecodedText decoded = TextDecoder.Decode(bytes ?? new byte[0], contentType);
            var feed = new Feed { Encoding = decoded.Encoding.WebName };
            feed.Problems.AddRange(decoded.Problems);
            Fill(feed, decoded.Text, feedUri, sourceZone);
            return feed;
        }

        /// <summary>Reads a feed from text already decoded; see <see cref="Read(byte[], Uri, string, TimeZoneInfo)"/>.</summary>
        public static Feed Read(string text, Uri feedUri = null, TimeZoneInfo sourceZone = null)
        {
            var feed = new Feed();
            Fill(feed, text ?? string.Empty, feedUri, sourceZone);
            return feed;
        }

        private static void Fill(Feed feed, string text, Uri feedUri, TimeZoneInfo zone)
        {
            zone = zone ?? TimeZoneInfo.Utc;
            if (feedUri != null && !feedUri.IsAbsoluteUri) feedUri = null;
            XmlNodeLite document = LenientXml.Parse(text, feedUri, feed.Problems);
            XmlNodeLite root = FindRoot(document);
            if (root == null)
            {
                feed.Problems.Add(text.Trim().Length == 0 ? "The document is empty." : "The document is not an RSS, RDF or Atom feed.");
                return;
            }
            var context = new Context(feed, zone);
            if (root.LocalName == "feed") ReadAtom(root, context);
            else ReadRss(root, context);
        }

        private sealed class Context
        {
            public Context(Feed feed, TimeZoneInfo zone) { Feed = feed; Zone = zone; }
            public Feed Feed { get; }
            public TimeZoneInfo Zone { get; }
            public int Dropped { get; set; }
        }

        private static XmlNodeLite FindRoot(XmlNodeLite document)
        {
            var queue = new Queue<XmlNodeLite>(document.Elements());
            while (queue.Count > 0)
            {
                XmlNodeLite e = queue.Dequeue();
                switch (e.LocalName)
                {
                    case "rss": case "RDF": case "channel": return e;
                    case "feed": return e;
                }
                foreach (XmlNodeLite child in e.Elements()) queue.Enqueue(child);
            }
            return null;
        }

        // ---- RSS 0.9x / 2.0 / 1.0 -----------------------------------------------------------------------------------

        private static bool IsRss(XmlNodeLite e) =>
            e.Namespace == null || e.Namespace.Length == 0 || e.Namespace == Rss10 || e.Namespace == Rss090 || e.Namespace == Rss20Userland || e.Namespace == Rss20Blogs;

        private static bool IsAtom(XmlNodeLite e) => e.Namespace == Atom10 || e.Namespace == Atom03;

        private static void ReadRss(XmlNodeLite root, Context context)
        {
            Feed feed = context.Feed;
            feed.Format = root.LocalName == "RDF" ? "rdf" : "rss";
            XmlNodeLite channel = root.LocalName == "channel" ? root : First(root, "channel", IsRss) ?? root;

            feed.Title = RssTitle(First(channel, "title", IsRss) ?? First(channel, "title", Is(Dc)));
            XmlNodeLite link = FirstWithText(channel, "link", IsRss);
            feed.Link = link != null ? Absolute(link, link.Text) : AtomLink(channel, "alternate");
            feed.Language = Language(Trimmed(First(channel, "language", IsRss)) ?? Trimmed(First(channel, "language", Is(Dc))) ?? channel.Language);
            feed.Updated = Date(context, FirstWithText(channel, "lastBuildDate", IsRss) ?? FirstWithText(channel, "pubDate", IsRss)
                ?? FirstWithText(channel, "date", Is(Dc)) ?? FirstWithText(channel, "modified", Is(DcTerms))
                ?? FirstWithText(channel, "updated", IsAtom), "the channel");

            var items = new List<XmlNodeLite>();
            items.AddRange(All(channel, "item", IsRss));
            if (channel != root) items.AddRange(All(root, "item", IsRss));
            foreach (XmlNodeLite item in items)
            {
                if (!item.Closed) { context.Dropped++; continue; }
                feed.Entries.Add(RssEntry(item, context, feed.Entries.Count + 1));
            }
            ReportDropped(context);
        }

        private static FeedEntry RssEntry(XmlNodeLite item, Context context, int number)
        {
            var entry = new FeedEntry { Language = item.Language };
            string where = "entry " + number.ToString(CultureInfo.InvariantCulture);
            entry.Title = RssTitle(First(item, "title", IsRss) ?? First(item, "title", Is(Dc)));

            XmlNodeLite guid = FirstWithText(item, "guid", IsRss);
            entry.Id = Trimmed(guid) ?? Trimmed(First(item, "id", IsAtom)) ?? NullIfEmpty(item.Attribute("rdf:about"));

            XmlNodeLite link = FirstWithText(item, "link", IsRss);
            if (link != null) entry.Link = Absolute(link, link.Text);
            else if (guid != null && !string.Equals(guid.Attribute("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase)
                     && LooksLikeUrl(guid.Text))
                entry.Link = Absolute(guid, guid.Text);
            else entry.Link = AtomLink(item, "alternate");

            entry.Published = Date(context, FirstWithText(item, "pubDate", IsRss) ?? FirstWithText(item, "date", Is(Dc))
                ?? FirstWithText(item, "issued", Is(DcTerms)) ?? FirstWithText(item, "created", Is(DcTerms))
                ?? FirstWithText(item, "published", IsAtom), where);
            entry.Updated = Date(context, FirstWithText(item, "modified", Is(DcTerms)) ?? FirstWithText(item, "updated", IsAtom)
                ?? FirstWithText(item, "date", Is(Dc)), where);

            string author = Trimmed(First(item, "author", e => IsRss(e) && !e.HasElements));
            if (author == null)
            {
                var creators = All(item, "creator", Is(Dc)).Concat(All(item, "author", Is(Dc))).Select(Trimmed).Where(s => s != null).ToList();
                if (creators.Count > 0) author = string.Join(", ", creators);
            }
            entry.Author = author ?? AtomAuthors(item);

            XmlNodeLite description = First(item, "description", IsRss) ?? First(item, "description", Is(Dc)) ?? First(item, "summary", IsAtom);
            if (description != null)
            {
                entry.SummaryHtml = Repair(MarkupOf(description));
                entry.Summary = HtmlText.ToPlainText(entry.SummaryHtml);
                entry.SummaryHtml = HtmlText.ResolveUrls(entry.SummaryHtml, description.Base);
            }
            // Full content: content:encoded, an XHTML body, the old "fullitem" element, atom:content.
            XmlNodeLite encoded = First(item, "encoded", Is(ContentNs)) ?? First(item, "fullitem", _ => true);
            XmlNodeLite body = First(item, "body", e => e.Namespace == Xhtml || IsRss(e));
            XmlNodeLite contentNode = encoded ?? body ?? First(item, "content", IsAtom);
            if (encoded != null) entry.ContentHtml = Repair(MarkupOf(encoded));
            else if (body != null) entry.ContentHtml = Repair(body.InnerHtml());
            else if (contentNode != null) entry.ContentHtml = TextConstruct(contentNode).Html;
            if (entry.ContentHtml != null)
            {
                entry.Content = HtmlText.ToPlainText(entry.ContentHtml);
                entry.ContentHtml = HtmlText.ResolveUrls(entry.ContentHtml, contentNode.Base);
            }

            foreach (XmlNodeLite c in All(item, "category", IsRss).Concat(All(item, "subject", Is(Dc))))
                AddCategory(entry, c.Text);
            foreach (XmlNodeLite c in All(item, "category", IsAtom)) AddCategory(entry, c.Attribute("term") ?? c.Attribute("label"));

            XmlNodeLite enclosure = First(item, "enclosure", IsRss);
            if (enclosure != null && Absolute(enclosure, enclosure.Attribute("url")) != null)
                entry.Enclosure = new FeedEnclosure { Url = Absolute(enclosure, enclosure.Attribute("url")), Type = NullIfEmpty(enclosure.Attribute("type")), Length = Long(enclosure.Attribute("length")) };
            AddMedia(item, entry);
            return entry;
        }

        private static string RssTitle(XmlNodeLite title)
        {
            if (title == null) return null;
            return HtmlText.ToSingleLine(Repair(MarkupOf(title)));
        }

        /// <summary>The HTML of an RSS element: its text (escaped HTML, the usual case) or its inline markup.</summary>
        private static string MarkupOf(XmlNodeLite e) => e.HasElements ? e.InnerHtml() : e.Text;

        // ---- Atom 1.0 / 0.3 -----------------------------------------------------------------------------------------

        private static void ReadAtom(XmlNodeLite root, Context context)
        {
            Feed feed = context.Feed;
            feed.Format = root.Namespace == Atom03 || root.Attribute("version") == "0.3" ? "atom03" : "atom";
            // A feed element in an unknown namespace (an Atom draft or a typo) is still read as Atom.
            string rootNs = root.Namespace;
            Func<XmlNodeLite, bool> atom = e => IsAtom(e) || e.Namespace == null || e.Namespace.Length == 0 || e.Namespace == rootNs;
            XmlNodeLite title = First(root, "title", atom);
            if (title != null) feed.Title = TextNormalizer.SingleLine(TextConstruct(title).Text);
            feed.Link = AtomLink(root, "alternate");
            feed.Language = Language(root.Language ?? Trimmed(First(root, "language", Is(Dc))));
            feed.Updated = Date(context, FirstWithText(root, "updated", atom) ?? FirstWithText(root, "modified", atom), "the feed");
            string feedAuthor = AtomAuthors(root);

            foreach (XmlNodeLite e in All(root, "entry", atom))
            {
                if (!e.Closed) { context.Dropped++; continue; }
                int number = feed.Entries.Count + 1;
                string where = "entry " + number.ToString(CultureInfo.InvariantCulture);
                var entry = new FeedEntry { Language = e.Language };
                XmlNodeLite t = First(e, "title", atom);
                if (t != null) entry.Title = TextNormalizer.SingleLine(TextConstruct(t).Text);
                entry.Link = AtomLink(e, "alternate");
                // An Atom id is an IRI; a relative one is relative to the entry's base.
                XmlNodeLite id = First(e, "id", atom);
                entry.Id = Trimmed(id) is string idText && idText.StartsWith("/", StringComparison.Ordinal) && !idText.StartsWith("//", StringComparison.Ordinal)
                    ? Absolute(id, idText) : Trimmed(id);
                entry.Published = Date(context, FirstWithText(e, "published", atom) ?? FirstWithText(e, "issued", atom)
                    ?? FirstWithText(e, "created", atom) ?? FirstWithText(e, "date", Is(Dc)), where);
                entry.Updated = Date(context, FirstWithText(e, "updated", atom) ?? FirstWithText(e, "modified", atom), where);
                entry.Author = AtomAuthors(e) ?? Trimmed(First(e, "creator", Is(Dc)));
                if (entry.Author == null && First(e, "source", atom) is XmlNodeLite source) entry.Author = AtomAuthors(source);
                entry.Author = entry.Author ?? feedAuthor;

                XmlNodeLite summary = First(e, "summary", atom);
                if (summary != null)
                {
                    var s = TextConstruct(summary);
                    entry.SummaryHtml = HtmlText.ResolveUrls(s.Html, summary.Base);
                    entry.Summary = s.Text;
                }
                XmlNodeLite content = First(e, "content", atom);
                if (content != null && content.Attribute("src") == null)
                {
                    var c = TextConstruct(content);
                    entry.ContentHtml = HtmlText.ResolveUrls(c.Html, content.Base);
                    entry.Content = c.Text;
                }
                foreach (XmlNodeLite c in All(e, "category", atom)) AddCategory(entry, c.Attribute("term") ?? c.Attribute("label"));
                foreach (XmlNodeLite c in All(e, "subject", Is(Dc))) AddCategory(entry, c.Text);

                XmlNodeLite enclosure = All(e, "link", atom).FirstOrDefault(l => string.Equals(l.Attribute("rel")?.Trim(), "enclosure", StringComparison.OrdinalIgnoreCase));
                if (enclosure != null && enclosure.Attribute("href") is string href && Absolute(enclosure, href) != null)
                    entry.Enclosure = new FeedEnclosure { Url = Absolute(enclosure, href), Type = NullIfEmpty(enclosure.Attribute("type")), Length = Long(enclosure.Attribute("length")) };
                AddMedia(e, entry);
                feed.Entries.Add(entry);
            }
            ReportDropped(context);
        }

        private struct Construct
        {
            public string Html;
            public string Text;
        }

        /// <summary>An Atom text construct (type text, html or xhtml; Atom 0.3 MIME types and mode) as HTML and plain text.</summary>
        private static Construct TextConstruct(XmlNodeLite e)
        {
            string type = (e.Attribute("type") ?? string.Empty).Trim().ToLowerInvariant();
            if (type.Length == 0) type = "text";
            string mode = (e.Attribute("mode") ?? string.Empty).Trim().ToLowerInvariant();
            string raw;
            if (mode == "base64")
            {
                try { raw = Encoding.UTF8.GetString(Convert.FromBase64String(e.Text.Trim())); }
                catch (FormatException) { raw = e.Text; }
            }
            else raw = null;

            bool xhtml = type == "xhtml" || type == "application/xhtml+xml";
            bool html = type == "html" || type == "text/html" || mode == "escaped";
            // Atom 1.0: a MIME type that is neither text nor XML means base64 content.
            bool textual = type == "text" || type == "html" || xhtml || type.StartsWith("text/", StringComparison.Ordinal)
                || type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal);
            if (raw == null && !textual && !e.HasElements)
            {
                try { raw = Encoding.UTF8.GetString(Convert.FromBase64String(e.Text.Trim())); }
                catch (FormatException) { }
            }
            string markup;
            if (raw == null && (xhtml || e.HasElements))
            {
                XmlNodeLite div = e.Elements().FirstOrDefault(c => c.LocalName == "div");
                markup = div != null && e.Elements().Count() == 1 && string.IsNullOrWhiteSpace(string.Concat(e.Children.OfType<string>()))
                    ? div.InnerHtml() : e.InnerHtml();
                markup = Repair(markup);
                return new Construct { Html = markup, Text = HtmlText.ToPlainText(markup) };
            }
            string value = Repair(raw ?? e.Text);
            if (html || xhtml)
                return new Construct { Html = value, Text = HtmlText.ToPlainText(value) };
            // Plain text: keep its paragraphs; HTML is the escaped text.
            string text = TextNormalizer.Block(value);
            return new Construct { Html = HtmlText.Escape(text), Text = text };
        }

        private static string AtomAuthors(XmlNodeLite parent)
        {
            var names = new List<string>();
            foreach (XmlNodeLite author in All(parent, "author", e => IsAtom(e) || ((e.Namespace == null || e.Namespace.Length == 0) && e.HasElements)))
            {
                string name = Trimmed(First(author, "name", _ => true)) ?? Trimmed(First(author, "email", _ => true));
                if (name != null) names.Add(TextNormalizer.SingleLine(name));
            }
            return names.Count > 0 ? string.Join(", ", names) : null;
        }

        /// <summary>The href of the first atom:link with the relation (no rel means "alternate"), absolute.</summary>
        private static string AtomLink(XmlNodeLite parent, string rel)
        {
            XmlNodeLite best = null;
            foreach (XmlNodeLite link in All(parent, "link", e => IsAtom(e) || e.Namespace == null || e.Namespace.Length == 0))
            {
                string href = link.Attribute("href");
                if (string.IsNullOrWhiteSpace(href)) continue;
                string r = (link.Attribute("rel") ?? "alternate").Trim();
                if (!string.Equals(r, rel, StringComparison.OrdinalIgnoreCase) && r != "http://www.iana.org/assignments/relation/" + rel) continue;
                string type = link.Attribute("type");
                if (best == null) best = link;
                // Prefer the HTML page when there are several alternates.
                if (type != null && type.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0 &&
                    (best.Attribute("type") ?? string.Empty).IndexOf("html", StringComparison.OrdinalIgnoreCase) < 0) best = link;
            }
            return best == null ? null : Absolute(best, best.Attribute("href"));
        }

        // ---- shared -------------------------------------------------------------------------------------------------

        private static void AddMedia(XmlNodeLite item, FeedEntry entry)
        {
            var media = new List<XmlNodeLite>();
            foreach (XmlNodeLite e in item.Elements())
            {
                if (e.Namespace != Media) continue;
                if (e.LocalName == "group") media.AddRange(e.Elements().Where(c => c.Namespace == Media));
                else media.Add(e);
            }
            XmlNodeLite thumbnail = media.FirstOrDefault(e => e.LocalName == "thumbnail" && Absolute(e, e.Attribute("url")) != null);
            XmlNodeLite content = media.FirstOrDefault(e => e.LocalName == "content" && Absolute(e, e.Attribute("url")) != null);
            if (entry.Enclosure == null && content != null)
                entry.Enclosure = new FeedEnclosure { Url = Absolute(content, content.Attribute("url")), Type = NullIfEmpty(content.Attribute("type")), Length = Long(content.Attribute("fileSize")) };
            if (thumbnail != null) entry.ImageUrl = Absolute(thumbnail, thumbnail.Attribute("url"));
            else if (entry.Enclosure?.Type != null && entry.Enclosure.Type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)) entry.ImageUrl = entry.Enclosure.Url;
            else if (content != null && (content.Attribute("medium") == "image" || (content.Attribute("type") ?? string.Empty).StartsWith("image/", StringComparison.OrdinalIgnoreCase)))
                entry.ImageUrl = Absolute(content, content.Attribute("url"));
        }

        private static void AddCategory(FeedEntry entry, string text)
        {
            string value = text == null ? null : TextNormalizer.SingleLine(text);
            if (string.IsNullOrEmpty(value)) return;
            if (!entry.Categories.Contains(value, StringComparer.OrdinalIgnoreCase)) entry.Categories.Add(value);
        }

        private static DateTimeOffset? Date(Context context, XmlNodeLite e, string where)
        {
            string text = Trimmed(e);
            if (text == null) return null;
            if (DateParser.TryParse(text, context.Zone, out DateTimeOffset value, out string outOfRange)) return value;
            context.Feed.Problems.Add(outOfRange != null
                ? $"The date '{text}' in <{e.QualifiedName}> of {where} is treated as missing: {outOfRange}."
                : $"Unparseable date '{text}' in <{e.QualifiedName}> of {where}.");
            return null;
        }

        private static void ReportDropped(Context context)
        {
            if (context.Dropped > 0)
                context.Feed.Problems.Add($"Dropped {context.Dropped} incomplete entr{(context.Dropped == 1 ? "y" : "ies")} at the end of a truncated document.");
        }

        /// <summary>A link made absolute against the element's xml:base and the feed's address; as written when it cannot be.</summary>
        private static string Absolute(XmlNodeLite e, string reference)
        {
            if (reference == null) return null;
            string trimmed = reference.Trim();
            if (trimmed.Length == 0) return null;
            // An absolute link stays as written (Uri would lower-case the host and re-escape the path), but only
            // web links are links: "javascript:" or "data:" in a feed must not reach a digest page.
            if (Uri.TryCreate(trimmed, UriKind.Absolute, out Uri written) && !written.IsFile) return IsWeb(written) ? trimmed : null;
            Uri uri = LenientXml.ResolveUri(e.Base, trimmed);
            if (uri == null) return trimmed;
            return IsWeb(uri) ? uri.AbsoluteUri : null;
        }

        private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

        private static string Language(string tag) => string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().Replace('_', '-');

        private static bool LooksLikeUrl(string text)
        {
            string t = text?.Trim() ?? string.Empty;
            return t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        }

        private static string Repair(string text) => TextDecoder.RepairMojibake(text);

        private static Func<XmlNodeLite, bool> Is(string ns) => e => e.Namespace == ns;

        private static XmlNodeLite First(XmlNodeLite parent, string localName, Func<XmlNodeLite, bool> ns)
        {
            foreach (XmlNodeLite e in parent.Elements()) if (e.LocalName == localName && ns(e)) return e;
            return null;
        }

        private static XmlNodeLite FirstWithText(XmlNodeLite parent, string localName, Func<XmlNodeLite, bool> ns)
        {
            foreach (XmlNodeLite e in parent.Elements())
                if (e.LocalName == localName && ns(e) && !string.IsNullOrWhiteSpace(e.Text)) return e;
            return null;
        }

        private static IEnumerable<XmlNodeLite> All(XmlNodeLite parent, string localName, Func<XmlNodeLite, bool> ns) =>
            parent.Elements().Where(e => e.LocalName == localName && ns(e));

        private static string Trimmed(XmlNodeLite e)
        {
            if (e == null) return null;
            string t = e.Text.Trim();
            return t.Length == 0 ? null : t;
        }

        private static string NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        private static long? Long(string s) =>
            long.TryParse(s?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) && v >= 0 ? v : (long?)null;
    }
}
