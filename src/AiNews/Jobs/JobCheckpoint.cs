using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AiNews.Common;

namespace AiNews.Jobs
{
    /// <summary>
    /// What the scheduled job remembers between runs, in the archive itself (<c>.ainews/state.json</c>): when
    /// each source was last read successfully. The next run collects from that moment (less an overlap) instead
    /// of by calendar day, so a late, missed or hourly run loses nothing; the archive's dedupe makes the overlap
    /// harmless.
    /// </summary>
    public sealed class JobCheckpoint
    {
        /// <summary>The job's folder inside the archive root (state and log; hidden on Unix, ignored by the archive).</summary>
        public const string FolderName = ".ainews";
        public const string FileName = "state.json";
        public const string LogFileName = "job.log";

        /// <summary>
        /// The farthest back a run reads when it has no state, or when the last success is older: feeds seldom
        /// carry more than two days, and an archive that has not run for a week should not pull a week of pages.
        /// </summary>
        public static readonly TimeSpan DefaultMaxLookback = TimeSpan.FromHours(48);

        /// <summary>
        /// Read again this much before the last success: feeds publish items with a pubDate earlier than the
        /// moment they appear (CMS queues, embargoes, feed caches of a few hours).
        /// </summary>
        public static readonly TimeSpan DefaultOverlap = TimeSpan.FromHours(6);

        private readonly Dictionary<string, DateTimeOffset> _lastSuccess = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The last run, whatever its outcome.</summary>
        public DateTimeOffset? LastRun { get; set; }
        public JobStatus? LastStatus { get; set; }

        /// <summary>Per source id: the start of the last run that read its feed and filed what it held.</summary>
        public IReadOnlyDictionary<string, DateTimeOffset> LastSuccess => _lastSuccess;

        public static string PathIn(string archiveRoot) => Path.Combine(archiveRoot, FolderName, FileName);
        public static string DefaultLogPath(string archiveRoot) => Path.Combine(archiveRoot, FolderName, LogFileName);

        /// <summary>The state of the archive at <paramref name="archiveRoot"/>; empty when it has none.</summary>
        /// <exception cref="FormatException">The file is not a state file (the message names it); the job then starts afresh.</exception>
        public static JobCheckpoint Load(string archiveRoot)
        {
            var state = new JobCheckpoint();
            string path = PathIn(archiveRoot);
            if (!File.Exists(path)) return state;
            object root;
            try { root = Json.Parse(File.ReadAllText(path, Encoding.UTF8)); }
            catch (FormatException e) { throw new FormatException($"The job state '{path}' is not valid JSON ({e.Message}).", e); }
            if (!(root is IDictionary<string, object> obj)) throw new FormatException($"The job state '{path}' is not a JSON object.");
            state.LastRun = ParseTime(Json.String(obj, "lastRun"));
            if (Enum.TryParse(Json.String(obj, "lastStatus"), true, out JobStatus status)) state.LastStatus = status;
            if (Json.Get(obj, "lastSuccess") is IDictionary<string, object> sources)
                foreach (var pair in sources)
                {
                    DateTimeOffset? time = ParseTime(Json.AsString(pair.Value));
                    if (time.HasValue) state._lastSuccess[pair.Key] = time.Value;
                }
            return state;
        }

        /// <summary>
        /// Writes the state atomically: a killed job leaves the old state or the new one. A success another
        /// job recorded meanwhile (two runs that overlapped) is kept when it is later than this run's.
        /// </summary>
        public void Save(string archiveRoot)
        {
            JobCheckpoint onDisk;
            try { onDisk = Load(archiveRoot); }
            catch (FormatException) { onDisk = new JobCheckpoint(); }
            foreach (var pair in onDisk._lastSuccess)
                if (!_lastSuccess.TryGetValue(pair.Key, out DateTimeOffset mine) || mine < pair.Value) _lastSuccess[pair.Key] = pair.Value;

            var json = new StringBuilder("{\n");
            json.Append("  \"lastRun\": ").Append(LastRun.HasValue ? Json.Quote(Format(LastRun.Value)) : "null").Append(",\n");
            json.Append("  \"lastStatus\": ").Append(LastStatus.HasValue ? Json.Quote(LastStatus.Value.ToString().ToLowerInvariant()) : "null").Append(",\n");
            json.Append("  \"lastSuccess\": {");
            bool first = true;
            foreach (var pair in _lastSuccess.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                json.Append(first ? "\n" : ",\n").Append("    ").Append(Json.Quote(pair.Key)).Append(": ").Append(Json.Quote(Format(pair.Value)));
                first = false;
            }
            json.Append(first ? "}\n}\n" : "\n  }\n}\n");
            AtomicFile.WriteAllText(PathIn(archiveRoot), json.ToString());
        }

        /// <summary>Records that <paramref name="sourceId"/> was read and filed by the run that started at <paramref name="runStart"/>.</summary>
        public void Succeeded(string sourceId, DateTimeOffset runStart) => _lastSuccess[sourceId] = runStart;

        /// <summary>
        /// Where a run starting at <paramref name="now"/> reads from: the oldest last success among the
        /// sources, less <paramref name="overlap"/>, but never more than <paramref name="maxLookback"/> back
        /// (also for a source never read successfully).
        /// </summary>
        public DateTimeOffset Since(IEnumerable<string> sourceIds, DateTimeOffset now, TimeSpan maxLookback, TimeSpan overlap)
        {
            DateTimeOffset floor = SafeSubtract(now, maxLookback);
            DateTimeOffset since = now;
            foreach (string id in sourceIds)
            {
                if (!_lastSuccess.TryGetValue(id, out DateTimeOffset last) || last > now) return floor;
                DateTimeOffset from = SafeSubtract(last, overlap);
                if (from < since) since = from;
            }
            return since < floor ? floor : since;
        }

        // An -AsOf near year 1 must not overflow: the window then starts at the earliest representable moment.
        private static DateTimeOffset SafeSubtract(DateTimeOffset time, TimeSpan span) =>
            time.UtcTicks - DateTimeOffset.MinValue.UtcTicks > span.Ticks ? time - span : DateTimeOffset.MinValue;

        private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        private static DateTimeOffset? ParseTime(string text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset time) ? time : (DateTimeOffset?)null;
    }
}
