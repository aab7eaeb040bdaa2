<#
.SYNOPSIS
    The daily job: today's AI news from the catalog's sources into a Markdown and HTML archive, and
    optionally a chat message. Schedule it with cron or Task Scheduler.
.EXAMPLE
    pwsh -NoProfile -File examples/daily.ps1 -ArchivePath ~/news -Source AiTimes, TheVergeAI
.EXAMPLE
    # crontab: every morning at 07:00, Seoul time
    # 0 7 * * * cd /opt/ainews && pwsh -NoProfile -File examples/daily.ps1 -ArchivePath /srv/news >> /var/log/ainews.log 2>&1
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $ArchivePath = './news',
    [string[]] $Source = @('AiTimes'),
    [string] $TimeZone = 'Asia/Seoul',
    # Slack, Teams or Discord; the webhook comes from $env:AINEWS_WEBHOOK_URI.
    [ValidateSet('Slack', 'Teams', 'Discord')] [string] $Notify
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path (Split-Path -Parent $PSScriptRoot) 'AiNews.psd1')

$zone = [AiNews.TimeZoneResolver]::Find($TimeZone)
$today = [AiNews.TimeZoneResolver]::DayOf([DateTimeOffset]::Now, $zone)
$files = Get-AiArticle -Source $Source -Date $today -TimeZone $TimeZone -ErrorAction Continue |
    Add-AiTag | Where-Object IsAiRelated | Add-AiSummary | Merge-AiArticle |
    Export-AiDigest -ArchivePath $ArchivePath -Format Markdown, Html -TimeZone $TimeZone -PassThru
$day = $files | Where-Object { $_.Extension -eq '.md' -and $_.Name -ne 'README.md' } | Select-Object -First 1
if ($Notify -and $day) { Send-AiDigest -Path $day.FullName -Kind $Notify }
