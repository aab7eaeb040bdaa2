<#
.SYNOPSIS
    Archive growth benchmark (issue 14): one day's run into a generated archive of -Days day files (3 years, about
    30,000 articles) against the same run into an empty archive. Measured twice: the job's day after fetching
    (-PerDay articles through Add-AiTag | Add-AiSummary | Merge-AiArticle | Export-AiDigest -ArchivePath), and the
    filing step alone (Export-AiDigest -ArchivePath), where the archive's share of the time is largest.
.DESCRIPTION
    The archive is generated once from the seed archive (New-GeneratedArticle in bench/ScaleBench.ps1) in the temp folder.
    Each measured run files the next day's articles, as the daily job does, with -Format as given (the job's default
    is Markdown and Html), in this warm process; the median of -Runs runs is compared (absolute times are tens of ms).
    Fetching is left out of the day's run (it takes what the network takes, whatever the archive), so the ratio is
    of the job's own work only.
    Before them, one untimed daily run leaves the large archive as the daily job does (the story prints of its look-back
    days kept in .ainews/day-prints). Target (issue 14): the day's run <= 1.3 x the empty archive. The filing step alone
    is shown beside it, against the empty archive and against an archive of only the look-back window (the 8 days
    before, filed one day at a time as the job would), which every run compares with whatever the archive's age: that
    ratio is what the 1,100 older days add. These two rows say where the difference lies and have no target of their
    own: a filing also checks every day file's size and time for index.html's counts (about 4.5 ms for 1,100 files, so
    that a day file edited by hand is noticed), work that only an archive with a history has; bench/RESULTS.md.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/scenarios/archive.ps1 -Days 1100
#>
[CmdletBinding()]
param(
    # The bench driver's context (bench/Invoke-Bench.ps1); not needed when the script runs alone.
    [pscustomobject] $Bench,
    [int] $Days = 1100,
    [int] $PerDay = 27,
    [int] $Runs = 7,
    # Days filed one at a time into a scratch archive before measuring (see the warm-up below).
    [int] $WarmDays = 12,
    [string[]] $Format = @('Markdown', 'Html'),
    # An archive generated before (kept with -Keep), to save generating it again.
    [string] $ArchivePath,
    # With -ArchivePath: days its earlier runs already filed (the measured days come after them); default 2 x -Runs + 1.
    [int] $SkipDays = -1,
    [switch] $Keep,
    # Internal: this is the measuring child; print the rows as JSON lines.
    [switch] $Json
)
$ErrorActionPreference = 'Stop'
$Format = @($Format | ForEach-Object { $_ -split ',' })

