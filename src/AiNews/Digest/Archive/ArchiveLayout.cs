using System;
using System.Globalization;
using System.IO;
using System.Text;
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
        private readonly Regex _parser;

        public ArchiveLayout(string pattern = null)
        {
            Pattern = string.IsNullOrWhiteSpace(pattern) ? DefaultPattern : pattern.Trim().Replace('\\', '/');
            if (!Pattern.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || Pattern.StartsWith("/", StringComparison.Ordinal) || Pattern.Contains(".."))
                throw new ArgumentException($"Layout '{Pattern}' must be a relative path ending in .md, such as '{DefaultPattern}'.");
            if (!Pattern.Contains("{yyyy}") || !(Pattern.Contains("{MM}") || Pattern.Contains("{M}")) || !(Pattern.Contains("{dd}") || Pattern.Contains("{d}")))
                throw new ArgumentException($"Layout '{Pattern}' must contain {{yyyy}}, {{MM}} (or {{M}}) and {{dd}} (or {{d}}) so that every day has its own file.");

            var regex = new StringBuilder("^");
            int last = 0;
            foreach (Match m in Token.Matches(Pattern))
            {
                regex.Append(Regex.Escape(Pattern.Substring(last, m.Index - last)));
                string name = m.Groups[1].Value;
                regex.Append(name == "yyyy" ? @"(?<yyyy>\d{4})" : name.Length == 2 ? $@"(?<{name}>\d{{2}})" : $@"(?<{name}>\d{{1,2}})");
                last = m.Index + m.Length;
            }
            regex.Append(Regex.Escape(Pattern.Substring(last))).Append('$');
            // A token may repeat ("{MM}월/{MM}-{dd}"): .NET allows a group name twice; the last capture wins, which is fine.
            _parser = new Regex(regex.ToString(), RegexOptions.CultureInvariant);
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
        public bool TryParse(string relativePath, out DateTime day)
        {
            day = default;
            Match m = _parser.Match(relativePath.Replace('\\', '/'));
            if (!m.Success) return false;
            int year = int.Parse(m.Groups["yyyy"].Value, CultureInfo.InvariantCulture);
            int month = int.Parse((m.Groups["MM"].Success ? m.Groups["MM"] : m.Groups["M"]).Value, CultureInfo.InvariantCulture);
            int date = int.Parse((m.Groups["dd"].Success ? m.Groups["dd"] : m.Groups["d"]).Value, CultureInfo.InvariantCulture);
            if (month < 1 || month > 12 || date < 1 || date > DateTime.DaysInMonth(year, month)) return false;
            day = new DateTime(year, month, date);
            return true;
        }
    }
}
