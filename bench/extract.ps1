<#
.SYNOPSIS
    Article-extraction benchmark: extracts the body of every page of the aeb-dev corpus (../shared/corpus/aeb-dev,
    or -Corpus) with the built module and scores it with aeb-score.py (F1 of word 4-grams, body only).
.DESCRIPTION
    Runs Get-AiArticle -Path over the pages (decompressed to files first) and prints F1, precision, recall
    and pages/second of that run.
    Needs the module built (build.ps1 build, or build.ps1 bench-extract which builds first) and python3.
.PARAMETER Corpus
    Folder with ground-truth.json and html/*.html.gz. Default: ../shared/corpus/aeb-dev or $env:AINEWS_SHARED/corpus/aeb-dev.
.PARAMETER PerItem
    Also write the scorer's per-page TSV to this file.
.PARAMETER Keep
    Keep the predictions folder (its path is printed).
.PARAMETER PassThru
    Also return the figures as an object (F1, Precision, Recall, PagesPerSecond).
#>
[CmdletBinding()]
param(
    [string] $Corpus,
    [string] $PerItem,
    [switch] $Keep,
    [switch] $PassThru
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'AiNews.psd1') -Force

if (-not $Corpus) {
    Import-Module (Join-Path $root 'tests/TestHelpers.psm1') -Force
    $shared = Get-SharedRoot -RepoRoot $root
    if (-not $shared) { throw 'The shared corpus is not here: pass -Corpus or set AINEWS_SHARED.' }
    $Corpus = Join-Path $shared 'corpus/aeb-dev'
}
$truthPath = Join-Path $Corpus 'ground-truth.json'
$scorer = Join-Path (Split-Path -Parent (Split-Path -Parent $Corpus)) 'tools/aeb-score.py'
$python = Get-Command python3 -ErrorAction SilentlyContinue
if (-not $python) { throw 'python3 is needed to run the scorer.' }

# Decompress the pages into files first, so that pages/second measures what a user runs:
# Get-AiArticle -Path on saved pages (decoding, extraction, article assembly).
$pagesDir = Join-Path ([IO.Path]::GetTempPath()) ("aeb-pages-" + [Guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory -Path $pagesDir | Out-Null
$files = foreach ($file in Get-ChildItem (Join-Path $Corpus 'html') -Filter '*.html.gz' | Sort-Object Name) {
    $id = $file.Name -replace '\.html\.gz$', ''
    $target = Join-Path $pagesDir "$id.html"
    $source = [IO.Compression.GZipStream]::new([IO.File]::OpenRead($file.FullName), [IO.Compression.CompressionMode]::Decompress)
    try { $sink = [IO.File]::Create($target); try { $source.CopyTo($sink) } finally { $sink.Dispose() } } finally { $source.Dispose() }
    Get-Item $target
}

$out = Join-Path ([IO.Path]::GetTempPath()) ("aeb-extract-" + [Guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory -Path $out | Out-Null
$null = Get-AiArticle -Path $files[0].FullName   # rules file, JIT

$watch = [Diagnostics.Stopwatch]::StartNew()
$articles = @($files | Get-AiArticle)            # one article per file, in file order
$watch.Stop()
if ($articles.Count -ne $files.Count) { throw "Get-AiArticle returned $($articles.Count) articles for $($files.Count) pages." }
for ($i = 0; $i -lt $files.Count; $i++) {
    $json = @{ articleBody = [string]$articles[$i].Content } | ConvertTo-Json -Compress
    [IO.File]::WriteAllText((Join-Path $out "$($files[$i].BaseName).json"), $json, [Text.UTF8Encoding]::new($false))
}
$pages = $files
Remove-Item $pagesDir -Recurse -Force

$scoreArgs = @($scorer, $truthPath, $out)
if ($PerItem) { $scoreArgs += @('--per-item', $PerItem) }
$score = & $python.Source @scoreArgs
if ($LASTEXITCODE -ne 0) { throw "The scorer failed: $score" }
$line = $score | Where-Object { $_ -match '^F1' } | Select-Object -First 1
$null = $line -match 'F1 ([\d.]+)\s+precision ([\d.]+)\s+recall ([\d.]+)'
$pagesPerSecond = $pages.Count / $watch.Elapsed.TotalSeconds

Write-Host ("pages      {0}  (Get-AiArticle -Path)" -f $pages.Count)
Write-Host ("F1         {0}" -f $Matches[1])
Write-Host ("precision  {0}" -f $Matches[2])
Write-Host ("recall     {0}" -f $Matches[3])
Write-Host ("pages/s    {0:N1}  ({1:N2} s for {2} pages: reading, decoding, extraction; one thread)" -f $pagesPerSecond, $watch.Elapsed.TotalSeconds, $pages.Count)
if ($Keep) { Write-Host "predictions: $out" } else { Remove-Item $out -Recurse -Force }
if ($PassThru) {
    [pscustomobject]@{ F1 = [double]$Matches[1]; Precision = [double]$Matches[2]; Recall = [double]$Matches[3]; PagesPerSecond = $pagesPerSecond }
}
