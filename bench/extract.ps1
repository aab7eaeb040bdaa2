<#
.SYNOPSIS
    Article-extraction benchmark: extracts the body of every page of two corpora with the built module, as a user
    would (Get-AiArticle -Path on saved pages), and scores the bodies with each corpus's own scorer.
.DESCRIPTION
    - aeb-dev (88 pages, ../shared/corpus/aeb-dev): word 4-gram F1 against the ground-truth bodies (tools/aeb-score.py).
    - trafilatura-eval (990 pages, ../shared/corpus/trafilatura-eval): snippets of main text found and snippets of
      boilerplate not found (tools/snippet-score.py), micro-averaged, as trafilatura's benchmark measures it; reported
      for the whole set and for its two halves by file number: even numbers (the development half, the only one the
      extractor may be tuned on) and odd numbers (the check half). A gap between the halves larger than
      $MaxHalfGap means a rule fits pages rather than the web.
    For each corpus: precision, recall, F1, empty extractions and pages per second (reading, decoding, extraction and
    article assembly of one Get-AiArticle call over all the pages; one thread), with the published figures of other
    extractors beside ours.
    Needs the module built (build.ps1 build, or build.ps1 bench-extract which builds first) and python3.
.PARAMETER SharedRoot
    The shared reference folder (holding corpus/ and tools/). Default: ../shared or $env:AINEWS_SHARED.
.PARAMETER Corpora
    Which corpora to run (default both).
.PARAMETER PerItem
    A folder to write each scorer's per-page TSV into (aeb-dev.tsv, trafilatura-eval.tsv).
.PARAMETER Keep
    Keep the predictions folders (their paths are printed).
.PARAMETER PassThru
    Also return the figures as objects (Corpus, Part, Pages, Empty, Precision, Recall, F1, PagesPerSecond).
#>
[CmdletBinding()]
param(
    [string] $SharedRoot,
    [ValidateSet('aeb-dev', 'trafilatura-eval')]
    [string[]] $Corpora = @('aeb-dev', 'trafilatura-eval'),
    [string] $PerItem,
    [switch] $Keep,
    [switch] $PassThru
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'AiNews.psd1') -Force

# The issue's bar for over-fitting: F1 of the development and check halves may differ by at most this much.
$MaxHalfGap = 0.02

if (-not $SharedRoot) {
    Import-Module (Join-Path $root 'tests/TestHelpers.psm1') -Force
    $SharedRoot = Get-SharedRoot -RepoRoot $root
    if (-not $SharedRoot) { throw 'The shared corpus is not here: pass -SharedRoot or set AINEWS_SHARED.' }
}
$python = Get-Command python3 -ErrorAction SilentlyContinue
if (-not $python) { throw 'python3 is needed to run the scorers.' }
if ($PerItem) { New-Item -ItemType Directory -Force -Path $PerItem | Out-Null }

# Published figures on the same pages (aeb-dev: with the article-extraction-benchmark; trafilatura-eval: trafilatura's
# documentation, see corpus/trafilatura-eval/README.md). Precision/recall left empty where the source gives only F1.
$published = @{
    'aeb-dev'          = @(
        @{ Name = 'trafilatura 2.0'; F1 = 0.958 }
        @{ Name = 'Readability'; F1 = 0.951 }
    )
    'trafilatura-eval' = @(
        @{ Name = 'trafilatura 2.2.0 (standard)'; Precision = 0.906; Recall = 0.943; F1 = 0.924 }
        @{ Name = 'trafilatura 2.2.0 (fast)'; Precision = 0.907; Recall = 0.930; F1 = 0.918 }
        @{ Name = 'magic-html 0.1.8'; Precision = 0.887; Recall = 0.891; F1 = 0.889 }
        @{ Name = 'justext 3.0.2 (custom)'; Precision = 0.864; Recall = 0.859; F1 = 0.862 }
        @{ Name = 'news-please 1.6.16'; Precision = 0.932; Recall = 0.758; F1 = 0.836 }
        @{ Name = 'readability-lxml 0.8.4.1'; Precision = 0.898; Recall = 0.764; F1 = 0.826 }
        @{ Name = 'goose3 3.1.22'; Precision = 0.936; Recall = 0.714; F1 = 0.810 }
        @{ Name = 'newspaper4k 0.9.6'; Precision = 0.878; Recall = 0.736; F1 = 0.801 }
    )
}

