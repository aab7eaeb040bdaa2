using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AiNews.Articles;
using AiNews.Common;
using AiNews.Text;

namespace AiNews.Digest
{
    /// <summary>
    /// Collects articles and renders the daily digest in the reference Markdown layout: title, numbered
    /// table of contents between markers, then one section per article. All text from the web goes through
    /// <see cref="MarkdownEscaper"/>; anchors come from <see cref="HeadingSlugger"/> (GitHub's algorithm).
    /// </summary>
    public sealed class DigestWriter
    {
        private readonly DigestOptions _options;
        private readonly List<Article> _articles = new List<Article>();
        // The URL keys (CanonicalUrl.Key) of the articles in the digest: the key the archive and Merge-AiArticle use,
        // so that two tracking-parameter variants of one page are one article here too.
        private readonly HashSet<string> _urls = new HashSet<string>(StringComparer.Ordinal);

        public DigestWriter(DigestOptions options = null)
        {
            _options = options ?? new DigestOptions();
        }

        public int Count => _articles.Count;

        /// <summary>The articles' titles as their headings show them, and as <see cref="DigestReader"/> reads them back.</summary>
        public IEnumerable<string> Titles => _articles.Select(a => TextNormalizer.SingleLine(a.Title));

        /// <summary>Adds an article; false when an article with the same URL (<see cref="CanonicalUrl.Key"/>) is already in the digest.</summary>
        /// <exception cref="ArgumentException">The article cannot be written (see <see cref="Problem"/>).</exception>
        public bool Add(Article article)
        {
            string problem = Problem(article);
            if (problem != null) throw new ArgumentException(problem, nameof(article));
            if (!_urls.Add(CanonicalUrl.Key(article.Url))) return false;
            _articles.Add(article);
            return true;
        }

        /// <summary>Why an article cannot go into a digest, or null when it can.</summary>
        public static string Problem(Article article)
        {
            if (article == null) return "The article is null.";
            if (TextNormalizer.SingleLine(article.Title).Length == 0)
                return $"The article with URL '{article.Url}' has no title; give it a Title.";
            if (!IsWebUrl(article.Url))
                return $"The article '{TextNormalizer.SingleLine(article.Title)}' has URL '{article.Url}', which is not an absolute http or https URL; only web links are written to a digest.";
            return null;
        }

        public static bool IsWebUrl(string url) =>
            Uri.TryCreate(url?.Trim(), UriKind.Absolute, out Uri uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

        /// <summary>The day the digest is about: the option, else the latest article's day, else today.</summary>
        public DateTime Day
        {
            get
            {
                if (_options.Date.HasValue) return _options.Date.Value.Date;
                var days = _articles.Where(a => a.Published.HasValue).Select(DayOf).ToList();
                return days.Count > 0 ? days.Max() : TimeZoneResolver.DayOf(DateTimeOffset.Now, _options.TimeZone);
            }
        }

        public string Render()
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            Render(text);
            return text.ToString();
        }

        /// <summary>
        /// Writes what <see cref="Render()"/> returns to <paramref name="writer"/> one section at a time, so that a digest
        /// of tens of thousands of articles is never held whole in memory.
        /// </summary>
        public void Render(TextWriter writer)
        {
            DigestFormat f = _options.Format;
            DateTime day = Day;
            var sb = new StringBuilder();
            sb.Append("# ").Append(f.Title(day)).Append("\n\n");
            sb.Append("## ").Append(f.TocHeading).Append("\n\n");
            sb.Append(f.TocStart).Append('\n');
            sb.Append(TocLines(day, _articles.Select(a => a.Title)));
            sb.Append(f.TocEnd).Append("\n\n---\n\n");
            for (int i = 0; i < _articles.Count; i++)
            {
                writer.Write(sb.ToString());
                sb.Clear();
                AppendSection(sb, _articles[i], day);
            }
            // Sections end with a blank line; the file ends with a single newline after the last "---".
            sb.Length -= 1;
            writer.Write(sb.ToString());
        }

        /// <summary>
        /// Adds this writer's articles to an existing digest: its entries stay byte for byte, the new
        /// sections go after them, and the table of contents between the markers is rebuilt for all.
        /// </summary>
        /// <exception cref="InvalidDataException">The existing text has no table-of-contents markers.</exception>
        public string AppendTo(string existingText, DigestDocument existing)
        {
            DigestFormat f = _options.Format;
            if (existing.TocStart < 0 || existing.TocEnd < existing.TocStart)
                throw new InvalidDataException($"The digest has no {f.TocStart} … {f.TocEnd} markers, so its table of contents cannot be rebuilt.");
            DateTime day = existing.Day ?? Day;
            var titles = existing.Articles.Select(a => a.Title).Concat(_articles.Select(a => a.Title));
            var sb = new StringBuilder(existingText.Length + 4096);
            sb.Append(existingText, 0, existing.TocStart);
            sb.Append(TocLines(day, titles));
            sb.Append(existingText, existing.TocEnd, existingText.Length - existing.TocEnd);
            if (sb.Length > 0 && sb[sb.Length - 1] != '\n') sb.Append('\n');
            sb.Append('\n');
            foreach (Article a in _articles) AppendSection(sb, a, day);
            sb.Length -= 1;
            return sb.ToString();
        }

