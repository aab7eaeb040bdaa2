<#
.SYNOPSIS
    The scheduled AiNews job for cron and Task Scheduler: one run of Invoke-AiNewsJob, ending with its exit code.
.DESCRIPTION
    Every argument goes to Invoke-AiNewsJob (Get-Help Invoke-AiNewsJob). The process exits 0 when every source
    was read, 2 when some failed but others were filed, 1 when nothing could be collected or written; one line per
    run goes to the job log (.ainews/job.log in the archive). Errors go to stderr as plain text when it is redirected.
    Register-AiNewsJob writes the crontab entry or scheduled task that runs this script.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ainews-job.ps1 -ArchivePath /srv/news -Source AiTimes,TheVergeAI
#>
# An error of one source or page is reported and the run goes on, whatever the caller's preference.
$ErrorActionPreference = 'Continue'
# Plain text in logs: no ANSI colour codes when a scheduler or a redirection captures the output.
if ($null -ne (Get-Variable PSStyle -ErrorAction Ignore) -and ([Console]::IsOutputRedirected -or [Console]::IsErrorRedirected)) {
    $PSStyle.OutputRendering = 'PlainText'
}
try {
    Import-Module (Join-Path (Split-Path -Parent $PSScriptRoot) 'AiNews.psd1') -ErrorAction Stop
    $result = Invoke-AiNewsJob @args
    Write-Output $result.LogLine
    exit $result.ExitCode
}
catch {
    # Only what stops the job before it can report (a missing module, a wrong parameter name) lands here.
    [Console]::Error.WriteLine("AiNews job failed: $($_.Exception.Message)")
    exit 1
}
