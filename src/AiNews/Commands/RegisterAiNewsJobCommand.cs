using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AiNews.Jobs;

namespace AiNews.Commands
{
    /// <summary>
    /// Schedules the AiNews job (module/ainews-job.ps1, i.e. Invoke-AiNewsJob) with the system's scheduler:
    /// a crontab entry on Linux and macOS, a Task Scheduler task on Windows; hourly by default. The entry runs
    /// the installed PowerShell with this module's own copy of the job script, so it works from any folder.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "AiNewsJob", SupportsShouldProcess = true)]
    [OutputType(typeof(ScheduledJobInfo))]
    public sealed class RegisterAiNewsJobCommand : ScheduledJobCmdlet
    {
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string ArchivePath { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        public string[] Source { get; set; }

        [Parameter]
        public string SourceFile { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string TimeZone { get; set; }

        /// <summary>Hourly (the default: articles are filed as they appear) or Daily.</summary>
        [Parameter]
        [ValidateSet("Hourly", "Daily", IgnoreCase = true)]
        public string Schedule { get; set; } = "Hourly";

        /// <summary>The time of day (Daily), or the minute past each hour (Hourly).</summary>
        [Parameter]
        public TimeSpan At { get; set; } = DefaultAt;

        /// <summary>Replace a job of the same name.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Seven minutes past: off the round minute most schedulers (and feeds' own cron jobs) crowd on.</summary>
        private static readonly TimeSpan DefaultAt = new TimeSpan(7, 7, 0);

        protected override void EndProcessing()
        {
            if (At < TimeSpan.Zero || At >= TimeSpan.FromDays(1))
                ThrowTerminating(ErrorIds.InvalidSchedule, ErrorCategory.InvalidArgument, At, "-At is a time of day, from 00:00 to 23:59.");
            bool hourly = string.Equals(Schedule, "Hourly", StringComparison.OrdinalIgnoreCase);
            string archive = FileSystemPath(ArchivePath);
            string script = Path.Combine(MyInvocation.MyCommand.Module?.ModuleBase ?? AppDomain.CurrentDomain.BaseDirectory, "module", "ainews-job.ps1");
            if (!File.Exists(script))
                ThrowTerminating(ErrorIds.SchedulerUnavailable, ErrorCategory.ObjectNotFound, script, $"The job script '{script}' is missing; reinstall the AiNews module.");

            var arguments = new List<string> { "-NoProfile", "-NonInteractive" };
            if (OnWindows) arguments.AddRange(new[] { "-ExecutionPolicy", "Bypass" });
            arguments.AddRange(new[] { "-File", script, "-ArchivePath", archive });
            if (Source != null && Source.Length > 0) arguments.AddRange(new[] { "-Source", string.Join(",", Source) });
            if (!string.IsNullOrEmpty(SourceFile)) arguments.AddRange(new[] { "-SourceFile", FileSystemPath(SourceFile) });
            if (!string.IsNullOrEmpty(TimeZone)) arguments.AddRange(new[] { "-TimeZone", TimeZone });
            string[] shell = PowerShellExecutable();
            var info = new ScheduledJobInfo
            {
                Name = Name, Scheduler = SchedulerName, Schedule = hourly ? "Hourly" : "Daily", ArchivePath = archive,
                LogPath = JobCheckpoint.DefaultLogPath(archive),
            };

            if (OnWindows) RegisterTask(info, shell, arguments, hourly);
            else RegisterCron(info, shell, arguments, hourly);
        }

        // A scheduled run is always a cold process: with tiered compilation .NET first runs every method as quick,
        // unoptimised code and re-optimises only the hot ones later, which made the first Get-AiArticle over a batch of
        // pages 2.2x slower than with optimised code from the start (bench/RESULTS.md, "Speed and scale"). cron runs
        // the line with sh, so the variable applies to that one process; on Windows see TaskAction.
        private const string ColdStartEnvironment = TaskAction.ColdStartVariable + "=" + TaskAction.ColdStartValue;

        private void RegisterCron(ScheduledJobInfo info, string[] shell, List<string> arguments, bool hourly)
        {
            // The job's own output (its summary line and any errors) goes beside its log; cron would mail it or drop it.
            string output = Path.Combine(Path.GetDirectoryName(info.LogPath), "job.out");
            info.Command = ColdStartEnvironment + " " + string.Join(" ", shell.Concat(arguments).Select(Crontab.ShellQuote))
                + " >> " + Crontab.ShellQuote(output) + " 2>&1";
            info.When = Crontab.Schedule(hourly, At);
            string current = ReadCrontab();
            if (Crontab.EntryOf(current, Name) != null && !Force)
                ThrowTerminating(ErrorIds.JobExists, ErrorCategory.ResourceExists, Name,
                    $"A job named '{Name}' is already in the crontab. Use -Force to replace it, or -Name for a second job.");
            if (!ShouldProcess($"crontab of {Environment.UserName}", $"{(hourly ? "Every hour" : "Every day")} at {info.When}: {info.Command}")) return;
            Directory.CreateDirectory(Path.GetDirectoryName(info.LogPath));   // the redirection needs the folder before the first run
            WriteCrontab(Crontab.WithJob(current, Name, info.When, info.Command));
            WriteVerbose($"Added '{Name}' to the crontab of {Environment.UserName}; each run appends a line to {info.LogPath}.");
            WriteObject(info);
        }

        private void RegisterTask(ScheduledJobInfo info, string[] shell, List<string> arguments, bool hourly)
        {
            // PowerShell 7 runs on .NET with tiered compilation; Windows PowerShell 5.1 on .NET Framework has none.
            bool tiered = !IsDesktopEdition;
            TaskAction action = TaskAction.For(shell, arguments, tiered, Path.Combine(Environment.SystemDirectory, "cmd.exe"));
            if (tiered && !action.Untiered)
                WriteVerbose($"An argument holds % or a quote, which cmd.exe would change; the task starts PowerShell directly, without {ColdStartEnvironment}.");
            info.Command = action.CommandLine;
            DateTime start = DateTime.Today + (hourly ? TimeSpan.FromMinutes(At.Minutes) : At);
            info.When = hourly ? $"every hour at :{At.Minutes:00}" : $"every day at {At:hh\\:mm}";
            if (!ShouldProcess($"Task Scheduler {TaskPath}{Name}", $"{info.When}: {info.Command}")) return;
            const string script = @"param($Name, $TaskPath, $Execute, $Argument, $Start, $Hourly, $Force)
$action = New-ScheduledTaskAction -Execute $Execute -Argument $Argument
$trigger = if ($Hourly) { New-ScheduledTaskTrigger -Once -At $Start -RepetitionInterval (New-TimeSpan -Hours 1) } else { New-ScheduledTaskTrigger -Daily -At $Start }
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -MultipleInstances IgnoreNew -ExecutionTimeLimit (New-TimeSpan -Hours 1)
Register-ScheduledTask -TaskName $Name -TaskPath $TaskPath -Action $action -Trigger $trigger -Settings $settings -Description 'AiNews daily digest job (Register-AiNewsJob)' -Force:$Force -ErrorAction Stop | Out-Null";
            RunTaskScript(script, new Hashtable
            {
                ["Name"] = Name, ["TaskPath"] = TaskPath, ["Execute"] = action.Execute, ["Argument"] = action.Argument, ["Start"] = start,
                ["Hourly"] = hourly, ["Force"] = Force.IsPresent,
            });
            WriteObject(info);
        }

        private bool IsDesktopEdition =>
            string.Equals(SessionState.PSVariable.GetValue("PSEdition") as string, "Desktop", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The installed PowerShell that runs the job: Windows PowerShell for 5.1, else pwsh on PATH, else this
        /// very PowerShell (a dotnet tool runs as "dotnet pwsh.dll", which works from any folder).
        /// </summary>
        private string[] PowerShellExecutable()
        {
            if (IsDesktopEdition)
                return new[] { Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "WindowsPowerShell", "v1.0", "powershell.exe") };
            string onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Where(d => d.Length > 0).Select(d => Path.Combine(d, OnWindows ? "pwsh.exe" : "pwsh")).FirstOrDefault(File.Exists);
            if (onPath != null) return new[] { onPath };
            string self = Process.GetCurrentProcess().MainModule.FileName;
            string home = SessionState.PSVariable.GetValue("PSHOME") as string;
            if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase) && home != null)
                return new[] { self, Path.Combine(home, "pwsh.dll") };
            return new[] { self };
        }
    }
}
