<#
.SYNOPSIS
    Fetching benchmark (issue 14): Get-AiArticle over -Articles pages across -Sources sites of the loopback test site,
    every response delayed -DelayMs, against the bound the politeness limits set (requests ÷ allowed concurrency ×
    latency) and against a sequential Invoke-WebRequest loop over the same URLs (what users write today).
.DESCRIPTION
    robots.txt and the cache are on (a fresh cache folder, so every page is downloaded). The module is warmed up first
    on one small feed, so the figure is fetching and extraction, not start-up (the start-up scenario measures that).
    Returns rows (Scenario, Measure, Value, Target, Pass); the target is <= 1.3 x the bound.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/scenarios/fetch.ps1
#>
[CmdletBinding()]
param(
    # The bench driver's context (bench/Invoke-Bench.ps1); not needed when the script runs alone.
    [pscustomobject] $Bench,
    [int] $Articles = 500,
    [int] $Sources = 5,
    [int] $DelayMs = 100,
    # Leave out the sequential Invoke-WebRequest loop (about Articles x DelayMs).
    [switch] $SkipSequential
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../ScaleBench.ps1')

$site = Start-TestSite
$cache = Join-Path ([IO.Path]::GetTempPath()) ('ainews-bench-fetch-' + [guid]::NewGuid().ToString('N'))
try {
    $common = @{ AllowPrivateNetwork = $true; Proxy = $site.Uri; CachePath = $cache; ErrorAction = 'Continue' }
    # Warm-up: loads and compiles the fetching and extraction code once.
    $null = Get-AiArticle -FeedUri (Get-BenchFeed 4 2 0 'warm') @common

    $key = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $feeds = @(Get-BenchFeed $Articles $Sources $DelayMs $key)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $got = @(Get-AiArticle -FeedUri $feeds @common)
    $elapsed = $clock.Elapsed
    $requests = $feeds.Count + $Articles
    $bound = Get-PolitenessBound -Requests $requests -Hosts $Sources -DelayMs $DelayMs
    $ratio = $elapsed.TotalSeconds / $bound.TotalSeconds

    $rows = @(
        New-BenchRow 'Fetching' "Get-AiArticle, $Articles pages / $Sources sites, delay $DelayMs ms (s)" ([math]::Round($elapsed.TotalSeconds, 2)) '' $null
        New-BenchRow 'Fetching' 'articles returned' $got.Count "$Articles" ($got.Count -eq $Articles)
        New-BenchRow 'Fetching' 'politeness bound: requests / min(8, 4 x sites) x delay (s)' ([math]::Round($bound.TotalSeconds, 2)) '' $null
        New-BenchRow 'Fetching' 'Get-AiArticle / bound' ([math]::Round($ratio, 2)) '<= 1.3' ($ratio -le 1.3)
    )
    if (-not $SkipSequential) {
        # What a user writes today: one Invoke-WebRequest after another, the feeds then every page they list.
        $pages = foreach ($feed in $feeds) {
            foreach ($link in ([xml](Invoke-WebRequest -Uri $feed -Proxy $site.Url -UseBasicParsing).Content).rss.channel.item.link) { [uri]::new($feed, $link) }
        }
        $clock.Restart()
        foreach ($feed in $feeds) { $null = Invoke-WebRequest -Uri $feed -Proxy $site.Url -UseBasicParsing }
        foreach ($page in $pages) { $null = Invoke-WebRequest -Uri $page -Proxy $site.Url -UseBasicParsing }
        $sequential = $clock.Elapsed
        $rows += New-BenchRow 'Fetching' "sequential Invoke-WebRequest loop, fetch only (s)" ([math]::Round($sequential.TotalSeconds, 2)) '' $null
        $rows += New-BenchRow 'Fetching' 'Get-AiArticle speed-up over the loop' ([math]::Round($sequential.TotalSeconds / $elapsed.TotalSeconds, 1)) '' $null
    }
    $rows
}
finally {
    Stop-TestSite $site
    if (Test-Path $cache) { Remove-Item $cache -Recurse -Force -ErrorAction SilentlyContinue }
}
