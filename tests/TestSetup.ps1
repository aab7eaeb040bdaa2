# Dot-sourced by every test file: imports the built module and locates the shared corpus.
$script:RepoRoot = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $script:RepoRoot 'AiNews.psd1') -Force

# The read-only corpus beside the project (../shared), or $env:AINEWS_SHARED; absent in a user's clone.
$script:SharedRoot = @($env:AINEWS_SHARED, (Join-Path (Split-Path -Parent $script:RepoRoot) 'shared')) |
    Where-Object { $_ -and (Test-Path (Join-Path $_ 'corpus')) } | Select-Object -First 1
$script:FixturesRoot = Join-Path $PSScriptRoot 'Fixtures'
