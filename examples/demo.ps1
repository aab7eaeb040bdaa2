<#
.SYNOPSIS
    The daily job, offline: the same pipeline as examples/daily.ps1, run against the loopback test site
    (tests/TestSite) instead of the real news sites.
.DESCRIPTION
    Starts the test site, points a catalog of two sources at it (a Korean news CMS and an English
    WordPress site), then reads, labels, summarises, merges and files the articles into out/news as
    Markdown and HTML. Run it twice: the second run writes nothing new.
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 demo
#>
[CmdletBinding()]
param(
    [string] $ArchivePath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/news'),
    [int] $First = 12
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'AiNews.psd1') -Force
. (Join-Path $root 'tests/TestSite.ps1')

$site = Start-TestSite
try {
    $out = Join-Path $root 'out'
    New-Item -ItemType Directory -Force -Path $out | Out-Null
    $catalog = Join-Path $out 'demo-sources.json'
    @(
        [ordered]@{ Id = 'DemoCms'; Name = '데모타임스'; FeedUri = "$($site.Url)aitimes/rss/allArticle.xml"; Homepage = $site.Url
            Language = 'ko'; TimeZone = 'Asia/Seoul'; AllowPrivateNetwork = $true  # the test site is on 127.0.0.1
            Policy = [ordered]@{ AllowAiProcessing = $false; MaxExcerptLength = 1500 } }
        [ordered]@{ Id = 'DemoWp'; Name = 'Demo Tech'; FeedUri = "$($site.Url)wp/feed/"; Homepage = $site.Url
            Language = 'en'; TimeZone = 'America/New_York'; AllowPrivateNetwork = $true }
    ) | ConvertTo-Json -Depth 5 -AsArray | Set-Content -Path $catalog -Encoding utf8

    Write-Host "Test site: $($site.Url)"
    $files = Get-AiArticle -Source DemoCms, DemoWp -SourceFile $catalog -First $First -CachePath (Join-Path $out 'cache') |
        Add-AiTag |
        Where-Object IsAiRelated |
        Add-AiSummary |
        Merge-AiArticle |
        Export-AiDigest -ArchivePath $ArchivePath -Format Markdown, Html -TimeZone Asia/Seoul -PassThru
    if ($files) { $files | ForEach-Object { Write-Host "wrote $($_.FullName)" } }
    else { Write-Host 'Nothing new: the archive already has every article.' }
    Write-Host "Archive: $ArchivePath (open index.html in a browser)"
}
finally {
    Stop-TestSite $site
}