        /// <summary>The numbered table-of-contents lines, anchors made unique in document order.</summary>
        private string TocLines(DateTime day, IEnumerable<string> titles)
        {
            DigestFormat f = _options.Format;
            var slugger = new HeadingSlugger();
            slugger.Slug(f.Title(day));
            slugger.Slug(f.TocHeading);
            var sb = new StringBuilder();
            int number = 0;
            foreach (string title in titles)
            {
                string heading = TextNormalizer.SingleLine(title);
                string tocText = heading.Length > f.TocTitleLength ? heading.Substring(0, f.TocTitleLength) + f.Ellipsis : heading;
                sb.Append((++number).ToString(CultureInfo.InvariantCulture)).Append(". [")
                  .Append(MarkdownEscaper.EscapeInline(tocText)).Append("](#").Append(slugger.Slug(heading)).Append(")\n");
            }
            return sb.ToString();
        }

        private void AppendSection(StringBuilder sb, Article a, DateTime digestDay)
        {
            DigestFormat f = _options.Format;
            DateTime day = a.Published.HasValue ? DayOf(a) : digestDay;
            string organization = string.IsNullOrWhiteSpace(a.Organization) ? f.NoOrganization : a.Organization;

            sb.Append("### ").Append(MarkdownEscaper.EscapeHeading(a.Title)).Append("\n\n");
            sb.Append("> ").Append(f.DateMark).Append(" **").Append(day.ToString(f.DayFormat, CultureInfo.InvariantCulture))
              .Append("** | **").Append(f.ImportanceMark(a.Importance)).Append("** | ")
              .Append(MarkdownEscaper.EscapeInline(organization, "|")).Append(" | ")
              .Append(MarkdownEscaper.EscapeInline(a.Source, "|")).Append('\n');
            var tags = (a.Tags ?? Array.Empty<string>()).Select(t => MarkdownEscaper.EscapeInline(t, "|,")).Where(t => t.Length > 0).ToList();
            if (tags.Count > 0) sb.Append("> ").Append(f.TagsMark).Append(' ').Append(string.Join(", ", tags)).Append('\n');
            sb.Append('\n');

            string summary = MarkdownEscaper.EscapeBlock(a.Summary, keepParagraphs: false);
            if (summary.Length > 0) sb.Append("**").Append(f.SummaryLabel).Append("**\n").Append(summary).Append("\n\n");

            string body = MarkdownEscaper.EscapeBlock(Truncate(TextNormalizer.Block(a.Content), a.Policy?.MaxExcerptLength));
            if (body.Length > 0)
            {
                sb.Append(f.DetailsOpen).Append('\n').Append(f.DetailsSummary).Append("\n\n")
                  .Append(body).Append("\n\n").Append(f.DetailsClose).Append("\n\n");
            }

            sb.Append(f.LinkMark).Append(" [").Append(f.LinkText).Append("](").Append(MarkdownEscaper.EscapeLinkDestination(a.Url.Trim())).Append(')');
            // A merged story links every other outlet that carried it, by name.
            string main = CanonicalUrl.Key(a.Url);
            foreach (ArticleSource other in (a.Sources ?? Array.Empty<ArticleSource>()).Where(s => IsWebUrl(s.Url) && CanonicalUrl.Key(s.Url) != main))
                sb.Append(" · [").Append(MarkdownEscaper.EscapeInline(string.IsNullOrWhiteSpace(other.Name) ? new Uri(other.Url).Host : other.Name))
                  .Append("](").Append(MarkdownEscaper.EscapeLinkDestination(other.Url.Trim())).Append(')');
            sb.Append("\n\n");
            string data = SourceData(a);
            if (data != null) sb.Append(data).Append("\n\n");
            sb.Append("---\n\n");
        }

        /// <summary>The source-data comment of <see cref="DigestFormat.SourceDataStart"/>; null when the article knows neither id nor policy.</summary>
        private string SourceData(Article a)
        {
            if (string.IsNullOrWhiteSpace(a.SourceId) && a.Policy == null) return null;
            var sb = new StringBuilder(_options.Format.SourceDataStart);
            // Escaped so that no value can end the comment or split a field.
            if (!string.IsNullOrWhiteSpace(a.SourceId)) sb.Append(" id=").Append(Uri.EscapeDataString(a.SourceId.Trim()));
            if (a.Policy != null)
            {
                sb.Append(" ai=").Append(a.Policy.AllowAiProcessing ? "yes" : "no");
                if (a.Policy.MaxExcerptLength.HasValue) sb.Append(" excerpt=").Append(a.Policy.MaxExcerptLength.Value.ToString(CultureInfo.InvariantCulture));
            }
            return sb.Append(' ').Append(_options.Format.SourceDataEnd).ToString();
        }

        /// <summary>
        /// Cuts the body after MaxContentLength characters (or the source's shorter excerpt limit) and marks
        /// the cut with "...". A body that was already cut that way (read back from a digest) is left alone,
        /// so export is idempotent.
        /// </summary>
        private string Truncate(string content, int? sourceLimit)
        {
            int max = _options.MaxContentLength;
            if (sourceLimit.HasValue && sourceLimit.Value > 0 && (max <= 0 || sourceLimit.Value < max)) max = sourceLimit.Value;
            string ellipsis = _options.Format.Ellipsis;
            if (max <= 0 || content.Length <= max) return content;
            if (content.EndsWith(ellipsis, StringComparison.Ordinal) && content.Length <= max + ellipsis.Length) return content;
            int cut = max;
            if (char.IsHighSurrogate(content[cut - 1])) cut--;
            return content.Substring(0, cut).TrimEnd() + ellipsis;
        }

        private DateTime DayOf(Article a) => TimeZoneResolver.DayOf(a.Published.Value, _options.TimeZone);
    }
}
