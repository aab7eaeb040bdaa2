<#
.SYNOPSIS
    Archive growth benchmark (issue 14): one day's run (-PerDay articles through Export-AiDigest -ArchivePath) into a
    generated archive of -Days day files (3 years, about 30,000 articles) against the same run into an empty archive.
.DESCRIPTION
    The archive is generated once from the seed archive (New-GeneratedArticle in bench/ScaleBench.ps1) in the temp folder.
    Each measured run files the next day's articles, as the daily job does, with -Format as given (the job's default
    is Markdown and Html); the median of -Runs runs is compared. Target: <= 1.3 x the empty archive. Also against an
    archive of only the look-back window (the 8 days before), which every run reads whatever the archive's age: that
    ratio is what the 1,100 older days add.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/scenarios/archive.ps1 -Days 1100
#>
[CmdletBinding()]
param(
    # The bench driver's context (bench/Invoke-Bench.ps1); not needed when the script runs alone.
    [pscustomobject] $Bench,
    [int] $Days = 1100,
    [int] $PerDay = 27,
    [int] $Runs = 3,
    [string[]] $Format = @('Markdown', 'Html'),
    # An archive generated before (kept with -Keep), to save generating it again.
    [string] $ArchivePath,
    # With -ArchivePath: days its earlier runs already filed (the measured days come after them); default -Runs.
    [int] $SkipDays = -1,
    [switch] $Keep
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../ScaleBench.ps1')

$pool = Get-SeedPool
$start = [DateTimeOffset]::new(2023, 1, 1, 9, 0, 0, [TimeSpan]::FromHours(9))
if ($SkipDays -lt 0) { $SkipDays = if ($ArchivePath) { $Runs } else { 0 } }
$all = @(New-GeneratedArticle -Pool $pool -Count (($Days + $SkipDays + $Runs + 1) * $PerDay) -Start $start -PerDay $PerDay)
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
    # Warm-up: the archive code loaded and compiled once.
    $all[0..($PerDay - 1)] | Export-AiDigest -ArchivePath (Join-Path $temp 'warm') @export

    $intoBig = @(); $intoEmpty = @(); $intoWindow = @()
    for ($r = 0; $r -lt $Runs; $r++) {
        $first = ($Days + $SkipDays + $r) * $PerDay
        $day = $all[$first..($first + $PerDay - 1)]
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $day | Export-AiDigest -ArchivePath (Join-Path $temp "empty$r") @export
        $intoEmpty += $clock.Elapsed.TotalSeconds
        # An archive of just the look-back window before the day (8 days, the default -LookbackDays 7 + the day's own):
        # what every run must read to find stories already filed, however old the archive. Filed untimed.
        $window = Join-Path $temp "window$r"
        $all[($first - 8 * $PerDay)..($first - 1)] | Export-AiDigest -ArchivePath $window @export
        $clock.Restart()
        $day | Export-AiDigest -ArchivePath $window @export
        $intoWindow += $clock.Elapsed.TotalSeconds
        $clock.Restart()
        $day | Export-AiDigest -ArchivePath $big @export
        $intoBig += $clock.Elapsed.TotalSeconds
    }
    $median = { param($xs) ($xs | Sort-Object)[[int][math]::Floor($xs.Count / 2)] }
    $e = & $median $intoEmpty; $b = & $median $intoBig; $w = & $median $intoWindow
    $ratio = $b / $e
    $growth = $b / $w
    New-BenchRow 'Archive' ("one day ({0} articles, {1}) into an empty archive (s)" -f $PerDay, ($Format -join '+')) ([math]::Round($e, 3)) '' $null
    New-BenchRow 'Archive' ("the same into {0:N0} day files / {1:N0} articles (s)" -f $Days, $history.Count) ([math]::Round($b, 3)) '' $null
    New-BenchRow 'Archive' 'large archive / empty archive' ([math]::Round($ratio, 2)) '<= 1.3' ($ratio -le 1.3)
    New-BenchRow 'Archive' 'the same into an archive of only the 8 look-back days (s)' ([math]::Round($w, 3)) '' $null
    New-BenchRow 'Archive' 'large archive / look-back days only (what the archive''s age adds)' ([math]::Round($growth, 2)) '<= 1.3' ($growth -le 1.3)
}
finally {
    if ($Keep) { Write-Host "Kept $temp" } elseif (Test-Path $temp) { Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue }
}
