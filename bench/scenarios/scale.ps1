<#
.SYNOPSIS
    Scale benchmark (issue 14): tag, summarise (extractive), merge and export 1,000, 10,000 and 50,000 articles
    generated from the seed archive; time and peak memory for each size.
.DESCRIPTION
    Each size runs in a fresh pwsh process (so peak memory is that size's alone): the articles are generated first
    (not timed; the working set after that is reported as "articles in memory"), then Add-AiTag | Add-AiSummary |
    Merge-AiArticle | Export-AiDigest, each stage timed. Target: time grows at most x12 from 1,000 to 10,000 articles.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/scenarios/scale.ps1 -Sizes 1000, 10000
#>
[CmdletBinding()]
param(
    # The bench driver's context (bench/Invoke-Bench.ps1); not needed when the script runs alone.
    [pscustomobject] $Bench,
    [int[]] $Sizes = @(1000, 10000, 50000),
    # Internal: run one size in this process and print its figures as JSON.
    [int] $Worker
)
$ErrorActionPreference = 'Stop'

if ($Worker) {
    . (Join-Path $PSScriptRoot '../ScaleBench.ps1')
    $pool = Get-SeedPool
    $articles = @(New-GeneratedArticle -Pool $pool -Count $Worker)
    $process = [Diagnostics.Process]::GetCurrentProcess()
    [GC]::Collect(); $process.Refresh()
    $loaded = $process.WorkingSet64
    $out = Join-Path ([IO.Path]::GetTempPath()) ("ainews-bench-scale-$Worker-" + [guid]::NewGuid().ToString('N') + '.md')
    $times = [ordered]@{}
    $clock = [Diagnostics.Stopwatch]::StartNew()
    # Each stage's input is let go once the next has its output, as in one pipeline: peak memory is then one or two
    # copies of the articles plus what the stage itself holds (Merge-AiArticle needs them all at once).
    $peaks = [ordered]@{}
    $peak = { $process.Refresh(); $process.PeakWorkingSet64 / 1MB }
    $tagged = @($articles | Add-AiTag); $articles = $null; $times.Tag = $clock.Elapsed.TotalSeconds; $peaks.Tag = & $peak; $clock.Restart()
    $summed = @($tagged | Add-AiSummary); $tagged = $null; $times.Summarise = $clock.Elapsed.TotalSeconds; $peaks.Summarise = & $peak; $clock.Restart()
    $merged = @($summed | Merge-AiArticle); $summed = $null; $times.Merge = $clock.Elapsed.TotalSeconds; $peaks.Merge = & $peak; $clock.Restart()
    $merged | Export-AiDigest -Path $out -TimeZone Asia/Seoul -Force; $times.Export = $clock.Elapsed.TotalSeconds; $peaks.Export = & $peak
    $process.Refresh()
    Remove-Item $out -ErrorAction SilentlyContinue
    [pscustomobject]@{ Count = $Worker; Stories = $merged.Count; Times = $times; Peaks = $peaks; LoadedMB = $loaded / 1MB; PeakMB = $process.PeakWorkingSet64 / 1MB } |
        ConvertTo-Json -Compress
    return
}

. (Join-Path $PSScriptRoot '../ScaleBench.ps1')
$results = @{}
foreach ($n in $Sizes) {
    $json = & dotnet pwsh -NoProfile -File $PSCommandPath -Worker $n | Select-Object -Last 1
    if ($LASTEXITCODE -ne 0 -or -not $json) { throw "The $n-article run failed." }
    $r = $json | ConvertFrom-Json
    $total = $r.Times.Tag + $r.Times.Summarise + $r.Times.Merge + $r.Times.Export
    $results[$n] = $total
    New-BenchRow 'Scale' ("{0:N0} articles: tag / summarise / merge / export (s)" -f $n) ('{0:0.0} / {1:0.0} / {2:0.0} / {3:0.0}' -f $r.Times.Tag, $r.Times.Summarise, $r.Times.Merge, $r.Times.Export) '' $null
    New-BenchRow 'Scale' ("{0:N0} articles: total (s), {1:N0} stories" -f $n, $r.Stories) ([math]::Round($total, 1)) '' $null
    New-BenchRow 'Scale' ("{0:N0} articles: peak after tag / summarise / merge / export; with the articles loaded (MB)" -f $n) ('{0:N0} / {1:N0} / {2:N0} / {3:N0}; {4:N0}' -f $r.Peaks.Tag, $r.Peaks.Summarise, $r.Peaks.Merge, $r.Peaks.Export, $r.LoadedMB) '' $null
}
if ($results.ContainsKey(1000) -and $results.ContainsKey(10000)) {
    $growth = $results[10000] / $results[1000]
    New-BenchRow 'Scale' 'time growth 1,000 -> 10,000' ([math]::Round($growth, 1)) '<= 12' ($growth -le 12)
}
