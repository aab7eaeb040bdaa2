using System;
using TimeZoneConverter;

namespace AiNews.Common
{
    /// <summary>
    /// Finds a time zone by IANA id ("Asia/Seoul") or Windows id ("Korea Standard Time") on any runtime:
    /// .NET on Linux/macOS knows IANA ids, .NET Framework (Windows PowerShell 5.1) knows only Windows ids; every zone of
    /// either naming is mapped to the other through CLDR's table (the TimeZoneConverter package). The one place that
    /// turns a zone id into a TimeZoneInfo.
    /// </summary>
    public static class TimeZoneResolver
    {
        /// <summary>The zone for <paramref name="id"/>; null or empty means the local zone.</summary>
        /// <exception cref="TimeZoneNotFoundException">No zone of that id on this machine, in either naming.</exception>
        public static TimeZoneInfo Find(string id)
        {
            if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Local;
            id = id.Trim();
            if (TryFind(id, out TimeZoneInfo zone)) return zone;
            // The other naming, from CLDR's table of every zone (TimeZoneConverter): an IANA id on .NET Framework, a
            // Windows id where the runtime knows IANA ids only; and an IANA alias this machine's tzdata lacks, through
            // the Windows zone to its canonical IANA id.
            if (TZConvert.TryIanaToWindows(id, out string windows))
            {
                if (TryFind(windows, out zone)) return zone;
                if (TZConvert.TryWindowsToIana(windows, out string canonical) && TryFind(canonical, out zone)) return zone;
            }
            if (TZConvert.TryWindowsToIana(id, out string iana) && TryFind(iana, out zone)) return zone;
            throw new TimeZoneNotFoundException(
                $"Time zone '{id}' is not known on this machine. Use an IANA id such as 'Asia/Seoul' or a Windows id such as 'Korea Standard Time'.");
        }

        private static bool TryFind(string id, out TimeZoneInfo zone)
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(id);
                return true;
            }
            catch (TimeZoneNotFoundException) { }
            catch (InvalidTimeZoneException) { }
            zone = null;
            return false;
        }

        /// <summary>The calendar day of an instant in a zone; at the ends of DateTimeOffset, the first or last day there is.</summary>
        public static DateTime DayOf(DateTimeOffset instant, TimeZoneInfo zone)
        {
            // Within a day of either end the zone's offset can carry the local time past DateTime's range.
            if (instant.UtcTicks < DateTime.MinValue.Ticks + TimeSpan.TicksPerDay) return DateTime.MinValue.Date;
            if (instant.UtcTicks > DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay) return DateTime.MaxValue.Date;
            return TimeZoneInfo.ConvertTime(instant, zone).Date;
        }

        /// <summary>
        /// Midnight at the start of a calendar day in a zone. The first day's midnight east of UTC (and the last
        /// one's west of it) lies outside DateTimeOffset; the nearest instant there is stands for it.
        /// </summary>
        public static DateTimeOffset StartOfDay(DateTime day, TimeZoneInfo zone)
        {
            var local = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
            // A day that starts in a DST gap begins at the first valid minute after it.
            while (zone.IsInvalidTime(local) && local < DateTime.MaxValue.AddHours(-1)) local = local.AddMinutes(30);
            TimeSpan offset = zone.GetUtcOffset(local);
            long utcTicks = local.Ticks - offset.Ticks;
            if (utcTicks < DateTimeOffset.MinValue.UtcTicks) return DateTimeOffset.MinValue;
            if (utcTicks > DateTimeOffset.MaxValue.UtcTicks) return DateTimeOffset.MaxValue;
            return new DateTimeOffset(local, offset);
        }

        /// <summary><paramref name="day"/> moved by <paramref name="days"/>, stopping at the first or last day a DateTime has.</summary>
        public static DateTime AddDays(DateTime day, int days)
        {
            long ticks = day.Date.Ticks + days * TimeSpan.TicksPerDay;
            if (ticks < DateTime.MinValue.Ticks) return DateTime.MinValue.Date;
            if (ticks > DateTime.MaxValue.Date.Ticks) return DateTime.MaxValue.Date;
            return new DateTime(ticks, day.Kind);
        }
    }
}
