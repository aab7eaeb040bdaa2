<#
.SYNOPSIS
    Runs the Pester suite (called by build.ps1 test in a fresh PowerShell) and prints one closing line
    "N passed, N failed, N skipped"; exits 1 when a test failed or none ran.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $Path
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force

$config = New-PesterConfiguration
$config.Run.Path = $Path -split ','
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$artifacts = Join-Path $PSScriptRoot 'artifacts'
New-Item -ItemType Directory -Force -Path $artifacts | Out-Null
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = Join-Path $artifacts 'test-results.xml'

$result = Invoke-Pester -Configuration $config
$skipped = $result.SkippedCount + $result.NotRunCount
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
Write-Host ''
Write-Host "$($result.PassedCount) passed, $failed failed, $skipped skipped"
if ($failed -gt 0 -or $result.PassedCount -eq 0) { exit 1 }
exit 0
