using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using AiNews.Common;
using AiNews.Text;

namespace AiNews.Digest
{
    /// <summary>
    /// Reads a digest back into articles by walking Markdig's syntax tree: a level-3 heading opens an
    /// article, the quote under it holds date, importance, organization, source and tags, the paragraph
    /// under the bold summary label holds the summary, the blocks between &lt;details&gt; and
    /// &lt;/details&gt; are the body (taken as source text, whatever Markdown they happen to contain), and
    /// the link paragraph holds the URL. Text is unescaped with <see cref="MarkdownEscaper.Unescape"/>.
    /// </summary>
    public sealed class DigestReader
    {
        private readonly DigestOptions _options;

        public DigestReader(DigestOptions options = null)
        {
            _options = options ?? new DigestOptions();
        }

        public DigestDocument Read(string markdown)
        {
            string text = Normalize(markdown);
            MarkdownDocument tree = Markdown.Parse(text, MarkdownPipelines.Github);
            DigestFormat f = _options.Format;
            var document = new DigestDocument();

            Article current = null;
            bool currentReported = false; // a defect of the current section was already reported
            int bodyStart = -1;           // >= 0 while inside <details>…</details>
            foreach (Block block in tree)
            {
                if (bodyStart >= 0)
                {
                    if (block is HtmlBlock close && SourceOf(text, close).StartsWith(f.DetailsClose, StringComparison.Ordinal))
                    {
                        string raw = text.Substring(bodyStart, close.Span.Start - bodyStart);
                        current.Content = TextNormalizer.Block(MarkdownEscaper.Unescape(raw));
                        bodyStart = -1;
                    }
                    continue;
                }

                switch (block)
                {
                    case HeadingBlock heading when heading.Level == 3:
                        Finish(current, document, currentReported);
                        current = new Article { Title = TextNormalizer.SingleLine(MarkdownEscaper.Unescape(HeadingText(text, heading))) };
                        currentReported = false;
                        document.Sections++;
                        break;
                    case HeadingBlock heading when heading.Level == 1 && current == null:
                        string title = MarkdownEscaper.Unescape(HeadingText(text, heading));
                        if (f.TryParseTitle(title, out DateTime day)) document.Day = day;
                        else if (f.IsFolderIndexTitle(title))
                        {
                            // A folder's README.md lists day files under "### 📅 1월 20일 (2건)" with a link to each: read as
                            // a digest it would give one phantom article per day, so it gives none.
                            document.IsFolderIndex = true;
                            return document;
                        }
                        break;
                    case ThematicBreakBlock _:
                        Finish(current, document, currentReported);
                        current = null;
                        break;
                    case QuoteBlock quote when current != null:
                        ReadLabels(text, quote, current, document);
                        break;
                    case HtmlBlock marker when current == null && SourceOf(text, marker).StartsWith(f.TocStart, StringComparison.Ordinal):
                        document.TocStart = Math.Min(text.Length, marker.Span.End + 2);
                        break;
                    case HtmlBlock marker when current == null && SourceOf(text, marker).StartsWith(f.TocEnd, StringComparison.Ordinal):
                        document.TocEnd = marker.Span.Start;
                        if (document.TocStart >= 0 && document.TocEnd >= document.TocStart)
                            document.TocEntries = TocEntry.Matches(text.Substring(document.TocStart, document.TocEnd - document.TocStart)).Count;
                        break;
                    case HtmlBlock html when current != null && SourceOf(text, html).StartsWith(f.DetailsOpen, StringComparison.Ordinal):
                        bodyStart = html.Span.End + 1;
                        break;
                    case HtmlBlock data when current != null && SourceOf(text, data).StartsWith(f.SourceDataStart, StringComparison.Ordinal):
                        ReadSourceData(SourceOf(text, data), current);
                        break;
                    case ParagraphBlock paragraph when current != null:
                        ReadParagraph(text, paragraph, current);
                        break;
                }
            }
            if (bodyStart >= 0)
            {
                document.Defects.Add($"The body of '{current.Title}' has no closing {f.DetailsClose}: the text is cut off or was edited, and everything after it would be read as its body.");
                current.Content = TextNormalizer.Block(MarkdownEscaper.Unescape(text.Substring(Math.Min(bodyStart, text.Length))));
                currentReported = true;
            }
            Finish(current, document, currentReported);
            if (document.TocStart >= 0 && document.TocEnd >= document.TocStart && document.TocEntries != document.Sections)
                document.Defects.Add($"The table of contents lists {document.TocEntries} article(s) but the text has {document.Sections} article section(s) " +
                    "(level-3 '### ' headings): headings of another level or a cut-off file.");
            return document;
        }

