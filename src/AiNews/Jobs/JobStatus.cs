namespace AiNews.Jobs
{
    /// <summary>How a run of the scheduled job ended; each has its own process exit code (<see cref="JobResult.ExitCode"/>).</summary>
    public enum JobStatus
    {
        /// <summary>Every source was read and everything new was filed (exit code 0).</summary>
        Ok,
        /// <summary>Some sources or files failed, but others were read and filed (exit code 2).</summary>
        Partial,
        /// <summary>Nothing could be collected, or nothing could be written (exit code 1).</summary>
        Failed,
    }
}
