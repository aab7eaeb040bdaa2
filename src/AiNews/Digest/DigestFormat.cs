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
        public static readonly DigestFormat Default = new DigestFormat();

        public string TitlePrefix { get; } = "🤖 AI 뉴스 - ";
        public string TitleDateFormat { get; } = "yyyy년 MM월 dd일";
        public string TocHeading { get; } = "📑 목차";
        public string TocStart { get; } = "<!-- TOC_START -->";
        public string TocEnd { get; } = "<!-- TOC_END -->";
        public int TocTitleLength { get; } = 60;
        public string DateMark { get; } = "📅";
        public string TagsMark { get; } = "🏷️";
        public string SummaryLabel { get; } = "💡 요약";
        public string DetailsOpen { get; } = "<details>";
        public string DetailsSummary { get; } = "<summary><b>📄 원문 보기</b></summary>";
        public string DetailsClose { get; } = "</details>";
        public string LinkMark { get; } = "🔗";
        public string LinkText { get; } = "원문 보기";
        public string Ellipsis { get; } = "...";
        public string NoOrganization { get; } = "기타";
        public int DefaultMaxContentLength { get; } = 1500;

        private readonly Dictionary<string, string> _importanceMarks = new Dictionary<string, string>
        {
            [ImportanceLevel.High] = "🔥 " + ImportanceLevel.High,
            [ImportanceLevel.Normal] = "📌 " + ImportanceLevel.Normal,
            [ImportanceLevel.Low] = "📎 " + ImportanceLevel.Low,
        };

        public string ImportanceMark(string importance) =>
            _importanceMarks.TryGetValue(importance ?? ImportanceLevel.Normal, out string mark) ? mark : _importanceMarks[ImportanceLevel.Normal];

        /// <summary>The grade shown by a mark such as "📌 일반" (the grade word decides; the emoji may vary).</summary>
        public string ImportanceFromMark(string mark)
        {
            foreach (string grade in ImportanceLevel.All)
                if (mark != null && mark.Trim().EndsWith(grade, StringComparison.Ordinal)) return grade;
            return ImportanceLevel.Normal;
        }

        public string Title(DateTime day) => TitlePrefix + day.ToString(TitleDateFormat, CultureInfo.InvariantCulture);

        public bool TryParseTitle(string title, out DateTime day)
        {
            day = default;
            if (title == null || !title.StartsWith(TitlePrefix, StringComparison.Ordinal)) return false;
            return DateTime.TryParseExact(title.Substring(TitlePrefix.Length).Trim(), TitleDateFormat,
                CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
        }
    }
}
