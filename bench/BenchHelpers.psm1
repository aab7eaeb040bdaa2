<#
.SYNOPSIS
    What the speed-and-scale scenarios (bench/scenarios/*.ps1) share: the row they return, a fresh child PowerShell
    to measure in (cold start, peak memory), and formatting of times, sizes and ratios.
.DESCRIPTION
    Import-Module bench/BenchHelpers.psm1, then:
        New-BenchRow -Scenario Extraction -Measure 'cold, AiNews' -Value '1.20 s' -Target '>= 2x faster' -Pass $true
        Invoke-BenchChild -Script '...' [-Arguments @{...}]   # runs a script in a fresh pwsh; returns its JSON result
        Format-BenchTime 1.234 / Format-BenchBytes 123456789 / Format-BenchRatio 2.4
    See bench/README.md for the contract between the driver (bench/Invoke-Bench.ps1) and a scenario.
#>
Set-StrictMode -Version 3.0

function New-BenchRow {
    <#
    .SYNOPSIS
        One row of the benchmark table. Value and Target are display strings (units included); Pass is $true/$false
        when the row has a target, $null when it is only informative.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)] [string] $Scenario,
        [Parameter(Mandatory)] [string] $Measure,
        [Parameter(Mandatory)] [AllowEmptyString()] [string] $Value,
        [string] $Target = '',
        [Nullable[bool]] $Pass = $null
    )
    [pscustomobject]@{ Scenario = $Scenario; Measure = $Measure; Value = $Value; Target = $Target; Pass = $Pass }
}

function Get-BenchShell {
    <#
    .SYNOPSIS
        How to start a fresh PowerShell of the same kind as this one: @{ File; Prefix } (the dotnet-tool pwsh runs as
        `dotnet pwsh.dll`, an installed one as its own executable).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param()
    $exe = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        return @{ File = $exe; Prefix = @((Join-Path $PSHOME 'pwsh.dll')) }
    }
    @{ File = $exe; Prefix = @() }
}

function Invoke-BenchChild {
    <#
    .SYNOPSIS
        Runs -Script in a fresh `pwsh -NoProfile -NonInteractive` and returns what it printed last as JSON (one line,
        starting with '{' or '['), deserialized, with WallSeconds (the whole child, start-up included) added.
    .DESCRIPTION
        A cold measurement needs a fresh process: a binary module cannot be unloaded and the JIT keeps what it compiled.
        The child's other output (Write-Host, warnings) is passed through to the console so that failures are visible.
        Arguments are set as variables in the child before the script runs ($Bench_<name>), as JSON, so that paths
        with quotes or spaces cannot break the command line.
    .PARAMETER Script
        PowerShell text to run. Its last JSON line is the result; a child without one (or with a non-zero exit) throws.
    .PARAMETER Arguments
        Values for the child: each becomes a variable $<name> in the child (strings, numbers, arrays, hashtables).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Arguments = @{}
    )
    $shell = Get-BenchShell
    $prelude = foreach ($name in $Arguments.Keys) {
        $json = ConvertTo-Json -InputObject $Arguments[$name] -Compress -Depth 5
        $escaped = $json.Replace("'", "''")
        "`$$name = ConvertFrom-Json -InputObject '$escaped'"
    }
    $text = (@($prelude) + @('$ErrorActionPreference = ''Stop''', $Script)) -join "`n"
    # The command goes through a file: command lines have length limits (Windows) and quoting rules.
    $file = Join-Path ([IO.Path]::GetTempPath()) ("ainews-bench-" + [Guid]::NewGuid().ToString('n').Substring(0, 8) + '.ps1')
    [IO.File]::WriteAllText($file, $text, [Text.UTF8Encoding]::new($true))
    try {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $lines = & $shell.File @($shell.Prefix + @('-NoProfile', '-NonInteractive', '-File', $file)) 2>&1
        $watch.Stop()
        $exit = $LASTEXITCODE
    }
    finally { Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue }
    $json = $null
    foreach ($line in @($lines)) {
        $s = [string]$line
        if ($s -match '^\s*[\[{]') { $json = $s } else { Write-Host "  | $s" }
    }
    if ($exit -ne 0) { throw "The benchmark child failed (exit code $exit)." }
    if (-not $json) { throw 'The benchmark child printed no JSON result.' }
    $result = ConvertFrom-Json -InputObject $json
    if ($result -is [pscustomobject]) { $result | Add-Member -NotePropertyName WallSeconds -NotePropertyValue $watch.Elapsed.TotalSeconds -Force }
    $result
}

function Get-BenchPeakMemory {
    <#
    .SYNOPSIS
        Peak working set of this process in bytes (VmHWM on Linux, PeakWorkingSet on Windows/macOS).
    #>
    [CmdletBinding()]
    [OutputType([long])]
    param()
    [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
}

function Format-BenchTime {
    <# .SYNOPSIS Seconds as '850 ms' below one second, '1.23 s' above. #>
    param([Parameter(Mandatory)] [double] $Seconds)
    if ($Seconds -lt 1) { return ('{0:N0} ms' -f ($Seconds * 1000)) }
    '{0:N2} s' -f $Seconds
}

function Format-BenchBytes {
    <# .SYNOPSIS Bytes as MB with one decimal. #>
    param([Parameter(Mandatory)] [double] $Bytes)
    '{0:N1} MB' -f ($Bytes / 1MB)
}

function Format-BenchRatio {
    <# .SYNOPSIS A ratio as '2.4x'. #>
    param([Parameter(Mandatory)] [double] $Ratio)
    '{0:N2}x' -f $Ratio
}

Export-ModuleMember -Function New-BenchRow, Get-BenchShell, Invoke-BenchChild, Get-BenchPeakMemory, Format-BenchTime, Format-BenchBytes, Format-BenchRatio
