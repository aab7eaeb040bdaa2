<#
.SYNOPSIS
    Measures Add-AiSummary's extractive summaries over the seed archive (../shared/corpus/seed-archive): how many
    articles with two or more sentences get one, and how many break a rule of issue 11 (over 3 sentences, over
    300 characters of Korean or 60 words of English, a sentence cut off, the title or the standfirst repeated).
.PARAMETER Module
    The module manifest to measure; default this checkout's AiNews.psd1 (another checkout's, to compare).
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/summaries.ps1
#>
param([string] $Module)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module $(if ($Module) { $Module } else { Join-Path $root 'AiNews.psd1' }) -Force
Import-Module (Join-Path $root 'tests/TestHelpers.psm1') -Force
$shared = Get-SharedRoot -RepoRoot $root
if (-not $shared) { Write-Warning 'No seed archive found (../shared/corpus/seed-archive); set AINEWS_SHARED.'; return }

$files = Get-ChildItem (Join-Path $shared 'corpus/seed-archive') -Recurse -Filter '*.md' | Where-Object Name -Match '^\d\d-\d\d\.md$' | Sort-Object FullName
$articles = @($files | ForEach-Object { ConvertFrom-AiDigest -LiteralPath $_.FullName -WarningAction SilentlyContinue })
$eligible = @($articles | Where-Object { [AiNews.Summaries.SentenceSplitter]::Split($_.Content).Count -ge 2 })
$clock = [Diagnostics.Stopwatch]::StartNew()
$summarised = @($eligible | Add-AiSummary -Force)
$seconds = $clock.Elapsed.TotalSeconds

# Each problem line starts with what is wrong ("repeats the standfirst: <title> / <sentence>"): count articles per kind.
$kinds = @{}
foreach ($a in $summarised) {
    foreach ($kind in @($a | Get-SummaryProblem | ForEach-Object { ($_ -split ':')[0] } | Select-Object -Unique)) { $kinds[$kind] = 1 + [int] $kinds[$kind] }
}
$korean = @($summarised | Where-Object { $_.Summary -and [AiNews.Text.LanguageGuess]::Decide($_.Language, $_.Title, $_.Content) -like 'ko*' })
$english = @($summarised | Where-Object { $_.Summary -and $_ -notin $korean })
$sentences = $summarised | Where-Object Summary | Group-Object { [Math]::Min(4, [AiNews.Summaries.SentenceSplitter]::Split($_.Summary).Count) } | Sort-Object Name

"Archive articles: $($articles.Count); with two or more sentences: $($eligible.Count); with a summary: $(@($summarised | Where-Object Summary).Count)"
"Articles breaking a rule: " + $(if ($kinds.Count) { ($kinds.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Value)" }) -join ', ' } else { 'none' })
"Sentences per summary: " + (($sentences | ForEach-Object { "$(if ($_.Name -eq '4') { '4+' } else { $_.Name }): $($_.Count)" }) -join ', ')
"Korean: {0} summaries, mean {1:N0} characters (max {2}); English: {3}, mean {4:N1} words (max {5})" -f $korean.Count,
    ($korean | ForEach-Object { $_.Summary.Length } | Measure-Object -Average).Average, ($korean | ForEach-Object { $_.Summary.Length } | Measure-Object -Maximum).Maximum,
    $english.Count, ($english | ForEach-Object { @($_.Summary -split '\s+' | Where-Object { $_ }).Count } | Measure-Object -Average).Average,
    ($english | ForEach-Object { @($_.Summary -split '\s+' | Where-Object { $_ }).Count } | Measure-Object -Maximum).Maximum
"Shortened (no whole sentence fitted): $(@($summarised | Where-Object { "$($_.Summary)".EndsWith('…') -and [AiNews.Summaries.SentenceSplitter]::Split($_.Summary).Count -eq 1 }).Count)"
"Add-AiSummary time: {0:N1} s for {1} articles" -f $seconds, $eligible.Count
