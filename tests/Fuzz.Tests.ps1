# Seeded mutations of real feeds and pages (../shared, else our fixtures) through the engine code Get-AiArticle runs
# on downloaded bytes: no unhandled exception, no input over its time budget, bounded memory (issue 8).
# `build.ps1 fuzz -Minutes N` runs the same harness longer with a fresh seed.
BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/tools/Fuzz.ps1"
    $script:Fuzzer = New-Fuzzer -SharedRoot $SharedRoot
}

Describe 'Fuzzing the feed reader and the extractor' {
    It 'survives 2,000 mutated feeds and pages within a minute, each within its budget and with bounded memory' {
        $Fuzzer.InputBudget = [TimeSpan]::FromSeconds(5)
        $Fuzzer.MaxManagedBytes = 1GB
        $Fuzzer.PageShare = 0.15
        $report = $Fuzzer.Run(20261130, 2000, [TimeSpan]::FromSeconds(55))
        Write-Host "    fuzz: $report (seeds: $($Fuzzer.FeedSeeds) feeds, $($Fuzzer.PageSeeds) pages)"
        ($report.Failures | Select-Object -First 5 | ForEach-Object { "$_" }) -join "`n" | Should -BeNullOrEmpty
        $report.Inputs | Should -Be 2000
        $report.PageInputs | Should -BeGreaterThan 100
        $report.Mutations.Count | Should -Be 8
        $report.PeakManagedBytes | Should -BeLessThan 1GB
    }
}
