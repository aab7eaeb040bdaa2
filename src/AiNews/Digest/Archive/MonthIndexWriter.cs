using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AiNews.Text;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The README.md index of a folder of day files, in the layout of the archive we replace (count per day,
    /// a link to each day file, the titles), with the table of days that the old index left empty. Every word
    /// comes from <see cref="DigestFormat"/>.
    /// </summary>
    public static class MonthIndexWriter
    {
        /// <param name="folder">The folder the README goes into.</param>
        /// <param name="days">Each day file of the folder: its day, full path and article titles.</param>
        /// <param name="format">The words of the digest layout; default <see cref="DigestFormat.Default"/>.</param>
        public static string Render(string folder, IEnumerable<(DateTime Day, string Path, IReadOnlyList<string> Titles)> days, DigestFormat format = null)
        {
            DigestFormat f = format ?? DigestFormat.Default;
            var list = days.OrderByDescending(d => d.Day).ToList();
            // The folder's newest day names its month (a layout may keep a whole year in one folder).
            DateTime month = list.Count > 0 ? list[0].Day : DateTime.Today;
            var sb = new StringBuilder();
            sb.Append("# ").Append(f.ArchiveMonthTitle(month)).Append("\n\n");
            sb.Append("> ").Append(f.CollectedNote(list.Sum(d => d.Titles.Count))).Append("\n\n");
            sb.Append("## ").Append(f.TocHeading).Append("\n\n");

            // Anchors are unique in document order, so the headings above the list take their slugs first.
            var slugger = new HeadingSlugger();
            slugger.Slug(f.ArchiveMonthTitle(month));
            slugger.Slug(f.TocHeading);
            var headings = list.Select(d => f.IndexDayHeading(d.Day, d.Titles.Count)).ToList();
            foreach (string heading in headings)
                sb.Append("- [").Append(MarkdownEscaper.EscapeInline(heading)).Append("](#").Append(slugger.Slug(heading)).Append(")\n");

            for (int i = 0; i < list.Count; i++)
            {
                string relative = RelativeLink(folder, list[i].Path);
                sb.Append("\n### ").Append(headings[i]).Append('\n');
                sb.Append(f.FileMark).Append(" [").Append(MarkdownEscaper.EscapeInline(Path.GetFileName(list[i].Path))).Append("](")
                  .Append(MarkdownEscaper.EscapeLinkDestination(relative)).Append(")\n\n");
                foreach (string title in list[i].Titles)
                {
                    string t = TextNormalizer.SingleLine(title);
                    if (t.Length > f.IndexTitleLength) t = t.Substring(0, f.IndexTitleLength) + f.Ellipsis;
                    sb.Append("- ").Append(MarkdownEscaper.EscapeLine(t)).Append('\n');
                }
            }
            sb.Append("\n---\n\n").Append(f.GeneratedNote).Append('\n');
            return sb.ToString();
        }

        private static string RelativeLink(string folder, string file)
        {
            string f = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string full = Path.GetFullPath(file);
            string relative = full.StartsWith(f, StringComparison.Ordinal) ? full.Substring(f.Length) : full;
            return "./" + relative.Replace(Path.DirectorySeparatorChar, '/');
        }
    }
}
