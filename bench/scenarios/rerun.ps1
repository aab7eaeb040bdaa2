<#
.SYNOPSIS
    Re-run benchmark (issue 14): the fetching job (bench/scenarios/fetch.ps1's -Articles pages across -Sources sites)
    run twice with one cache folder and nothing changed on the sites. The second run must send only conditional
    requests (If-None-Match / If-Modified-Since) and get 304 for each, or none at all for a page still fresh in the cache
    (RFC 9111 freshness: the pages' Last-Modified is their publish date, months old), reuse the extraction kept beside
    each unchanged page, and take <= 20% of the first run's time.
.DESCRIPTION
    The test site counts requests per URL, conditional ones and 304s; the rows give the second run's counts and the
    time ratio. Then -CacheMaxSize is checked: a third run with a limit of half the cache leaves at most that much.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/scenarios/rerun.ps1
#>
[CmdletBinding()]
param(
    # The bench driver's context (bench/Invoke-Bench.ps1); not needed when the script runs alone.
    [pscustomobject] $Bench,
    [int] $Articles = 500,
    [int] $Sources = 5,
    [int] $DelayMs = 100
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../ScaleBench.ps1')

$site = Start-TestSite
$cache = Join-Path ([IO.Path]::GetTempPath()) ('ainews-bench-rerun-' + [guid]::NewGuid().ToString('N'))
try {
    $common = @{ AllowPrivateNetwork = $true; Proxy = $site.Uri; CachePath = $cache; ErrorAction = 'Continue' }
    $null = Get-AiArticle -FeedUri (Get-BenchFeed 4 2 0 'warm') @common    # warm-up: code loaded and compiled once

    $key = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $feeds = @(Get-BenchFeed $Articles $Sources $DelayMs $key)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $first = @(Get-AiArticle -FeedUri $feeds @common)
    $firstTime = $clock.Elapsed
    $clock.Restart()
    $second = @(Get-AiArticle -FeedUri $feeds @common)
    $secondTime = $clock.Elapsed

    # Every URL of the job, as sent: the feeds and each page they list.
    $urls = @($feeds) + @($second.Url | ForEach-Object { [uri] $_ })
    $stats = @($urls | ForEach-Object { Get-TestSiteStat $site -Path $_.PathAndQuery })
    $requests = [int]($stats | Measure-Object count -Sum).Sum
    $conditional = [int]($stats | Measure-Object conditional -Sum).Sum
    $notModified = [int]($stats | Measure-Object notModified -Sum).Sum
    $ratio = $secondTime.TotalSeconds / $firstTime.TotalSeconds

    $cacheBytes = { (Get-ChildItem $cache -Recurse -File -Filter *.cache | Measure-Object Length -Sum).Sum }
    $full = & $cacheBytes
    $limit = [long]($full / 2)
    $null = Get-AiArticle -FeedUri $feeds @common -CacheMaxSize $limit
    $pruned = [long](& $cacheBytes)

    New-BenchRow 'Re-run' "first run, $Articles pages, delay $DelayMs ms (s)" ([math]::Round($firstTime.TotalSeconds, 2)) '' $null
    New-BenchRow 'Re-run' 'second run, nothing changed (s)' ([math]::Round($secondTime.TotalSeconds, 2)) '' $null
    New-BenchRow 'Re-run' 'second run / first run' ([math]::Round($ratio, 2)) '<= 0.2' ($ratio -le 0.2)
    $sent = $requests - $urls.Count
    New-BenchRow 'Re-run' 'second run: requests sent / conditional / answered 304' "$sent / $conditional / $notModified" 'all conditional, all 304' ($conditional -eq $sent -and $notModified -eq $sent)
    New-BenchRow 'Re-run' 'second run: pages served fresh from the cache, no request' ($urls.Count - $sent) '' $null
    New-BenchRow 'Re-run' 'articles, first / second run' "$($first.Count) / $($second.Count)" "$Articles / $Articles" ($first.Count -eq $Articles -and $second.Count -eq $Articles)
    New-BenchRow 'Re-run' "cache after a run with -CacheMaxSize $limit (bytes)" $pruned "<= $limit (of $full)" ($pruned -le $limit)
}
finally {
    Stop-TestSite $site
    if (Test-Path $cache) { Remove-Item $cache -Recurse -Force -ErrorAction SilentlyContinue }
}
