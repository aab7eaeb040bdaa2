<#
.SYNOPSIS
    Trains the tagger's weights on every hand-labelled article of ../shared/corpus/labels/dev-extended.jsonl and writes
    them to module/data/tagger-weights.json. Deterministic: the same labels give the same file, byte for byte.
.PARAMETER Labels
    The JSONL file; default ../shared/corpus/labels/dev-extended.jsonl (or under $env:AINEWS_SHARED).
.PARAMETER OutFile
    Where the weights go; default module/data/tagger-weights.json.
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 train-tagger
#>
param(
    [string] $Labels,
    [string] $OutFile
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'TaggerLabels.ps1')
$Labels = Resolve-TaggerLabels $Labels
if (-not $Labels) { throw 'No labels found (../shared/corpus/labels/dev-extended.jsonl); set AINEWS_SHARED or pass -Labels.' }
if (-not $OutFile) { $OutFile = Join-Path $root 'module/data/tagger-weights.json' }

$articles = [AiNews.Tagging.LabelledArticle]::Load($Labels)
$trainer = [AiNews.Tagging.TaggerTrainer]::new()
$elapsed = [Diagnostics.Stopwatch]::StartNew()
$weights = $trainer.Train($articles, "$(Split-Path -Leaf $Labels) ($($articles.Count) articles)")
[AiNews.Common.AtomicFile]::WriteAllText($OutFile, $weights.ToJson())
Write-Host ("train-tagger: {0} articles, {1} organization / {2} AI-relevance weights, {3} tags, thresholds tag {4} AI {5}; {6} ms -> {7}" -f
    $articles.Count, $weights.Organization.Count, $weights.AiRelevance.Count, $weights.Tags.Count, $weights.TagThreshold, $weights.AiThreshold,
    [int]$elapsed.Elapsed.TotalMilliseconds, $OutFile)
