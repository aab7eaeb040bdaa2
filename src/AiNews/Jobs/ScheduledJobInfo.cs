namespace AiNews.Jobs
{
    /// <summary>A job registered by Register-AiNewsJob: where it is registered, when it runs and what it runs.</summary>
    public sealed class ScheduledJobInfo
    {
        public string Name { get; set; }
        /// <summary>"cron" (Linux, macOS) or "TaskScheduler" (Windows).</summary>
        public string Scheduler { get; set; }
        /// <summary>Hourly or Daily.</summary>
        public string Schedule { get; set; }
        /// <summary>The cron fields, or the task's start time.</summary>
        public string When { get; set; }
        /// <summary>The command line the scheduler runs.</summary>
        public string Command { get; set; }
        public string ArchivePath { get; set; }
        /// <summary>The job log: one line per run.</summary>
        public string LogPath { get; set; }
    }
}
