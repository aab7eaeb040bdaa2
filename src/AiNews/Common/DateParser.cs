using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AiNews.Common
{
    /// <summary>
    /// The product's one date parser: RFC 822/1123 as real feeds write it, ISO 8601 / W3C-DTF, and the zone-less forms of
    /// Korean and other sites. A date without a zone is read in the zone given by the caller (the source's zone), never
    /// in the machine's. Text that is not a date yields false, never "now".
    /// </summary>
    public static class DateParser
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
        private const string Time = @"(?<h>\d{1,2})[:.](?<mi>\d{2})(?:[:.](?<s>\d{2})(?:[.,](?<f>\d{1,7})\d*)?)?";
        private const string Zone = @"(?<z>Z|[+\-−]\d{1,2}(?::?\d{2})?|\(?[A-Z]{1,5}\)?(?:\s*[+\-]\d{1,2}(?::?\d{2})?)?)";
        private const string AmPm = @"(?<ap>[ap]\.?\s?m\.?|오전|오후)";

        // 2004-01-01, 2004-01-01T12:00:00.123+09:00, 20040101T120000Z, 2025-12-27 10:00, 2004-01, 2004
        private static readonly Regex Iso = new Regex(
            @"^(?<y>\d{4})(?:-?(?<mo>\d{2})(?:-?(?<d>\d{2}))?)?(?:(?:T|\s+)(?<h>\d{2}):?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d{1,7})\d*)?)?)?\s*" + Zone + "?$",
            Options);

        // Thu, 01 Jan 2004 19:48:21 GMT; Thu,01 Jan 04 19:48 +0900; 01-01-2004 19:48:21 KST; Thu, 01 01 2004 ...
        private static readonly Regex Rfc822 = new Regex(
            @"^(?:(?<dow>[A-Z]{2,9})\.?(?:\s*,\s*|\s+))?(?<d>\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+(?<mo>[A-Z]{3,9}|\d{1,2})\.?,?[\s\-/.]+(?<y>\d{4}|\d{2})" +
            @"(?:(?:\s+|\s*,\s*|T|\s*-\s*)" + Time + @"\s*" + AmPm + "?)?" + @"\s*" + Zone + "?$",
            Options);

        // Thu, Jan 01 2004 19:48:21 GMT; January 1, 2004 7:48 PM; Jan 1 2004
        private static readonly Regex MonthFirst = new Regex(
            @"^(?:(?<dow>[A-Z]{2,9})\.?(?:\s*,\s*|\s+))?(?<mo>[A-Z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?<y>\d{4})" +
            @"(?:(?:\s+|\s*,\s*|\s+at\s+)" + Time + @"\s*" + AmPm + "?)?" + @"\s*" + Zone + "?$",
            Options);

        // asctime: Thu Jan  1 19:48:21 2004 [GMT]
        private static readonly Regex AscTime = new Regex(
            @"^(?<dow>[A-Z]{2,9})\s+(?<mo>[A-Z]{3,9})\s+(?<d>\d{1,2})\s+" + Time + @"\s+(?<y>\d{4})\s*" + Zone + "?$", Options);

        // 2025.12.27 10:00, 2025/12/27 오후 3:20, 2025. 12. 27. (토) 15:20, 2025년 12월 27일 오후 3시 20분
        private static readonly Regex YearFirst = new Regex(
            @"^(?<y>\d{4})\s*(?:년|[.\-/])\s*(?<mo>\d{1,2})\s*(?:월|[.\-/])\s*(?<d>\d{1,2})\s*(?:일|\.)?" +
            @"(?:\s*(?:\([^)]*\)|[월화수목금토일]요일))?" +
            @"(?:\s*(?:T|\s|,)?\s*" + AmPm + @"?\s*(?<h>\d{1,2})\s*(?:[:.]|시)\s*(?:(?<mi>\d{1,2})\s*분?)?(?:\s*[:.]?\s*(?<s>\d{2})\s*초?)?\s*" + AmPm.Replace("<ap>", "<ap2>") + "?)?" +
            @"\s*" + Zone + "?$",
            Options);

        private static readonly Dictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
            ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
        };

        private static readonly Dictionary<string, int> ZoneMinutes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["Z"] = 0, ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["WET"] = 0,
            ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300,
            ["MST"] = -420, ["MDT"] = -360, ["PST"] = -480, ["PDT"] = -420,
            ["AKST"] = -540, ["AKDT"] = -480, ["HST"] = -600, ["AST"] = -240, ["ADT"] = -180, ["NST"] = -210,
            ["BST"] = 60, ["IST"] = 330, ["CET"] = 60, ["CEST"] = 120, ["MET"] = 60, ["MEST"] = 120,
            ["EET"] = 120, ["EEST"] = 180, ["WEST"] = 60, ["MSK"] = 180,
            ["KST"] = 540, ["JST"] = 540, ["HKT"] = 480, ["SGT"] = 480, ["AWST"] = 480,
            ["ACST"] = 570, ["ACDT"] = 630, ["AEST"] = 600, ["AEDT"] = 660, ["NZST"] = 720, ["NZDT"] = 780,
        };

        /// <summary>
        /// Parses <paramref name="text"/>. A date without a zone is read in <paramref name="zoneForZoneless"/> (UTC when null).
        /// False when the text is not a date this parser knows, names an impossible date, or one outside <see cref="DateRange"/>.
        /// </summary>
        public static bool TryParse(string text, TimeZoneInfo zoneForZoneless, out DateTimeOffset value) =>
            TryParse(text, zoneForZoneless, out value, out _);

        /// <summary>
        /// Like <see cref="TryParse(string, TimeZoneInfo, out DateTimeOffset)"/>; when the text is a date but outside
        /// <see cref="DateRange"/>, <paramref name="outOfRange"/> says why (the date is treated as missing).
        /// </summary>
        public static bool TryParse(string text, TimeZoneInfo zoneForZoneless, out DateTimeOffset value, out string outOfRange)
        {
            outOfRange = null;
            if (!TryParseAny(text, zoneForZoneless, out value)) return false;
            outOfRange = DateRange.Problem(value);
            if (outOfRange == null) return true;
            value = default;
            return false;
        }

        private static bool TryParseAny(string text, TimeZoneInfo zoneForZoneless, out DateTimeOffset value)
        {
            value = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            string s = Regex.Replace(text.Trim(), @"\s+", " ");
            // A trailing comment such as "+0900 (KST)" or "(Korea Standard Time)" adds nothing to an explicit offset.
            s = Regex.Replace(s, @"(?<=[+\-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|Z))\s*\([^)]*\)$", string.Empty, Options);
            if (s.Length > 100) return false;
            zoneForZoneless = zoneForZoneless ?? TimeZoneInfo.Utc;

            Match m = Iso.Match(s);
            if (m.Success && TryBuild(m, zoneForZoneless, out value)) return true;
            foreach (Regex r in new[] { Rfc822, MonthFirst, AscTime, YearFirst })
            {
                m = r.Match(s);
                if (m.Success && TryBuild(m, zoneForZoneless, out value)) return true;
            }
            return false;
        }

        /// <summary>
        /// A date written as the whole text or inside it, as pages write them ("입력 2025.12.27 10:00",
        /// "Published: 2025-12-27T10:00:00Z"): the whole text first, then its first date-like part. Null when none.
        /// </summary>
        public static DateTimeOffset? Find(string text, TimeZoneInfo zoneForZoneless)
        {
            DateTimeOffset? whole = Parse(text, zoneForZoneless);
            if (whole.HasValue || string.IsNullOrWhiteSpace(text)) return whole;
            Match part = DateInText.Match(text);
            return part.Success ? Parse(part.Value, zoneForZoneless) : null;
        }

        /// <summary>Whether <paramref name="text"/> states its offset from UTC (a date that does is preferred to one that does not).</summary>
        public static bool HasOffset(string text) => !string.IsNullOrWhiteSpace(text) && StatedOffset.IsMatch(text.Trim());

        private static readonly Regex DateInText = new Regex(
            @"\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?", Options);

        private static readonly Regex StatedOffset = new Regex(@"(Z|[+-]\d{2}:?\d{2}|\b(GMT|UTC|UT)\b)\s*$", Options);

        /// <summary>
        /// A date a user wrote or a tool exported (an Import-Csv cell, a hashtable value): ISO 8601 first, which means the
        /// same on every machine, then <paramref name="culture"/> (the one Export-Csv wrote it in: under de-DE "03.04.2026"
        /// is 3 April), then the invariant culture. A date without an offset is local time, as PowerShell reads it.
        /// Unlike <see cref="TryParse"/> it does not judge the range; the article does.
        /// </summary>
        public static bool TryParseUserText(string text, CultureInfo culture, out DateTimeOffset value)
        {
            value = default;
            string t = text?.Trim();
            if (string.IsNullOrEmpty(t)) return false;
            const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeLocal;
            if (Iso.IsMatch(t) && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, styles, out value)) return true;
            return DateTimeOffset.TryParse(t, culture ?? CultureInfo.CurrentCulture, styles, out value)
                || DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, styles, out value);
        }

        /// <summary>Like <see cref="TryParse"/>, or null.</summary>
        public static DateTimeOffset? Parse(string text, TimeZoneInfo zoneForZoneless) =>
            TryParse(text, zoneForZoneless, out DateTimeOffset value) ? value : (DateTimeOffset?)null;

        private static bool TryBuild(Match m, TimeZoneInfo zoneForZoneless, out DateTimeOffset value)
        {
            value = default;
            int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["y"].Value.Length == 2) year += year < 50 ? 2000 : 1900;
            int month = 1;
            string mo = m.Groups["mo"].Value;
            if (mo.Length > 0)
            {
                if (char.IsDigit(mo[0])) month = int.Parse(mo, CultureInfo.InvariantCulture);
                else if (!Months.TryGetValue(mo.Length > 3 && !mo.Equals("sept", StringComparison.OrdinalIgnoreCase) ? mo.Substring(0, 3) : mo, out month)) return false;
            }
            int day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
            int hour = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
            int minute = m.Groups["mi"].Success && m.Groups["mi"].Length > 0 ? int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
            int second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
            long ticks = 0;
            if (m.Groups["f"].Success) ticks = long.Parse(m.Groups["f"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture);

            string ap = m.Groups["ap"].Success ? m.Groups["ap"].Value : m.Groups["ap2"].Success ? m.Groups["ap2"].Value : null;
            if (!string.IsNullOrEmpty(ap))
            {
                bool pm = ap == "오후" || char.ToLowerInvariant(ap[0]) == 'p';
                if (hour < 1 || hour > 12) return false;
                if (pm && hour < 12) hour += 12;
                else if (!pm && hour == 12) hour = 0;
            }
            if (second == 60) second = 59; // a leap second is not worth failing for
            bool endOfDay = hour == 24 && minute == 0 && second == 0;
            if (endOfDay) hour = 0;

            DateTime local;
            try
            {
                local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
                if (endOfDay) local = local.AddDays(1);
            }
            catch (ArgumentOutOfRangeException) { return false; }

            string zone = m.Groups["z"].Success ? m.Groups["z"].Value.Trim() : string.Empty;
            if (!TryZoneOffset(zone, out TimeSpan? offset)) return false;
            try
            {
                if (offset.HasValue)
                {
                    value = new DateTimeOffset(local, offset.Value);
                    return true;
                }
                // Zone-less: the source's wall clock. A time in a DST gap moves forward by the gap.
                while (zoneForZoneless.IsInvalidTime(local)) local = local.AddMinutes(30);
                value = new DateTimeOffset(local, zoneForZoneless.GetUtcOffset(local));
                return true;
            }
            catch (ArgumentException) { return false; }
        }

        /// <summary>Offset of a zone token; null offset for no zone (or a name we do not know, read as zone-less).</summary>
        private static bool TryZoneOffset(string zone, out TimeSpan? offset)
        {
            offset = null;
            if (zone.Length == 0) return true;
            zone = zone.Replace('−', '-').Replace("(", string.Empty).Replace(")", string.Empty).Trim();
            // "GMT+09:00", "UTC-5": a name followed by an offset; the offset counts.
            Match combined = Regex.Match(zone, @"^(?:GMT|UTC|UT)\s*(?<o>[+\-].*)$", Options);
            if (combined.Success) zone = combined.Groups["o"].Value;
            if (zone[0] == '+' || zone[0] == '-')
            {
                string digits = zone.Substring(1).Replace(":", string.Empty);
                int hours, minutes = 0;
                if (digits.Length <= 2) hours = int.Parse(digits, CultureInfo.InvariantCulture);
                else
                {
                    hours = int.Parse(digits.Substring(0, digits.Length - 2), CultureInfo.InvariantCulture);
                    minutes = int.Parse(digits.Substring(digits.Length - 2), CultureInfo.InvariantCulture);
                }
                if (hours > 14 || minutes > 59) return false;
                var span = new TimeSpan(hours, minutes, 0);
                offset = zone[0] == '-' ? span.Negate() : span;
                return true;
            }
            if (ZoneMinutes.TryGetValue(zone, out int known))
            {
                offset = TimeSpan.FromMinutes(known);
                return true;
            }
            // RFC 822 military letters other than Z were defined with the wrong sign; like an unknown name, read zone-less.
            return true;
        }
    }
}
