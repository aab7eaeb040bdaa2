using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AiNews.Text;

namespace AiNews.Digest
{
    /// <summary>
    /// The one Markdown escaper: turns untrusted text (titles, bodies, labels from the web) into Markdown
    /// that displays exactly that text and cannot change the document's structure, and reads it back.
    ///
    /// Escaping is minimal on purpose: a character is escaped only where CommonMark/GFM could give it a
    /// meaning (a lone '*' or '~' cannot open emphasis, balanced "[…]" without "(" after it is no link),
    /// so ordinary Korean and English text is written as is and digests stay readable as plain text.
    /// Everything the writer emits is either a backslash escape of ASCII punctuation or "&lt;"/"&amp;",
    /// which is exactly what <see cref="Unescape"/> undoes, so writer and reader are inverses.
    /// </summary>
    public static class MarkdownEscaper
    {
        /// <summary>
        /// Balanced brackets nested deeper than this are escaped although they could form no link: Markdig refuses to
        /// read text nested beyond its depth limit ("too deeply nested") and slows down long before, so 20,000 nested
        /// "[" that we wrote would abort the reading of the whole archive. Prose never nests brackets this deep.
        /// </summary>
        private const int MaxBracketDepth = 16;

        // Characters that need a partner to mean anything inline (emphasis, strikethrough, code spans).
        private const string PairedMarkers = "*_~`";

        private static readonly Regex EntityLike = new Regex(
            @"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant);

        // Line starts that open a block: ATX heading, quote, bullet, thematic break or setext underline,
        // code fence. "#hashtag" or "-5%" open nothing and stay as they are.
        private static readonly Regex BlockStart = new Regex(
            @"^(#{1,6}(\s|$)|>|[-+*](\s|$)|([-*_])(\s*\4){2,}\s*$|=+\s*$|-+\s*$|`{3,}|~{3,})", RegexOptions.CultureInvariant);

        private static readonly Regex OrderedListStart = new Regex(@"^([0-9]{1,9})([.)])(?=\s|$)", RegexOptions.CultureInvariant);

        // A GFM table delimiter row ("---|:--:"), which would turn the line above into a table header.
        private static readonly Regex DelimiterRow = new Regex(@"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$", RegexOptions.CultureInvariant);

        /// <summary>Text on one line inside a heading, a list item, a link text or the label line.</summary>
        /// <param name="text">Plain text; line breaks are turned into spaces.</param>
        /// <param name="alsoEscape">Separators of the surrounding syntax that must not appear bare (e.g. "|,").</param>
        public static string EscapeInline(string text, string alsoEscape = null)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            return EscapeSpan(TextNormalizer.SingleLine(text), alsoEscape);
        }

        /// <summary>Text that starts a line of its own, such as a list item's: inline escaping and the line-start rules.</summary>
        public static string EscapeLine(string text) => EscapeLineStart(EscapeInline(text));

        /// <summary>A heading's text: inline escaping, and a trailing '#' that would be read as a closing sequence.</summary>
        public static string EscapeHeading(string text)
        {
            string escaped = EscapeInline(text);
            if (escaped.EndsWith("#", StringComparison.Ordinal) && !escaped.EndsWith("\\#", StringComparison.Ordinal))
                escaped = escaped.Substring(0, escaped.Length - 1) + "\\#";
            return escaped;
        }

        /// <summary>
        /// A multi-line text written as Markdown paragraphs: every line is escaped so that nothing it
        /// starts with (#, &gt;, -, +, *, =, 1., fences, table rows, HTML) can open a block.
        /// </summary>
        /// <param name="text">Plain text, paragraphs separated by blank lines.</param>
        /// <param name="keepParagraphs">False for text that must stay one paragraph (blank lines are dropped).</param>
        public static string EscapeBlock(string text, bool keepParagraphs = true)
        {
            var paragraphs = TextNormalizer.Paragraphs(text);
            var output = new List<string>();
            foreach (var lines in paragraphs)
            {
                string escaped = EscapeSpan(string.Join("\n", lines), null);
                var escapedLines = escaped.Split('\n');
                for (int i = 0; i < escapedLines.Length; i++)
                    escapedLines[i] = EscapeLineStart(escapedLines[i]);
                output.Add(string.Join("\n", escapedLines));
            }
            return string.Join(keepParagraphs ? "\n\n" : "\n", output);
        }

