# Dot-sourced by every test file: imports the built module and locates the shared corpus.
$script:RepoRoot = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $script:RepoRoot 'AiNews.psd1') -Force

Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
# The read-only corpus beside the project (../shared), or $env:AINEWS_SHARED; absent in a user's clone.
$script:SharedRoot = Get-SharedRoot
$script:FixturesRoot = Join-Path $PSScriptRoot 'Fixtures'
