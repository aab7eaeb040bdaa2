using System;
using System.Globalization;
using System.IO;
using AiNews.Common;

namespace AiNews.Jobs
{
    /// <summary>
    /// The outcome of one run of the scheduled job (Invoke-AiNewsJob): what a scheduler needs (the exit code)
    /// and what a person reading the log needs (one plain line per run).
    /// </summary>
    public sealed class JobResult
    {
        /// <summary>When the run started, in the job's time zone.</summary>
        public DateTimeOffset Started { get; set; }
        /// <summary>The window read: articles published from this moment on.</summary>
        public DateTimeOffset Since { get; set; }
        public JobStatus Status { get; private set; }
        public int SourcesRead { get; set; }
        public int SourcesTotal { get; set; }
        /// <summary>Articles filed into the archive by this run.</summary>
        public int New { get; set; }
        /// <summary>Articles collected but not filed: already archived, the same story, or not about AI.</summary>
        public int Skipped { get; set; }
        /// <summary>Error records written during the run (sources, pages, files).</summary>
        public int Errors { get; set; }
        /// <summary>The archive as the user named it.</summary>
        public string ArchivePath { get; set; }
        public string LogPath { get; set; }
        /// <summary>Day files (and pages) written.</summary>
        public string[] Files { get; set; } = new string[0];

        /// <summary>The process exit code for schedulers: 0 ok, 2 partial, 1 failed.</summary>
        public int ExitCode => Status == JobStatus.Ok ? 0 : Status == JobStatus.Failed ? 1 : 2;

        /// <summary>
        /// Decides the status: failed when no source could be read or the archive could not be written,
        /// partial when some sources or files failed, ok otherwise.
        /// </summary>
        public void Decide(bool archiveFailed, int filesFailed)
        {
            if (archiveFailed || SourcesRead == 0 && SourcesTotal > 0) Status = JobStatus.Failed;
            else if (SourcesRead < SourcesTotal || filesFailed > 0) Status = JobStatus.Partial;
            else Status = JobStatus.Ok;
        }

        /// <summary>The run as one plain line: <c>2026-11-30T07:00:02+09:00 ok sources=5/5 new=37 skipped=12 errors=0 archive=./news</c>.</summary>
        public string LogLine => string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd'T'HH:mm:sszzz} {1} sources={2}/{3} new={4} skipped={5} errors={6} archive={7}",
            Started, Status.ToString().ToLowerInvariant(), SourcesRead, SourcesTotal, New, Skipped, Errors, ArchivePath);

        /// <summary>Appends <see cref="LogLine"/> to <paramref name="path"/> (UTF-8, one line), creating its folder.</summary>
        public void AppendTo(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
            File.AppendAllText(path, LogLine + "\n", AtomicFile.Utf8NoBom);
        }

        public override string ToString() => LogLine;
    }
}
