<#
.SYNOPSIS
    The scheduled job, offline: module/ainews-job.ps1 — the script cron and Task Scheduler run — against the
    loopback test site (tests/TestSite) instead of the real news sites.
.DESCRIPTION
    Starts the test site, points a catalog of two sources at it (a Korean news CMS and an English WordPress
    site), then runs the job: it reads, labels, summarises, merges and files the articles into out/news as
    Markdown and HTML, prints its log line and exits with the job's exit code. The test site replays recorded
    feeds, so the job runs as of an hour after their newest item (-AsOf). Run it twice: the second run files
    nothing new. With -Module AiNews it runs the installed module found by name (and the job script in its folder)
    instead of this repository's build; tests/Package.Tests.ps1 runs it that way from a package.
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 demo
.EXAMPLE
    pwsh -NoProfile -File examples/demo.ps1 -Module AiNews -ArchivePath ~/demo-news -WorkPath ~/demo-work
#>
[CmdletBinding()]
param(
    [string] $ArchivePath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/news'),
    # The module to run: this repository's manifest, or a name (AiNews) to run an installed copy and its job script.
    [string] $Module = (Join-Path (Split-Path -Parent $PSScriptRoot) 'AiNews.psd1'),
    # Where the demo's catalog and fetch cache go.
    [string] $WorkPath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out')
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$moduleBase = (Import-Module $Module -Force -PassThru).ModuleBase
. (Join-Path $root 'tests/TestSite.ps1')

$site = Start-TestSite
try {
    $out = $WorkPath
    New-Item -ItemType Directory -Force -Path $out | Out-Null
    $catalog = Join-Path $out 'demo-sources.json'
    $sources = @(
        [ordered]@{ Id = 'DemoCms'; Name = '데모타임스'; FeedUri = "$($site.Url)aitimes/rss/allArticle.xml"; Homepage = $site.Url
            Language = 'ko'; TimeZone = 'Asia/Seoul'; AllowPrivateNetwork = $true  # the test site is on 127.0.0.1
            Policy = [ordered]@{ AllowAiProcessing = $false; MaxExcerptLength = 1500 } }
        [ordered]@{ Id = 'DemoWp'; Name = 'Demo Tech'; FeedUri = "$($site.Url)wp/feed/"; Homepage = $site.Url
            Language = 'en'; TimeZone = 'America/New_York'; AllowPrivateNetwork = $true }
    )
    ConvertTo-Json -InputObject $sources -Depth 5 | Set-Content -Path $catalog -Encoding utf8

    Write-Host "Test site: $($site.Url); module: $moduleBase"
    $newest = Get-AiArticle -Source DemoCms, DemoWp -SourceFile $catalog -SkipContent -NoCache |
        Sort-Object Published -Descending | Select-Object -First 1
    $asOf = $newest.Published.AddHours(1)
    Write-Host "The recorded feeds end at $($newest.Published); the job runs as of $asOf."
    & (Join-Path $moduleBase 'module/ainews-job.ps1') -ArchivePath $ArchivePath -Source DemoCms, DemoWp -SourceFile $catalog `
        -AsOf $asOf.ToString('o') -CachePath (Join-Path $out 'cache')
    $code = $LASTEXITCODE
    $meaning = switch ($code) { 0 { 'ok: every source read, everything new filed' } 2 { 'partial: some sources or files failed, the others were filed' } default { 'failed: nothing could be collected or written' } }
    Write-Host "Job exit code: $code ($meaning). Archive: $ArchivePath (open index.html in a browser); log: $(Join-Path $ArchivePath '.ainews/job.log')"
}
finally {
    Stop-TestSite $site
}
exit $code
