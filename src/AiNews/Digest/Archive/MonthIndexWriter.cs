using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The README.md index of a folder of day files, in the layout of the archive we replace (count per day,
    /// a link to each day file, the titles), with the table of days that the old index left empty.
    /// </summary>
    public static class MonthIndexWriter
    {
        private const int TitleLength = 50;

        /// <param name="folder">The folder the README goes into.</param>
        /// <param name="days">Each day file of the folder: its day, full path and article titles.</param>
        public static string Render(string folder, IEnumerable<(DateTime Day, string Path, IReadOnlyList<string> Titles)> days)
        {
            var list = days.OrderByDescending(d => d.Day).ToList();
            DateTime month = list.Count > 0 ? list[0].Day : DateTime.Today;
            var sb = new StringBuilder();
            sb.Append("# 🤖 AI 뉴스 아카이브 - ").Append(month.ToString("yyyy년 MM월", CultureInfo.InvariantCulture)).Append("\n\n");
            sb.Append("> 총 **").Append(list.Sum(d => d.Titles.Count).ToString(CultureInfo.InvariantCulture)).Append("건**의 뉴스가 수집되었습니다.\n\n");
            sb.Append("## 📑 목차\n\n");

            var slugger = new HeadingSlugger();
            slugger.Slug("🤖 AI 뉴스 아카이브 - " + month.ToString("yyyy년 MM월", CultureInfo.InvariantCulture));
            slugger.Slug("📑 목차");
            var headings = list.Select(d => $"📅 {d.Day.Month}월 {d.Day.Day}일 ({d.Titles.Count}건)").ToList();
            foreach (string heading in headings)
                sb.Append("- [").Append(MarkdownEscaper.EscapeInline(heading)).Append("](#").Append(slugger.Slug(heading)).Append(")\n");

            for (int i = 0; i < list.Count; i++)
            {
                string relative = RelativeLink(folder, list[i].Path);
                sb.Append("\n### ").Append(headings[i]).Append('\n');
                sb.Append("📄 [").Append(MarkdownEscaper.EscapeInline(Path.GetFileName(list[i].Path))).Append("](")
                  .Append(MarkdownEscaper.EscapeLinkDestination(relative)).Append(")\n\n");
                foreach (string title in list[i].Titles)
                {
                    string t = TextNormalizer.SingleLine(title);
                    if (t.Length > TitleLength) t = t.Substring(0, TitleLength) + "...";
                    sb.Append("- ").Append(MarkdownEscaper.EscapeLine(t)).Append('\n');
                }
            }
            sb.Append("\n---\n\n*이 파일은 자동으로 생성됩니다.*\n");
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
