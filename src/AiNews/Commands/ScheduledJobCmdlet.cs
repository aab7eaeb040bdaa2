using System;
using System.Management.Automation;
using AiNews.Jobs;

namespace AiNews.Commands
{
    /// <summary>What Register-AiNewsJob and Unregister-AiNewsJob share: which scheduler this system has, and how each is driven.</summary>
    public abstract class ScheduledJobCmdlet : AiNewsCmdlet
    {
        /// <summary>The Task Scheduler folder of AiNews tasks.</summary>
        protected const string TaskPath = "\\AiNews\\";

        /// <summary>The job's name: the crontab marker, or the task's name.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(@"^[\w.-]+$")]
        public string Name { get; set; } = "AiNews";

        protected static bool OnWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

        protected string SchedulerName => OnWindows ? "TaskScheduler" : "cron";

        /// <summary>The crontab, or a terminating error that says how to get cron.</summary>
        protected string ReadCrontab()
        {
            try { return SystemCrontab.Read(); }
            catch (InvalidOperationException e)
            {
                ThrowTerminating(ErrorIds.SchedulerUnavailable, ErrorCategory.NotInstalled, "crontab", e.Message, e);
                return null;
            }
        }

        protected void WriteCrontab(string text)
        {
            try { SystemCrontab.Write(text); }
            catch (InvalidOperationException e) { ThrowTerminating(ErrorIds.SchedulerUnavailable, ErrorCategory.WriteError, "crontab", e.Message, e); }
        }

        /// <summary>Runs a script of the ScheduledTasks module (Windows) in this runspace; its errors stop the command.</summary>
        protected void RunTaskScript(string script, System.Collections.IDictionary parameters)
        {
            using (PowerShell ps = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                ps.AddScript(script).AddParameters(parameters);
                try { ps.Invoke(); }
                catch (RuntimeException e)
                {
                    ThrowTerminating(ErrorIds.SchedulerUnavailable, ErrorCategory.InvalidOperation, Name, $"Task Scheduler refused the change: {e.Message}", e);
                }
                if (ps.HadErrors && ps.Streams.Error.Count > 0)
                    ThrowTerminating(ErrorIds.SchedulerUnavailable, ErrorCategory.InvalidOperation, Name,
                        $"Task Scheduler refused the change: {ps.Streams.Error[0].Exception.Message}", ps.Streams.Error[0].Exception);
            }
        }
    }
}
