using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// Where a day's digest lives in the archive: a relative path pattern with the tokens {yyyy}, {MM},
    /// {dd}, {M} and {d}. The default is the layout of the system we replace: "{yyyy}/{MM}월/{MM}-{dd}.md".
    /// </summary>
    public sealed class ArchiveLayout
    {
        public const string DefaultPattern = "{yyyy}/{MM}월/{MM}-{dd}.md";

        /// <summary>The index of a folder of day files, which GitHub and file browsers show for the folder.</summary>
        public const string FolderIndexFile = "README.md";

        /// <summary>The web index of the whole archive, at its root (with Html).</summary>
        public const string PagesIndexFile = "index.html";

        /// <summary>The web page beside a day file (with Html): the same name, ending in .html.</summary>
        public static string PageOf(string dayFile) => Path.ChangeExtension(dayFile, ".html");

        private static readonly Regex Token = new Regex(@"\{(yyyy|MM|dd|M|d)\}", RegexOptions.CultureInvariant);
        // The pattern as literal text and date fields, matched by hand in TryParse: every run asks it about each day file
        // of the archive (1,100 in three years), and a regular expression's match allocated its groups and their values.
        private readonly Part[] _parts;

        /// <summary>Literal text of the pattern, or one of its date fields ({yyyy}: 4 digits, {MM}/{dd}: 2, {M}/{d}: 1 or 2).</summary>
        private sealed class Part
        {
            public string Literal;
            public string Field;
            public int Digits, MaxDigits;
        }

        /// <summary>The fields a path gave, -1 where the pattern has no such token. A token that repeats keeps its last value.</summary>
        private struct Fields
        {
            public int Year, MM, M, DD, D;

            public void Set(string field, int value)
            {
                switch (field)
                {
                    case "yyyy": Year = value; break;
                    case "MM": MM = value; break;
                    case "M": M = value; break;
                    case "dd": DD = value; break;
                    default: D = value; break;
                }
            }
        }

        public ArchiveLayout(string pattern = null)
        {
            Pattern = string.IsNullOrWhiteSpace(pattern) ? DefaultPattern : pattern.Trim().Replace('\\', '/');
            if (!Pattern.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || Pattern.StartsWith("/", StringComparison.Ordinal) || Pattern.Contains(".."))
                throw new ArgumentException($"Layout '{Pattern}' must be a relative path ending in .md, such as '{DefaultPattern}'.");
            if (!Pattern.Contains("{yyyy}") || !(Pattern.Contains("{MM}") || Pattern.Contains("{M}")) || !(Pattern.Contains("{dd}") || Pattern.Contains("{d}")))
                throw new ArgumentException($"Layout '{Pattern}' must contain {{yyyy}}, {{MM}} (or {{M}}) and {{dd}} (or {{d}}) so that every day has its own file.");

            var parts = new List<Part>();
            int last = 0;
            foreach (Match m in Token.Matches(Pattern))
            {
                if (m.Index > last) parts.Add(new Part { Literal = Pattern.Substring(last, m.Index - last) });
                string name = m.Groups[1].Value;
                parts.Add(new Part { Field = name, Digits = name == "yyyy" ? 4 : name.Length == 2 ? 2 : 1, MaxDigits = name == "yyyy" ? 4 : 2 });
                last = m.Index + m.Length;
            }
            if (last < Pattern.Length) parts.Add(new Part { Literal = Pattern.Substring(last) });
            _parts = parts.ToArray();
        }

        public string Pattern { get; }

        /// <summary>The day file's path relative to the archive root, with '/' separators.</summary>
        public string RelativePathOf(DateTime day) => Token.Replace(Pattern, m =>
        {
            switch (m.Groups[1].Value)
            {
                case "yyyy": return day.ToString("yyyy", CultureInfo.InvariantCulture);
                case "MM": return day.ToString("MM", CultureInfo.InvariantCulture);
                case "dd": return day.ToString("dd", CultureInfo.InvariantCulture);
                case "M": return day.Month.ToString(CultureInfo.InvariantCulture);
                default: return day.Day.ToString(CultureInfo.InvariantCulture);
            }
        });

        public string FullPathOf(string root, DateTime day) => Path.GetFullPath(Path.Combine(root, RelativePathOf(day)));

        /// <summary><paramref name="path"/> relative to <paramref name="root"/> with '/' separators (the full path when outside it).</summary>
        public static string RelativeTo(string root, string path)
        {
            string prefix = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string full = Path.GetFullPath(path);
            return (full.StartsWith(prefix, StringComparison.Ordinal) ? full.Substring(prefix.Length) : full).Replace(Path.DirectorySeparatorChar, '/');
        }

        /// <summary>The day a relative path stands for, when it is a day file of this layout.</summary>
        public bool TryParse(string relativePath, out DateTime day) => TryParse(relativePath, 0, out day);

        /// <summary>
        /// The day the part of <paramref name="path"/> from <paramref name="start"/> on stands for, read as a path relative to
        /// the archive's root, when it is a day file of this layout ('\' is taken for '/'). Digits are ASCII digits; a field
        /// of one or two digits takes two when the rest still matches, else one.
        /// </summary>
        public bool TryParse(string path, int start, out DateTime day)
        {
            day = default;
            var fields = new Fields { Year = -1, MM = -1, M = -1, DD = -1, D = -1 };
            if (path == null || !Match(path, start, 0, ref fields)) return false;
            int month = fields.MM >= 0 ? fields.MM : fields.M, date = fields.DD >= 0 ? fields.DD : fields.D;
            if (fields.Year < 1 || month < 1 || month > 12 || date < 1 || date > DateTime.DaysInMonth(fields.Year, month)) return false;
            day = new DateTime(fields.Year, month, date);
            return true;
        }

        private bool Match(string path, int at, int part, ref Fields fields)
        {
            if (part == _parts.Length) return at == path.Length;
            Part p = _parts[part];
            if (p.Literal != null)
            {
                if (path.Length - at < p.Literal.Length) return false;
                for (int i = 0; i < p.Literal.Length; i++)
                {
                    char c = path[at + i], expected = p.Literal[i];
                    if (c != expected && !(expected == '/' && c == '\\')) return false;
                }
                return Match(path, at + p.Literal.Length, part + 1, ref fields);
            }
            int digits = 0;
            while (digits < p.MaxDigits && at + digits < path.Length && path[at + digits] >= '0' && path[at + digits] <= '9') digits++;
            for (int n = digits; n >= p.Digits; n--)
            {
                int value = 0;
                for (int i = 0; i < n; i++) value = value * 10 + (path[at + i] - '0');
                Fields before = fields;
                fields.Set(p.Field, value);
                if (Match(path, at + n, part + 1, ref fields)) return true;
                fields = before;
            }
            return false;
        }
    }
}
