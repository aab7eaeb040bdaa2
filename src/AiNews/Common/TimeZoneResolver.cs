using System;
using System.Collections.Generic;

namespace AiNews.Common
{
    /// <summary>
    /// Finds a time zone by IANA id ("Asia/Seoul") or Windows id ("Korea Standard Time") on any runtime:
    /// .NET on Linux/macOS knows IANA ids, .NET Framework (Windows PowerShell 5.1) knows only Windows ids.
    /// </summary>
    public static class TimeZoneResolver
    {
        // The zones our sources and users are in; anything else must be given in the runtime's own form.
        private static readonly Dictionary<string, string> IanaToWindows = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Asia/Seoul"] = "Korea Standard Time",
            ["Asia/Tokyo"] = "Tokyo Standard Time",
            ["Asia/Shanghai"] = "China Standard Time",
            ["Asia/Singapore"] = "Singapore Standard Time",
            ["Asia/Kolkata"] = "India Standard Time",
            ["Europe/London"] = "GMT Standard Time",
            ["Europe/Berlin"] = "W. Europe Standard Time",
            ["Europe/Paris"] = "Romance Standard Time",
            ["America/New_York"] = "Eastern Standard Time",
            ["America/Chicago"] = "Central Standard Time",
            ["America/Denver"] = "Mountain Standard Time",
            ["America/Los_Angeles"] = "Pacific Standard Time",
            ["Australia/Sydney"] = "AUS Eastern Standard Time",
            ["Etc/UTC"] = "UTC",
            ["UTC"] = "UTC",
        };

        /// <summary>The zone for <paramref name="id"/>; null or empty means the local zone.</summary>
        /// <exception cref="TimeZoneNotFoundException">No zone of that id on this machine, in either naming.</exception>
        public static TimeZoneInfo Find(string id)
        {
            if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Local;
            id = id.Trim();
            if (TryFind(id, out TimeZoneInfo zone)) return zone;
            foreach (var pair in IanaToWindows)
            {
                string other = string.Equals(pair.Key, id, StringComparison.OrdinalIgnoreCase) ? pair.Value
                    : string.Equals(pair.Value, id, StringComparison.OrdinalIgnoreCase) ? pair.Key : null;
                if (other != null && TryFind(other, out zone)) return zone;
            }
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
