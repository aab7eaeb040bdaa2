# Used at discovery time (-Skip:) by tests that need ../shared; prints why they are skipped.
$sharedCandidates = @($env:AINEWS_SHARED, (Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'shared'))
$script:HasShared = [bool](@($sharedCandidates | Where-Object { $_ -and (Test-Path (Join-Path $_ 'corpus')) }).Count)
if (-not $script:HasShared) {
    Write-Host "NOTE: ../shared (the reference corpus) is not here; tests that need it are skipped. Set AINEWS_SHARED to its path to run them." -ForegroundColor Yellow
}
