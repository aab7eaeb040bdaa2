using System.Collections.Generic;
using System.Text;

namespace AiNews.Text
{
    /// <summary>
    /// Canonical forms of article text, shared by every writer and reader so that a value survives a
    /// round trip through any output: no BOMs or control characters, LF line ends, trimmed lines.
    /// </summary>
    public static class TextNormalizer
    {
        /// <summary>One line: invisible characters removed, line breaks and tabs become spaces, ends trimmed.</summary>
        public static string SingleLine(string text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            var sb = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c == '\r' || c == '\n' || c == '\t') sb.Append(' ');
                else if (!IsInvisible(c)) sb.Append(c);
            }
            return sb.ToString().Trim();
        }

        /// <summary>Paragraphs of trimmed, non-empty lines; blank lines separate paragraphs.</summary>
        public static List<List<string>> Paragraphs(string text)
        {
            var paragraphs = new List<List<string>>();
            if (string.IsNullOrEmpty(text)) return paragraphs;
            List<string> current = null;
            foreach (string raw in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
            {
                string line = Clean(raw).Trim();
                if (line.Length == 0) { current = null; continue; }
                if (current == null) { current = new List<string>(); paragraphs.Add(current); }
                current.Add(line);
            }
            return paragraphs;
        }

        /// <summary>Multi-line text in canonical form: trimmed lines, at most one blank line between paragraphs.</summary>
        public static string Block(string text)
        {
            var paragraphs = Paragraphs(text);
            var parts = new List<string>(paragraphs.Count);
            foreach (var p in paragraphs) parts.Add(string.Join("\n", p));
            return string.Join("\n\n", parts);
        }

        private static string Clean(string line)
        {
            bool dirty = false;
            foreach (char c in line) if (IsInvisible(c) || c == '\t') { dirty = true; break; }
            if (!dirty) return line;
            var sb = new StringBuilder(line.Length);
            foreach (char c in line)
            {
                if (c == '\t') sb.Append(' ');
                else if (!IsInvisible(c)) sb.Append(c);
            }
            return sb.ToString();
        }

        // BOM/zero-width no-break space and C0/C1 controls: never meaningful in a title or body.
        private static bool IsInvisible(char c) =>
            c == '\uFEFF' || (c < ' ' && c != '\n' && c != '\r' && c != '\t') || (c >= '\u007F' && c <= '\u009F');
    }
}