function New-TempFolder([string] $Prefix) {
    $path = Join-Path ([IO.Path]::GetTempPath()) ("$Prefix-" + [Guid]::NewGuid().ToString('n').Substring(0, 8))
    New-Item -ItemType Directory -Path $path | Out-Null
    $path
}

# Decompresses html/*.html.gz into files, so that the run measures what a user runs: Get-AiArticle -Path on saved pages.
function Expand-Pages([string] $Corpus) {
    $pagesDir = New-TempFolder 'extract-pages'
    $files = foreach ($file in Get-ChildItem (Join-Path $Corpus 'html') -Filter '*.html.gz' | Sort-Object Name) {
        $target = Join-Path $pagesDir ($file.Name -replace '\.gz$', '')
        $source = [IO.Compression.GZipStream]::new([IO.File]::OpenRead($file.FullName), [IO.Compression.CompressionMode]::Decompress)
        try { $sink = [IO.File]::Create($target); try { $source.CopyTo($sink) } finally { $sink.Dispose() } } finally { $source.Dispose() }
        Get-Item $target
    }
    @{ Folder = $pagesDir; Files = @($files) }
}

# One Get-AiArticle call over all the pages; returns the bodies by page name (file name without .html) and the time taken.
function Invoke-Extraction([IO.FileInfo[]] $Files) {
    $null = Get-AiArticle -Path $Files[0].FullName   # rules file, JIT
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $articles = @($Files | Get-AiArticle -ErrorVariable problems -ErrorAction SilentlyContinue)   # one article per file, in file order
    $watch.Stop()
    if ($articles.Count -ne $Files.Count) {
        throw "Get-AiArticle returned $($articles.Count) articles for $($Files.Count) pages: $($problems | Select-Object -First 5)"
    }
    $bodies = [ordered]@{}
    for ($i = 0; $i -lt $Files.Count; $i++) { $bodies[$Files[$i].BaseName] = [string]$articles[$i].Content }
    @{ Bodies = $bodies; Seconds = $watch.Elapsed.TotalSeconds }
}

# Expands a corpus's pages, extracts them, and writes each body to <name>.txt in a new folder (both scorers read that).
function Get-Predictions([string] $Corpus, [string] $Prefix) {
    $pages = Expand-Pages $Corpus
    try { $run = Invoke-Extraction $pages.Files } finally { Remove-Item $pages.Folder -Recurse -Force }
    $out = New-TempFolder $Prefix
    foreach ($name in $run.Bodies.Keys) {
        [IO.File]::WriteAllText((Join-Path $out "$name.txt"), $run.Bodies[$name], [Text.UTF8Encoding]::new($false))
    }
    @{ Run = $run; Folder = $out }
}

function Invoke-Scorer([string[]] $Arguments) {
    $output = & $python.Source @Arguments
    if ($LASTEXITCODE -ne 0) { throw "The scorer failed: $output" }
    $output
}

$results = [Collections.Generic.List[object]]::new()

if ('aeb-dev' -in $Corpora) {
    $corpus = Join-Path $SharedRoot 'corpus/aeb-dev'
    $predictions = Get-Predictions $corpus 'aeb-extract'
    $run = $predictions.Run
    $out = $predictions.Folder
    $scoreArgs = @((Join-Path $SharedRoot 'tools/aeb-score.py'), (Join-Path $corpus 'ground-truth.json'), $out)
    if ($PerItem) { $scoreArgs += @('--per-item', (Join-Path $PerItem 'aeb-dev.tsv')) }
    $line = Invoke-Scorer $scoreArgs | Where-Object { $_ -match '^F1' } | Select-Object -First 1
    if ($line -notmatch 'F1 ([\d.]+)\s+precision ([\d.]+)\s+recall ([\d.]+)') { throw "Unexpected scorer output: $line" }
    $results.Add([pscustomobject]@{
            Corpus = 'aeb-dev'; Part = 'all'; Pages = $run.Bodies.Count
            Empty = @($run.Bodies.Values | Where-Object { -not $_.Trim() }).Count
            Precision = [double]$Matches[2]; Recall = [double]$Matches[3]; F1 = [double]$Matches[1]
            PagesPerSecond = $run.Bodies.Count / $run.Seconds
        })
    if ($Keep) { Write-Host "aeb-dev predictions: $out" } else { Remove-Item $out -Recurse -Force }
}

