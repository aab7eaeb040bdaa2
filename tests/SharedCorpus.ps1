# Used at discovery time (-Skip:) by tests that need ../shared; prints why they are skipped.
Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
$script:HasShared = [bool](Get-SharedRoot)
if (-not $script:HasShared) {
    Write-Host "NOTE: ../shared (the reference corpus) is not here; tests that need it are skipped. Set AINEWS_SHARED to its path to run them." -ForegroundColor Yellow
}