        // A table-of-contents line as the writer makes it: "12. [title](#anchor)".
        private static readonly Regex TocEntry = new Regex(@"^\d+\. \[", RegexOptions.CultureInvariant | RegexOptions.Multiline);

        /// <summary>A digest file's text, read as the UTF-8 the writer writes.</summary>
        /// <exception cref="InvalidDataException">The file is not UTF-8 (e.g. re-saved as CP949): decoding it would replace characters.</exception>
        public static string ReadFileText(string path)
        {
            try { return File.ReadAllText(path, StrictUtf8); }
            catch (DecoderFallbackException e)
            {
                throw new InvalidDataException(
                    "it is not UTF-8 (an editor may have saved it in another encoding such as CP949/EUC-KR); reading it would replace characters", e);
            }
        }

        // Throws on invalid bytes instead of replacing them with U+FFFD; a BOM is accepted (and removed by Normalize).
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        /// <summary>The text as the reader sees it (LF line ends, no BOM); offsets in a DigestDocument refer to it.</summary>
        public static string Normalize(string markdown) =>
            (markdown ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF');

        private void ReadLabels(string text, QuoteBlock quote, Article article, DigestDocument document)
        {
            DigestFormat f = _options.Format;
            foreach (ParagraphBlock paragraph in quote.OfType<ParagraphBlock>())
            {
                foreach (string line in LinesOf(text, paragraph))
                {
                    if (line.StartsWith(f.DateMark, StringComparison.Ordinal))
                    {
                        List<string> fields = MarkdownEscaper.SplitUnescaped(line.Substring(f.DateMark.Length), '|');
                        string date = Strong(fields[0]);
                        if (DateTime.TryParseExact(date, f.DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day))
                        {
                            string outOfRange = DateRange.DayProblem(day, _options.TimeZone);
                            if (outOfRange == null) article.Published = DateRange.FirstMomentOf(day, _options.TimeZone);
                            else document.Problems.Add($"The date of '{article.Title}' is treated as missing: {outOfRange}.");
                        }
                        else
                            document.Problems.Add($"The date '{date}' of '{article.Title}' is not a {f.DayFormat} date; Published is left empty.");
                        if (fields.Count > 1) article.Importance = f.ImportanceFromMark(Strong(fields[1]));
                        if (fields.Count > 2) article.Organization = Field(fields[2]);
                        if (fields.Count > 3) article.Source = Field(string.Join("|", fields.Skip(3)));
                    }
                    else if (line.StartsWith(f.TagsMark, StringComparison.Ordinal))
                    {
                        article.Tags = MarkdownEscaper.SplitUnescaped(line.Substring(f.TagsMark.Length), ',')
                            .Select(Field).Where(t => t != null).ToArray();
                    }
                }
            }
        }

        private void ReadParagraph(string text, ParagraphBlock paragraph, Article article)
        {
            DigestFormat f = _options.Format;
            List<string> lines = LinesOf(text, paragraph);
            if (lines.Count > 0 && lines[0].Trim() == "**" + f.SummaryLabel + "**")
            {
                article.Summary = TextNormalizer.Block(MarkdownEscaper.Unescape(string.Join("\n", lines.Skip(1))));
                return;
            }
            if (article.Url == null && paragraph.Inline != null)
            {
                var links = paragraph.Inline.Descendants<LinkInline>().Where(l => !l.IsImage).ToList();
                if (links.Count == 0) return;
                article.Url = links[0].Url;
                // Further links on the line are the other outlets of a merged story.
                if (links.Count > 1)
                    article.Sources = new[] { new ArticleSource(article.Source, article.Url) }
                        .Concat(links.Skip(1).Select(l => new ArticleSource(LinkText(l), l.Url))).ToArray();
            }
        }

        /// <summary>Restores SourceId and Policy from the comment the writer puts after the link line; unknown fields are ignored.</summary>
        private void ReadSourceData(string comment, Article article)
        {
            DigestFormat f = _options.Format;
            string inner = comment.Trim();
            inner = inner.Substring(f.SourceDataStart.Length);
            int end = inner.IndexOf(f.SourceDataEnd, StringComparison.Ordinal);
            if (end >= 0) inner = inner.Substring(0, end);
            SourcePolicy policy = null;
            foreach (string field in inner.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = field.IndexOf('=');
                if (eq <= 0) continue;
                string name = field.Substring(0, eq), value = Uri.UnescapeDataString(field.Substring(eq + 1));
                switch (name)
                {
                    case "id": article.SourceId = value; break;
                    case "ai": (policy = policy ?? new SourcePolicy()).AllowAiProcessing = value != "no"; break;
                    case "excerpt" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int limit):
                        (policy = policy ?? new SourcePolicy()).MaxExcerptLength = limit;
                        break;
                }
            }
            if (policy != null) article.Policy = policy;
        }

