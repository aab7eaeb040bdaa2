<#
.SYNOPSIS
    Speed-and-scale benchmark driver (`build.ps1 bench`): runs every scenario of bench/scenarios/*.ps1, prints ONE table
    of their rows and appends it to bench/RESULTS.md under "## Speed and scale" with the date, commit and core count.
.DESCRIPTION
    A scenario is a script bench/scenarios/<name>.ps1 that takes -Bench (the context below) and returns rows made by
    New-BenchRow (bench/BenchHelpers.psm1): Scenario, Measure, Value, Target, Pass. See bench/README.md.
    The module must be built (build.ps1 bench builds first). Scenarios run one after the other, in file-name order,
    so that they do not compete for the cores; a scenario that throws becomes one failed row and the others still run.
.PARAMETER Scenario
    Names of the scenarios to run (file names without .ps1, e.g. extraction, startup); default: all.
.PARAMETER NoHistory
    Print the table only; do not append it to bench/RESULTS.md.
.PARAMETER ScenarioPath
    The folder of scenario scripts (default: bench/scenarios; the tests use their own).
.PARAMETER ResultsPath
    The history file (default: bench/RESULTS.md).
#>
[CmdletBinding()]
param(
    [string[]] $Scenario,
    [switch] $NoHistory,
    [string] $ScenarioPath = (Join-Path $PSScriptRoot 'scenarios'),
    [string] $ResultsPath = (Join-Path $PSScriptRoot 'RESULTS.md')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = Split-Path -Parent $PSScriptRoot
# build.ps1 passes the names as one comma-separated argument (pwsh -File does not make arrays).
if ($Scenario) { $Scenario = @($Scenario -split ',' | ForEach-Object Trim | Where-Object { $_ }) }
Import-Module (Join-Path $PSScriptRoot 'BenchHelpers.psm1') -Force
Import-Module (Join-Path $root 'tests/TestHelpers.psm1') -Force

$work = Join-Path ([IO.Path]::GetTempPath()) ("ainews-bench-" + [Guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null

# What every scenario gets: where things are, and the machine. Shared is $null without ../shared (a scenario that
# needs the corpus returns a row saying it was skipped).
$bench = [pscustomobject]@{
    Root     = $root
    Shared   = Get-SharedRoot -RepoRoot $root
    Work     = $work
    Manifest = Join-Path $root 'AiNews.psd1'
    Cores    = [Environment]::ProcessorCount
}

$scripts = @(Get-ChildItem $ScenarioPath -Filter '*.ps1' | Sort-Object Name)
if ($Scenario) {
    $unknown = @($Scenario | Where-Object { $_ -notin $scripts.BaseName })
    if ($unknown) { throw "No scenario named $($unknown -join ', '). There are: $($scripts.BaseName -join ', ')." }
    $scripts = @($scripts | Where-Object { $_.BaseName -in $Scenario })
}

$rows = [Collections.Generic.List[object]]::new()
$broken = 0
foreach ($script in $scripts) {
    Write-Host "== $($script.BaseName)"
    $folder = Join-Path $work $script.BaseName
    New-Item -ItemType Directory -Path $folder | Out-Null
    $context = $bench.PSObject.Copy()
    $context.Work = $folder
    $watch = [Diagnostics.Stopwatch]::StartNew()
    try {
        foreach ($row in @(& $script.FullName -Bench $context)) {
            if ($null -eq $row) { continue }
            foreach ($property in 'Scenario', 'Measure', 'Value', 'Target', 'Pass') {
                if (-not $row.PSObject.Properties[$property]) { throw "$($script.Name) returned a row without $property (use New-BenchRow)." }
            }
            $rows.Add($row)
        }
    }
    catch {
        Write-Host "  $($script.BaseName) failed: $_" -ForegroundColor Red
        $broken++
        $rows.Add((New-BenchRow -Scenario $script.BaseName -Measure 'scenario failed' -Value (("$_" -split "`n")[0]) -Target 'runs' -Pass $false))
    }
    Write-Host ("   ({0:N0} s)" -f $watch.Elapsed.TotalSeconds)
}
Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue

function Format-Pass($pass) { if ($null -eq $pass) { '' } elseif ($pass) { 'yes' } else { 'NO' } }

$rows | Format-Table Scenario, Measure, Value, Target, @{ Name = 'Pass'; Expression = { Format-Pass $_.Pass } } -AutoSize | Out-String -Width 300 | Write-Host
$failed = @($rows | Where-Object { $_.Pass -eq $false }).Count
$passed = @($rows | Where-Object { $_.Pass -eq $true }).Count
Write-Host "$passed targets met, $failed missed, $([Environment]::ProcessorCount) cores"

if (-not $NoHistory) {
    $commit = (& git -C $root rev-parse --short HEAD 2>$null)
    if (-not $commit) { $commit = 'unknown' }
    if ((& git -C $root status --porcelain 2>$null)) { $commit += ' (+ uncommitted changes)' }
    $os = [Runtime.InteropServices.RuntimeInformation]::OSDescription
    $runtime = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
    $block = [Text.StringBuilder]::new()
    $null = $block.AppendLine(('### {0:yyyy-MM-dd HH:mm} UTC, commit {1}, {2} cores, {3}, {4}, PowerShell {5}' -f [DateTime]::UtcNow, $commit,
            [Environment]::ProcessorCount, $os.Trim(), $runtime, $PSVersionTable.PSVersion))
    $null = $block.AppendLine()
    $null = $block.AppendLine('| Scenario | Measure | Value | Target | Pass |')
    $null = $block.AppendLine('|---|---|---|---|---|')
    foreach ($row in $rows) {
        $cells = @($row.Scenario, $row.Measure, $row.Value, $row.Target, (Format-Pass $row.Pass)) | ForEach-Object { ([string]$_).Replace('|', '\|').Replace("`n", ' ') }
        $null = $block.AppendLine('| ' + ($cells -join ' | ') + ' |')
    }
    $results = $ResultsPath
    $text = if (Test-Path $results) { [IO.File]::ReadAllText($results) } else { "# Benchmarks`n" }
    $heading = '## Speed and scale'
    $at = $text.IndexOf("`n$heading")
    if ($at -lt 0) {
        $text = $text.TrimEnd() + "`n`n$heading (``build.ps1 bench``)`n`nOne table per run of bench/Invoke-Bench.ps1 (newest last); scenarios and targets in bench/README.md.`n`n" + $block.ToString()
    }
    else {
        # The run goes at the end of the section: before the next "## " heading, or at the end of the file.
        $next = $text.IndexOf("`n## ", $at + 1)
        $insert = $block.ToString() + "`n"
        if ($next -lt 0) { $text = $text.TrimEnd() + "`n`n" + $insert }
        else { $text = $text.Substring(0, $next).TrimEnd() + "`n`n" + $insert + $text.Substring($next + 1) }
    }
    [IO.File]::WriteAllText($results, $text, [Text.UTF8Encoding]::new($false))
    Write-Host "appended to $results"
}
# A missed target is a figure, not an error; a scenario that could not run is.
if ($broken) { exit 1 }