        /// <summary>A URL as a link destination that Markdown reads back unchanged (the URL is already known to be http/https).</summary>
        public static string EscapeLinkDestination(string url)
        {
            var sb = new StringBuilder(url.Length);
            for (int i = 0; i < url.Length; i++)
            {
                char c = url[i];
                if (c == '\\' || c == '(' || c == ')' || c == '<' || c == '>') sb.Append('\\').Append(c);
                else if (c == '&' && EntityLike.Match(url, i) is Match m && m.Success && m.Index == i) sb.Append("\\&");
                else if (c <= ' ' || c == '\u007F') sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.ToString();
        }

        /// <summary>The displayed text of escaped Markdown text: backslash escapes and entities decoded.</summary>
        public static string Unescape(string markdown)
        {
            if (string.IsNullOrEmpty(markdown)) return markdown ?? string.Empty;
            if (markdown.IndexOf('\\') < 0 && markdown.IndexOf('&') < 0) return markdown;
            var sb = new StringBuilder(markdown.Length);
            for (int i = 0; i < markdown.Length; i++)
            {
                char c = markdown[i];
                if (c == '\\' && i + 1 < markdown.Length && IsAsciiPunctuation(markdown[i + 1]))
                {
                    sb.Append(markdown[++i]);
                }
                else if (c == '&')
                {
                    Match m = EntityLike.Match(markdown, i);
                    if (m.Success && m.Index == i)
                    {
                        sb.Append(WebUtility.HtmlDecode(m.Value));
                        i += m.Length - 1;
                    }
                    else sb.Append(c);
                }
                else sb.Append(c);
            }
            return sb.ToString();
        }

        /// <summary>Splits escaped text on a separator that the writer escaped inside values (e.g. '|' or ',').</summary>
        public static List<string> SplitUnescaped(string markdown, char separator)
        {
            var parts = new List<string>();
            var current = new StringBuilder();
            for (int i = 0; i < markdown.Length; i++)
            {
                char c = markdown[i];
                if (c == '\\' && i + 1 < markdown.Length)
                {
                    current.Append(c).Append(markdown[++i]);
                }
                else if (c == separator)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
                else current.Append(c);
            }
            parts.Add(current.ToString());
            return parts;
        }

        private static string EscapeSpan(string text, string alsoEscape)
        {
            bool escapeBrackets = BracketsCouldLink(text);
            var escapeMarker = new HashSet<char>();
            foreach (char marker in PairedMarkers)
                if (Count(text, marker) >= 2) escapeMarker.Add(marker);

            var sb = new StringBuilder(text.Length + 16);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                char next = i + 1 < text.Length ? text[i + 1] : '\n';
                switch (c)
                {
                    case '\\':
                        // Only a backslash before punctuation or a line end has a meaning of its own.
                        sb.Append(IsAsciiPunctuation(next) || next == '\n' ? "\\\\" : "\\");
                        break;
                    case '<':
                        // Only "<" before a letter, '/', '!' or '?' can start a tag, comment or autolink.
                        sb.Append(IsAsciiLetter(next) || next == '/' || next == '!' || next == '?' ? "&lt;" : "<");
                        break;
                    case '&':
                        sb.Append(EntityLike.Match(text, i) is Match m && m.Success && m.Index == i ? "&amp;" : "&");
                        break;
                    case '[':
                    case ']':
                        if (escapeBrackets) sb.Append('\\');
                        sb.Append(c);
                        break;
                    default:
                        if (escapeMarker.Contains(c) || (alsoEscape != null && alsoEscape.IndexOf(c) >= 0)) sb.Append('\\');
                        sb.Append(c);
                        break;
                }
            }
            return sb.ToString();
        }

        /// <summary>Escapes what would open a block at the start of a line (the line is already inline-escaped).</summary>
        private static string EscapeLineStart(string line)
        {
            if (line.Length == 0) return line;
            if (DelimiterRow.IsMatch(line) && line.IndexOf('|') >= 0) line = line.Replace("|", "\\|");
            if (BlockStart.IsMatch(line)) return "\\" + line;
            Match ordered = OrderedListStart.Match(line);
            if (ordered.Success)
                return ordered.Groups[1].Value + "\\" + line.Substring(ordered.Groups[1].Length);
            return line;
        }

        /// <summary>
        /// True when brackets in the text could form a link, image, footnote or reference definition:
        /// "](" / "][" / "]:" / "[^", or brackets that do not balance (and could pair with markup around them).
        /// </summary>
        private static bool BracketsCouldLink(string text)
        {
            if (text.IndexOf('[') < 0 && text.IndexOf(']') < 0) return false;
            if (text.IndexOf("](", StringComparison.Ordinal) >= 0 || text.IndexOf("][", StringComparison.Ordinal) >= 0
                || text.IndexOf("]:", StringComparison.Ordinal) >= 0 || text.IndexOf("[^", StringComparison.Ordinal) >= 0)
                return true;
            int depth = 0;
            foreach (char c in text)
            {
                if (c == '[') { if (++depth > MaxBracketDepth) return true; }
                else if (c == ']' && --depth < 0) return true;
            }
            return depth != 0;
        }

        private static int Count(string text, char c)
        {
            int n = 0;
            foreach (char x in text) if (x == c) n++;
            return n;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsAsciiPunctuation(char c) =>
            (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
