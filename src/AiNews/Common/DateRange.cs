using System;
using System.Globalization;

namespace AiNews.Common
{
    /// <summary>
    /// The publication dates an article can plausibly have. A feed or page that says 0001-01-01 or 9999-12-31
    /// means "no date" (an unset field, a placeholder, a typo), and such values sit at the ends of DateTimeOffset,
    /// where day arithmetic in a zone overflows. A date outside this range is treated as missing wherever a date
    /// enters: <see cref="DateParser"/> for text, <see cref="Article.Published"/> for everything else.
    /// </summary>
    public static class DateRange
    {
        /// <summary>
        /// No article we read is older: the web itself dates from 1991. An earlier date is a placeholder such as
        /// 0001-01-01 or the Unix epoch.
        /// </summary>
        public const int EarliestYear = 1990;

        /// <summary>
        /// How far ahead of now a date may be: zones run to UTC+14, publishers' clocks drift and embargoed items carry
        /// tomorrow's date; beyond two days a date is an error, and it would file the article under a day to come.
        /// </summary>
        public const int MaxDaysAhead = 2;

        /// <summary>The earliest date kept: midnight UTC at the start of <see cref="EarliestYear"/>.</summary>
        public static readonly DateTimeOffset Earliest = new DateTimeOffset(EarliestYear, 1, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>The latest date kept, now: <see cref="MaxDaysAhead"/> days from this moment.</summary>
        public static DateTimeOffset Latest => DateTimeOffset.UtcNow.AddDays(MaxDaysAhead);

        public static bool Contains(DateTimeOffset value) => Problem(value) == null;

        /// <summary>Why <paramref name="value"/> is no plausible publication date, or null when it is one.</summary>
        public static string Problem(DateTimeOffset value)
        {
            string shown = value.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
            if (value < Earliest) return $"{shown} is before {EarliestYear}";
            if (value > Latest) return $"{shown} is more than {MaxDaysAhead} days ahead of now";
            return null;
        }

        /// <summary>
        /// Why a calendar day in <paramref name="zone"/> (a digest's day, a date line read back, -Date) is out of range,
        /// or null when some moment of it is in range. West of UTC the first day of the range is 1989-12-31.
        /// </summary>
        public static string DayProblem(DateTime day, TimeZoneInfo zone)
        {
            string shown = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (TimeZoneResolver.StartOfDay(TimeZoneResolver.AddDays(day, 1), zone) <= Earliest) return $"{shown} is before {EarliestYear}";
            if (TimeZoneResolver.StartOfDay(day, zone) > Latest) return $"{shown} is more than {MaxDaysAhead} days ahead of today";
            return null;
        }

        /// <summary>
        /// The first moment of a day in range (see <see cref="DayProblem"/>): its midnight in <paramref name="zone"/>, or
        /// <see cref="Earliest"/> on the day that begins before it, so that the day reads back as itself.
        /// </summary>
        public static DateTimeOffset FirstMomentOf(DateTime day, TimeZoneInfo zone)
        {
            DateTimeOffset start = TimeZoneResolver.StartOfDay(day, zone);
            return start < Earliest ? TimeZoneInfo.ConvertTime(Earliest, zone) : start;
        }
    }
}
