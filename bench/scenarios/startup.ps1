<#
.SYNOPSIS
    Start-up scenario: what a cron job pays before its first article. `Import-Module AiNews` minus a bare pwsh start
    (target <= 150 ms), and the first `Get-AiArticle -Path` call on one saved page in a fresh process.
.DESCRIPTION
    The target is judged on Import-Module timed inside fresh processes (median): that is the import's cost over a bare
    start. Whole processes, bare and importing, are timed too (interleaved, fastest of each), but on a busy shared
    machine their start varies by seconds, more than the import costs, so that difference is only informative. The page is tests/Fixtures/pages/wordpress-post.html (our own fixture).
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [pscustomobject] $Bench)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../BenchHelpers.psm1')

# Fresh processes per figure: enough for a stable median on a busy 2-core machine, few enough to take ~20 s.
$Runs = 7
# The issue's budget for importing the module, over a bare start.
$ImportBudgetMs = 150

$page = Join-Path $Bench.Root 'tests/Fixtures/pages/wordpress-post.html'
$bare = 'Write-Output ''{"ok":1}'''
$import = @'
$w = [Diagnostics.Stopwatch]::StartNew()
Import-Module $Manifest
$imported = $w.Elapsed.TotalMilliseconds
$w.Restart()
$a = @(Get-AiArticle -Path $Page)
$first = $w.Elapsed.TotalMilliseconds
$w.Restart()
$a = @(Get-AiArticle -Path $Page)
$second = $w.Elapsed.TotalMilliseconds
if ($a.Count -ne 1 -or -not $a[0].Content) { throw 'Get-AiArticle returned no article for the fixture page.' }
[pscustomobject]@{ ImportMs = $imported; FirstCallMs = $first; SecondCallMs = $second } | ConvertTo-Json -Compress
'@
$importOnly = 'Import-Module $Manifest; Write-Output ''{"ok":1}'''
$arguments = @{ Manifest = $Bench.Manifest; Page = $page }

$bareWalls = [Collections.Generic.List[double]]::new()
$importWalls = [Collections.Generic.List[double]]::new()
$inside = [Collections.Generic.List[object]]::new()
$null = Invoke-BenchChild -Script $bare                                    # warms the file cache for both
$null = Invoke-BenchChild -Script $importOnly -Arguments $arguments
for ($i = 0; $i -lt $Runs; $i++) {
    $bareWalls.Add((Invoke-BenchChild -Script $bare).WallSeconds)
    $importWalls.Add((Invoke-BenchChild -Script $importOnly -Arguments $arguments).WallSeconds)
    $inside.Add((Invoke-BenchChild -Script $import -Arguments $arguments))
}
function Get-Median([double[]] $values) { $s = @($values | Sort-Object); $s[[int][Math]::Floor($s.Count / 2)] }

$bareS = Get-Median $bareWalls
$deltaMs = (($importWalls | Measure-Object -Minimum).Minimum - ($bareWalls | Measure-Object -Minimum).Minimum) * 1000
$importInsideMs = Get-Median ($inside | ForEach-Object ImportMs)
$firstMs = Get-Median ($inside | ForEach-Object FirstCallMs)
$secondMs = Get-Median ($inside | ForEach-Object SecondCallMs)

New-BenchRow Start-up 'bare pwsh start (median of fresh processes)' (Format-BenchTime $bareS)
New-BenchRow Start-up "Import-Module AiNews over a bare start (timed inside, median of $Runs)" ('{0:N0} ms' -f $importInsideMs) "<= $ImportBudgetMs ms" ($importInsideMs -le $ImportBudgetMs)
New-BenchRow Start-up "importing minus bare pwsh, whole processes (fastest of $Runs each; noisy)" ('{0:N0} ms' -f $deltaMs)
New-BenchRow Start-up 'first Get-AiArticle -Path (1 page, fresh process)' ('{0:N0} ms' -f $firstMs)
New-BenchRow Start-up 'second Get-AiArticle -Path (same page)' ('{0:N0} ms' -f $secondMs)