        private static string LinkText(LinkInline link) =>
            string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

        private void Finish(Article article, DigestDocument document, bool reported)
        {
            if (article == null) return;
            if (string.IsNullOrWhiteSpace(article.Url))
            {
                if (!reported)
                    document.Defects.Add($"The section '{article.Title}' has no link line ('{_options.Format.LinkMark} [{_options.Format.LinkText}](https://…)'); it was not read.");
                return;
            }
            article.Language = LanguageGuess.Of(article.Title + " " + article.Content);
            document.Articles.Add(article);
        }

        // Markdig releases a leaf block's lines once its inlines are parsed, so raw text comes from the
        // block's source span: the span starts at the content of the first line, and later lines of a
        // paragraph inside a quote still carry their "> " marker.
        private static List<string> LinesOf(string text, LeafBlock block)
        {
            var lines = new List<string>(SourceOf(text, block).Split('\n'));
            bool quoted = block.Parent is QuoteBlock;
            for (int i = 1; i < lines.Count && quoted; i++) lines[i] = QuoteMarker.Replace(lines[i], string.Empty, 1);
            return lines;
        }

        /// <summary>A heading's raw text: the span without the opening '#'s (Markdig leaves out the closing sequence).</summary>
        private static string HeadingText(string text, HeadingBlock heading) =>
            SourceOf(text, heading).TrimStart(' ').TrimStart('#').Trim();

        private static readonly Regex QuoteMarker = new Regex("^ {0,3}> ?", RegexOptions.CultureInvariant);

        private static string SourceOf(string text, Block block) =>
            block.Span.Start >= 0 && block.Span.End < text.Length ? text.Substring(block.Span.Start, block.Span.Length) : string.Empty;

        /// <summary>The text of a "**…**" field.</summary>
        private static string Strong(string field)
        {
            string value = field.Trim();
            if (value.StartsWith("**", StringComparison.Ordinal) && value.EndsWith("**", StringComparison.Ordinal) && value.Length >= 4)
                value = value.Substring(2, value.Length - 4);
            return MarkdownEscaper.Unescape(value).Trim();
        }

        private static string Field(string raw)
        {
            string value = TextNormalizer.SingleLine(MarkdownEscaper.Unescape(raw));
            return value.Length == 0 ? null : value;
        }
    }
}
