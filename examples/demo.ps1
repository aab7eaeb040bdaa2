<#
.SYNOPSIS
    The main job, offline: renders the daily digest of the sample articles shipped in tests/Fixtures.
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 demo
#>
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'AiNews.psd1') -Force
$out = Join-Path $root 'out'
New-Item -ItemType Directory -Force -Path $out | Out-Null
$path = Join-Path $out 'digest-2025-12-27.md'

Get-Content (Join-Path $root 'tests/Fixtures/sample-articles.json') -Raw -Encoding utf8 |
    ConvertFrom-Json |
    ForEach-Object { $_ } |
    Export-AiDigest -Path $path -Date 2025-12-27 -TimeZone Asia/Seoul -Force -PassThru |
    ForEach-Object { Write-Host "Digest written to $($_.FullName)" }