# Measured as the registered job runs (Register-AiNewsJob's crontab line sets DOTNET_TieredCompilation=0): optimised
# code from the first call. Under tiered compilation the archive's longer paths (the look-back days, index.html of
# 1,100 days) run as unoptimised code for the first few runs while the empty archive's are already optimised, and the
# ratio measured the JIT more than the archive. The measuring child prints its rows as JSON.
if ($env:DOTNET_TieredCompilation -ne '0') {
    $arguments = @('-NoProfile', '-File', $PSCommandPath, '-Days', $Days, '-PerDay', $PerDay, '-Runs', $Runs, '-WarmDays', $WarmDays,
        '-Format', ($Format -join ','), '-SkipDays', $SkipDays, '-Json')
    if ($ArchivePath) { $arguments += '-ArchivePath', $ArchivePath }
    if ($Keep) { $arguments += '-Keep' }
    $saved = $env:DOTNET_TieredCompilation
    $env:DOTNET_TieredCompilation = '0'
    try { $lines = @(& dotnet pwsh @arguments) } finally { $env:DOTNET_TieredCompilation = $saved }
    if ($LASTEXITCODE -ne 0) { throw "The archive benchmark's child failed: $($lines -join "`n")" }
    foreach ($line in $lines) { if ("$line".StartsWith('{"Scenario"')) { "$line" | ConvertFrom-Json } else { Write-Host $line } }
    return
}
. (Join-Path $PSScriptRoot '../ScaleBench.ps1')

$pool = Get-SeedPool
$start = [DateTimeOffset]::new(2023, 1, 1, 9, 0, 0, [TimeSpan]::FromHours(9))
if ($SkipDays -lt 0) { $SkipDays = if ($ArchivePath) { 2 * $Runs + 1 } else { 0 } }
$all = @(New-GeneratedArticle -Pool $pool -Count (($Days + $SkipDays + 2 * $Runs + 2) * $PerDay) -Start $start -PerDay $PerDay)
$history = $all[0..($Days * $PerDay - 1)]
$temp = Join-Path ([IO.Path]::GetTempPath()) ('ainews-bench-archive-' + [guid]::NewGuid().ToString('N'))
$big = if ($ArchivePath) { $ArchivePath } else { Join-Path $temp 'big' }
$export = @{ TimeZone = 'Asia/Seoul'; Format = $Format }
try {
    if (-not $ArchivePath) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $history | Export-AiDigest -ArchivePath $big @export
        Write-Host ("Generated {0:N0} articles in {1:N0} day files in {2:0} s." -f $history.Count, @(Get-ChildItem $big -Recurse -Filter '??-??.md').Count, $clock.Elapsed.TotalSeconds)
    }
    # Warm-up: the archive code loaded and compiled, every path of a daily run (look-back days read, their prints kept
    # and read back) run often enough for the JIT's optimised tier, as it is for the empty archive's shorter path.
    for ($d = 0; $d -lt $WarmDays; $d++) { $all[($d * $PerDay)..(($d + 1) * $PerDay - 1)] | Export-AiDigest -ArchivePath (Join-Path $temp 'warm') @export }
    for ($d = 0; $d -lt $WarmDays; $d++) { $all[($d * $PerDay)..(($d + 1) * $PerDay - 1)] | Add-AiTag | Add-AiSummary | Merge-AiArticle | Export-AiDigest -ArchivePath (Join-Path $temp 'warmrun') @export }
    # The large archive as the daily job leaves it: one untimed run files the day before the measured ones.
    $settle = ($Days + $SkipDays) * $PerDay
    $all[$settle..($settle + $PerDay - 1)] | Export-AiDigest -ArchivePath $big @export

    # One timed run; the garbage of what came before (the untimed filing) is collected first, so that no run pays for it.
    $timed = { param($Articles, $Root)
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $Articles | Export-AiDigest -ArchivePath $Root @export
        $clock.Elapsed.TotalSeconds
    }
    $intoBig = @(); $intoEmpty = @(); $intoWindow = @()
    for ($r = 0; $r -lt $Runs; $r++) {
        $first = ($Days + $SkipDays + 1 + $r) * $PerDay
        $day = $all[$first..($first + $PerDay - 1)]
        $intoEmpty += & $timed $day (Join-Path $temp "empty$r")
        # An archive of just the look-back window before the day (8 days, the default -LookbackDays 7 + the day's own):
        # what every run must compare with to find stories already filed, however old the archive. Filed untimed, one
        # day at a time as the daily job files them.
        $window = Join-Path $temp "window$r"
        foreach ($back in 8..1) { $from = $first - $back * $PerDay; $all[$from..($from + $PerDay - 1)] | Export-AiDigest -ArchivePath $window @export }
        $intoWindow += & $timed $day $window
        $intoBig += & $timed $day $big
    }

    # The day's whole run after fetching: tagged, summarised, merged and filed. Each archive gets its own copy of the
    # day's articles (the enrichment cmdlets set properties on the objects they are given).
    $copy = { param($Articles) foreach ($a in $Articles) {
        [AiNews.Article]@{ Title = $a.Title; Url = $a.Url; Source = $a.Source; Language = $a.Language; Published = $a.Published; Content = $a.Content } } }
    $timedRun = { param($Articles, $Root)
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $Articles | Add-AiTag | Add-AiSummary | Merge-AiArticle | Export-AiDigest -ArchivePath $Root @export
        $clock.Elapsed.TotalSeconds
    }
    $runEmpty = @(); $runBig = @()
    for ($r = 0; $r -lt $Runs; $r++) {
        $first = ($Days + $SkipDays + 1 + $Runs + $r) * $PerDay
        $day = $all[$first..($first + $PerDay - 1)]
        $runEmpty += & $timedRun @(& $copy $day) (Join-Path $temp "runempty$r")
        $runBig += & $timedRun @(& $copy $day) $big
    }

    $median = { param($xs) ($xs | Sort-Object)[[int][math]::Floor($xs.Count / 2)] }
    $e = & $median $intoEmpty; $b = & $median $intoBig; $w = & $median $intoWindow
    $ratio = $b / $e
    $growth = $b / $w
    $re = & $median $runEmpty; $rb = & $median $runBig
    $runRatio = $rb / $re
    $rows = @(
    New-BenchRow 'Archive' ("the day's run after fetching ({0} articles: tag, summarise, merge, file {1}) into an empty archive (s)" -f $PerDay, ($Format -join '+')) ([math]::Round($re, 3)) '' $null
    New-BenchRow 'Archive' ("the same into {0:N0} day files / {1:N0} articles (s)" -f $Days, $history.Count) ([math]::Round($rb, 3)) '' $null
    New-BenchRow 'Archive' "the day's run: large archive / empty archive" ([math]::Round($runRatio, 2)) '<= 1.3' ($runRatio -le 1.3)
    New-BenchRow 'Archive' ("filing alone: one day ({0} articles, {1}) into an empty archive (s)" -f $PerDay, ($Format -join '+')) ([math]::Round($e, 3)) '' $null
    New-BenchRow 'Archive' ("the same into {0:N0} day files / {1:N0} articles (s)" -f $Days, $history.Count) ([math]::Round($b, 3)) '' $null
    New-BenchRow 'Archive' 'filing alone: large archive / empty archive' ([math]::Round($ratio, 2)) '' $null
    New-BenchRow 'Archive' 'the same into an archive of only the 8 look-back days (s)' ([math]::Round($w, 3)) '' $null
    New-BenchRow 'Archive' 'filing alone: large archive / look-back days only (what the archive''s age adds)' ([math]::Round($growth, 2)) '' $null
    New-BenchRow 'Archive' 'load average (1 min) after the runs; cores' ("{0}; {1}" -f ((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ')[0], [Environment]::ProcessorCount) '' $null
    )
    if ($Json) { $rows | ForEach-Object { $_ | ConvertTo-Json -Compress } } else { $rows }
}
finally {
    if ($Keep) { Write-Host "Kept $temp" } elseif (Test-Path $temp) { Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue }
}
