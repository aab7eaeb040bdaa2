using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Jobs
{
    /// <summary>
    /// Edits a user's crontab text (crontab(5)) for Register-AiNewsJob: each AiNews entry is a marker comment
    /// naming the job followed by its schedule line, so it can be found, replaced and removed without touching
    /// the user's other lines.
    /// </summary>
    public static class Crontab
    {
        private const string MarkerPrefix = "# AiNews job: ";
        private const string MarkerSuffix = " (Register-AiNewsJob; remove with Unregister-AiNewsJob)";

        /// <summary>The names of the AiNews jobs in <paramref name="crontab"/>.</summary>
        public static IEnumerable<string> JobNames(string crontab) =>
            Lines(crontab).Where(l => l.StartsWith(MarkerPrefix, StringComparison.Ordinal)).Select(NameOf);

        /// <summary>The schedule line of job <paramref name="name"/>, or null.</summary>
        public static string EntryOf(string crontab, string name)
        {
            List<string> lines = Lines(crontab);
            int at = lines.FindIndex(l => IsMarkerOf(l, name));
            return at >= 0 && at + 1 < lines.Count ? lines[at + 1] : null;
        }

        /// <summary><paramref name="crontab"/> with job <paramref name="name"/> set to run <paramref name="command"/> at <paramref name="schedule"/> (five cron fields).</summary>
        public static string WithJob(string crontab, string name, string schedule, string command)
        {
            if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(new[] { '\r', '\n' }) >= 0) throw new ArgumentException("A job name is one line of text.", nameof(name));
            List<string> lines = Lines(WithoutJob(crontab, name));
            lines.Add(MarkerPrefix + name + MarkerSuffix);
            // In a crontab line an unescaped % ends the command (the rest becomes its stdin).
            lines.Add(schedule + " " + command.Replace("%", "\\%"));
            return string.Join("\n", lines) + "\n";
        }

        /// <summary><paramref name="crontab"/> without job <paramref name="name"/> (its marker and schedule line).</summary>
        public static string WithoutJob(string crontab, string name)
        {
            List<string> lines = Lines(crontab);
            int at;
            while ((at = lines.FindIndex(l => IsMarkerOf(l, name))) >= 0)
                lines.RemoveRange(at, Math.Min(2, lines.Count - at));
            return lines.Count == 0 ? string.Empty : string.Join("\n", lines) + "\n";
        }

        /// <summary>Five cron fields: every hour at <paramref name="at"/>'s minute, or every day at <paramref name="at"/>.</summary>
        public static string Schedule(bool hourly, TimeSpan at) =>
            hourly ? $"{at.Minutes} * * * *" : $"{at.Minutes} {at.Hours} * * *";

        /// <summary>Quotes one argument for /bin/sh, which runs crontab commands.</summary>
        public static string ShellQuote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";

        private static bool IsMarkerOf(string line, string name) =>
            line.StartsWith(MarkerPrefix, StringComparison.Ordinal) && string.Equals(NameOf(line), name, StringComparison.OrdinalIgnoreCase);

        private static string NameOf(string marker)
        {
            string rest = marker.Substring(MarkerPrefix.Length);
            return rest.EndsWith(MarkerSuffix, StringComparison.Ordinal) ? rest.Substring(0, rest.Length - MarkerSuffix.Length) : rest;
        }

        private static List<string> Lines(string text)
        {
            var lines = new List<string>((text ?? string.Empty).Replace("\r\n", "\n").Split('\n'));
            while (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
            return lines;
        }
    }
}
