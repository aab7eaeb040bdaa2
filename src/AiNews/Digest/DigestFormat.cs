using System;
using System.Collections.Generic;
using System.Globalization;

namespace AiNews.Digest
{
    /// <summary>
    /// The fixed words and marks of the digest layout (the format of the system we replace), shared by
    /// the writer and the reader so the two cannot drift apart.
    /// </summary>
    public sealed class DigestFormat
    {
        /// <summary>The layout of the archive we replace; the only one there is.</summary>
        public static readonly DigestFormat Default = new DigestFormat();

        // The day file: "# 🤖 AI 뉴스 - 2025년 12월 27일", the table of contents between its markers, then the sections.
        public string TitlePrefix { get; } = "🤖 AI 뉴스 - ";
        public string TitleDateFormat { get; } = "yyyy년 MM월 dd일";
        public string TocHeading { get; } = "📑 목차";
        public string TocStart { get; } = "<!-- TOC_START -->";
        public string TocEnd { get; } = "<!-- TOC_END -->";
        /// <summary>Characters of a title the table of contents shows before "..." (the old digest cut at 60).</summary>
        public int TocTitleLength { get; } = 60;

        // One article's section: label lines in a quote, the summary, the body folded in <details>, the link line.
        public string DateMark { get; } = "📅";
        public string TagsMark { get; } = "🏷️";
        public string SummaryLabel { get; } = "💡 요약";
        public string DetailsOpen { get; } = "<details>";
        public string DetailsSummary { get; } = "<summary><b>📄 원문 보기</b></summary>";
        public string DetailsClose { get; } = "</details>";
        public string LinkMark { get; } = "🔗";
        public string LinkText { get; } = "원문 보기";
        /// <summary>
        /// An HTML comment after the link line that keeps what the visible text cannot: the catalog id of the
        /// article's source and its policy ("&lt;!-- ainews:source id=AiTimes ai=no excerpt=1500 --&gt;"). GitHub and
        /// browsers show nothing of it; the reader restores Article.SourceId and Article.Policy from it.
        /// </summary>
        public string SourceDataStart { get; } = "<!-- ainews:source";
        public string SourceDataEnd { get; } = "-->";

        /// <summary>Marks text that was cut (a body, a title in a table of contents or an index).</summary>
        public string Ellipsis { get; } = "...";
        /// <summary>The organization written for an article that has none ("other").</summary>
        public string NoOrganization { get; } = "기타";
        /// <summary>Body characters kept before "..." unless -MaxContentLength says otherwise (the old digest's length).</summary>
        public int DefaultMaxContentLength { get; } = 1500;

        /// <summary>How an article's day is written on its label line and in the archive's index.html.</summary>
        public string DayFormat { get; } = "yyyy-MM-dd";

        // The archive's indexes: a README.md per folder and index.html at the root, in the words of the archive we replace.
        public string ArchiveTitle { get; } = "🤖 AI 뉴스 아카이브";
        public string MonthFormat { get; } = "yyyy년 MM월";
        public string FileMark { get; } = "📄";
        public string GeneratedNote { get; } = "*이 파일은 자동으로 생성됩니다.*";
        /// <summary>Characters of a title a folder index lists before "..." (the old index cut at 50).</summary>
        public int IndexTitleLength { get; } = 50;

        /// <summary>The title of a web page whose Markdown has no level-1 heading.</summary>
        public string PageTitle { get; } = "AI 뉴스";

        /// <summary>The language of the web pages (the html lang attribute): the digest is written in Korean.</summary>
        public string PageLanguage { get; } = "ko";

        private readonly Dictionary<string, string> _importanceMarks = new Dictionary<string, string>
        {
            [ImportanceLevel.High] = "🔥 " + ImportanceLevel.High,
            [ImportanceLevel.Normal] = "📌 " + ImportanceLevel.Normal,
            [ImportanceLevel.Low] = "📎 " + ImportanceLevel.Low,
        };

        /// <summary>The mark of a grade as the label line shows it, such as "📌 일반"; an unknown grade shows as Normal.</summary>
        public string ImportanceMark(string importance) =>
            _importanceMarks.TryGetValue(importance ?? ImportanceLevel.Normal, out string mark) ? mark : _importanceMarks[ImportanceLevel.Normal];

        /// <summary>The grade shown by a mark such as "📌 일반" (the grade word decides; the emoji may vary).</summary>
        public string ImportanceFromMark(string mark)
        {
            foreach (string grade in ImportanceLevel.All)
                if (mark != null && mark.Trim().EndsWith(grade, StringComparison.Ordinal)) return grade;
            return ImportanceLevel.Normal;
        }

        /// <summary>A month as the indexes name it: "2026년 01월".</summary>
        public string MonthName(DateTime day) => day.ToString(MonthFormat, CultureInfo.InvariantCulture);

        /// <summary>The heading of a folder index: "🤖 AI 뉴스 아카이브 - 2026년 01월".</summary>
        public string ArchiveMonthTitle(DateTime month) => ArchiveTitle + " - " + MonthName(month);

        /// <summary>True for the heading of a folder index (<see cref="ArchiveMonthTitle"/>), whatever its month.</summary>
        public bool IsFolderIndexTitle(string title) =>
            title != null && title.StartsWith(ArchiveTitle + " - ", StringComparison.Ordinal);

        /// <summary>The count of articles as the indexes show it: "12건".</summary>
        public string Count(int articles) => articles.ToString(CultureInfo.InvariantCulture) + "건";

        /// <summary>The line under a folder index's heading: "총 **12건**의 뉴스가 수집되었습니다.".</summary>
        public string CollectedNote(int articles) => "총 **" + Count(articles) + "**의 뉴스가 수집되었습니다.";

        /// <summary>A day's heading in a folder index: "📅 1월 5일 (12건)".</summary>
        public string IndexDayHeading(DateTime day, int articles) =>
            DateMark + " " + day.Month.ToString(CultureInfo.InvariantCulture) + "월 " + day.Day.ToString(CultureInfo.InvariantCulture) + "일 (" + Count(articles) + ")";

        /// <summary>A day's link text in the archive's index.html: "📅 2026-01-05 (12건)".</summary>
        public string ArchiveDayLink(DateTime day, int articles) =>
            DateMark + " " + day.ToString(DayFormat, CultureInfo.InvariantCulture) + " (" + Count(articles) + ")";

        /// <summary>A day file's title: "🤖 AI 뉴스 - 2025년 12월 27일".</summary>
        public string Title(DateTime day) => TitlePrefix + day.ToString(TitleDateFormat, CultureInfo.InvariantCulture);

        /// <summary>The day a title such as "🤖 AI 뉴스 - 2025년 12월 27일" names; false for any other title.</summary>
        public bool TryParseTitle(string title, out DateTime day)
        {
            day = default;
            if (title == null || !title.StartsWith(TitlePrefix, StringComparison.Ordinal)) return false;
            return DateTime.TryParseExact(title.Substring(TitlePrefix.Length).Trim(), TitleDateFormat,
                CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
        }
    }
}
