using System;
using System.Collections;
using System.Management.Automation;
using AiNews.Jobs;

namespace AiNews.Commands
{
    /// <summary>Removes a job that Register-AiNewsJob scheduled: its crontab entry, or its Task Scheduler task.</summary>
    [Cmdlet(VerbsLifecycle.Unregister, "AiNewsJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class UnregisterAiNewsJobCommand : ScheduledJobCmdlet
    {
        protected override void EndProcessing()
        {
            if (OnWindows)
            {
                if (!ShouldProcess($"Task Scheduler {TaskPath}{Name}", "Remove the AiNews job")) return;
                RunTaskScript(@"param($Name, $TaskPath)
Unregister-ScheduledTask -TaskName $Name -TaskPath $TaskPath -Confirm:$false -ErrorAction Stop",
                    new Hashtable { ["Name"] = Name, ["TaskPath"] = TaskPath });
                return;
            }
            string current = ReadCrontab();
            if (Crontab.EntryOf(current, Name) == null)
            {
                WriteItemError(ErrorIds.JobNotFound, ErrorCategory.ObjectNotFound, Name,
                    $"The crontab of {Environment.UserName} has no AiNews job named '{Name}'. 'crontab -l' shows what is there.");
                return;
            }
            if (!ShouldProcess($"crontab of {Environment.UserName}", $"Remove the AiNews job '{Name}'")) return;
            WriteCrontab(Crontab.WithoutJob(current, Name));
            WriteVerbose($"Removed '{Name}' from the crontab of {Environment.UserName}.");
        }
    }
}
