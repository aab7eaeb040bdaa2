# Dot-sourced by bench/tag.ps1 and bench/train-tagger.ps1: imports the built module and finds the hand labels.
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'AiNews.psd1') -Force

# The labels file: the one given, else ../shared/corpus/labels/dev-extended.jsonl (or under $env:AINEWS_SHARED); null when absent.
function Resolve-TaggerLabels([string] $Labels) {
    if ($Labels) { return (Resolve-Path -LiteralPath $Labels).Path }
    Import-Module (Join-Path $root 'tests/TestHelpers.psm1') -Force
    $shared = Get-SharedRoot -RepoRoot $root
    $path = if ($shared) { Join-Path $shared 'corpus/labels/dev-extended.jsonl' }
    if ($path -and (Test-Path -LiteralPath $path)) { $path }
}