if ('trafilatura-eval' -in $Corpora) {
    $corpus = Join-Path $SharedRoot 'corpus/trafilatura-eval'
    $predictions = Get-Predictions $corpus 'traf-extract'
    $run = $predictions.Run
    $out = $predictions.Folder
    # The halves: evaldata.json restricted to even and odd file numbers.
    $evaldata = Get-Content -Raw (Join-Path $corpus 'evaldata.json') | ConvertFrom-Json
    $parts = [ordered]@{ all = Join-Path $corpus 'evaldata.json' }
    foreach ($half in @(@{ Name = 'even (dev)'; Rest = 0 }, @{ Name = 'odd (check)'; Rest = 1 })) {
        $subset = [ordered]@{}
        foreach ($entry in $evaldata.PSObject.Properties) {
            if ([int]($entry.Value.file -replace '\D', '') % 2 -eq $half.Rest) { $subset[$entry.Name] = $entry.Value }
        }
        $path = Join-Path $out ("evaldata-{0}.json" -f $half.Rest)
        [IO.File]::WriteAllText($path, ($subset | ConvertTo-Json -Depth 5), [Text.UTF8Encoding]::new($false))
        $parts[$half.Name] = $path
    }
    foreach ($part in $parts.Keys) {
        $scoreArgs = @((Join-Path $SharedRoot 'tools/snippet-score.py'), $parts[$part], $out)
        if ($PerItem -and $part -eq 'all') { $scoreArgs += @('--per-item', (Join-Path $PerItem 'trafilatura-eval.tsv')) }
        $line = Invoke-Scorer $scoreArgs | Where-Object { $_ -match '^documents' } | Select-Object -First 1
        if ($line -notmatch 'documents (\d+)\s+empty (\d+)\s+precision ([\d.]+)\s+recall ([\d.]+)\s+accuracy ([\d.]+)\s+F1 ([\d.]+)') {
            throw "Unexpected scorer output: $line"
        }
        $results.Add([pscustomobject]@{
                Corpus = 'trafilatura-eval'; Part = $part; Pages = [int]$Matches[1]; Empty = [int]$Matches[2]
                Precision = [double]$Matches[3]; Recall = [double]$Matches[4]; F1 = [double]$Matches[6]
                PagesPerSecond = if ($part -eq 'all') { $run.Bodies.Count / $run.Seconds } else { $null }
            })
    }
    if ($Keep) { Write-Host "trafilatura-eval predictions: $out" } else { Remove-Item $out -Recurse -Force }
}

foreach ($corpusName in $Corpora) {
    Write-Host ''
    Write-Host "== $corpusName"
    Write-Host ('{0,-30} {1,9} {2,7} {3,7} {4,6} {5,6} {6,8}' -f 'extractor', 'precision', 'recall', 'F1', 'pages', 'empty', 'pages/s')
    foreach ($r in $results | Where-Object Corpus -EQ $corpusName) {
        $speed = if ($null -ne $r.PagesPerSecond) { '{0:N1}' -f $r.PagesPerSecond } else { '' }
        Write-Host ('{0,-30} {1,9:N3} {2,7:N3} {3,7:N3} {4,6} {5,6} {6,8}' -f "AiNews ($($r.Part))", $r.Precision, $r.Recall, $r.F1, $r.Pages, $r.Empty, $speed)
    }
    foreach ($p in $published[$corpusName]) {
        $precision = if ($p.ContainsKey('Precision')) { '{0:N3}' -f $p.Precision } else { '' }
        $recall = if ($p.ContainsKey('Recall')) { '{0:N3}' -f $p.Recall } else { '' }
        Write-Host ('{0,-30} {1,9} {2,7} {3,7:N3}' -f $p.Name, $precision, $recall, $p.F1)
    }
    if ($corpusName -eq 'trafilatura-eval') {
        $even = $results | Where-Object { $_.Corpus -eq $corpusName -and $_.Part -like 'even*' }
        $odd = $results | Where-Object { $_.Corpus -eq $corpusName -and $_.Part -like 'odd*' }
        $gap = [Math]::Abs($even.F1 - $odd.F1)
        Write-Host ('gap between the halves: {0:N3} (at most {1})' -f $gap, $MaxHalfGap)
    }
}
if ($PassThru) { $results }
