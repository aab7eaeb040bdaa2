<#
.SYNOPSIS
    Article-extraction benchmark: extracts the body of every page of the aeb-dev corpus (../shared/corpus/aeb-dev,
    or -Corpus) with the built module and scores it with aeb-score.py (F1 of word 4-grams, body only).
.DESCRIPTION
    Prints F1, precision, recall and pages/second (extraction only, pages already in memory).
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
    $shared = @($env:AINEWS_SHARED, (Join-Path (Split-Path -Parent $root) 'shared')) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $shared) { throw 'The shared corpus is not here: pass -Corpus or set AINEWS_SHARED.' }
    $Corpus = Join-Path $shared 'corpus/aeb-dev'
}
$truthPath = Join-Path $Corpus 'ground-truth.json'
$scorer = Join-Path (Split-Path -Parent (Split-Path -Parent $Corpus)) 'tools/aeb-score.py'
$python = Get-Command python3 -ErrorAction SilentlyContinue
if (-not $python) { throw 'python3 is needed to run the scorer.' }
$truth = Get-Content -Raw -Encoding utf8 $truthPath | ConvertFrom-Json

# Read and decompress everything first, so that pages/second measures extraction alone.
$pages = foreach ($file in Get-ChildItem (Join-Path $Corpus 'html') -Filter '*.html.gz' | Sort-Object Name) {
    $id = $file.Name -replace '\.html\.gz$', ''
    $stream = [IO.Compression.GZipStream]::new([IO.File]::OpenRead($file.FullName), [IO.Compression.CompressionMode]::Decompress)
    try {
        $reader = [IO.StreamReader]::new($stream, [Text.UTF8Encoding]::new($false), $true)
        $html = $reader.ReadToEnd()
    } finally { $stream.Dispose() }
    $url = $truth.$id.url
    [pscustomobject]@{ Id = $id; Html = $html; Uri = if ($url) { [Uri]$url } else { $null } }
}

$out = Join-Path ([IO.Path]::GetTempPath()) ("aeb-extract-" + [Guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory -Path $out | Out-Null
$extractor = [AiNews.Extraction.ArticleExtractor]::new()
$null = $extractor.Extract('<html><body><p>warm-up</p></body></html>', $null)   # rules file, JIT

$methods = @{}
$watch = [Diagnostics.Stopwatch]::StartNew()
$results = foreach ($page in $pages) {
    $r = $extractor.Extract($page.Html, $page.Uri)
    [pscustomobject]@{ Id = $page.Id; Body = [string]$r.Content; Method = [string]$r.Method }
}
$watch.Stop()
foreach ($r in $results) {
    $json = @{ articleBody = $r.Body } | ConvertTo-Json -Compress
    [IO.File]::WriteAllText((Join-Path $out "$($r.Id).json"), $json, [Text.UTF8Encoding]::new($false))
    $methods[$r.Method] = 1 + [int]$methods[$r.Method]
}

$scoreArgs = @($scorer, $truthPath, $out)
if ($PerItem) { $scoreArgs += @('--per-item', $PerItem) }
$score = & $python.Source @scoreArgs
if ($LASTEXITCODE -ne 0) { throw "The scorer failed: $score" }
$line = $score | Where-Object { $_ -match '^F1' } | Select-Object -First 1
$null = $line -match 'F1 ([\d.]+)\s+precision ([\d.]+)\s+recall ([\d.]+)'
$pagesPerSecond = $pages.Count / $watch.Elapsed.TotalSeconds

Write-Host ("pages      {0}  ({1})" -f $pages.Count, (($methods.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Value)" }) -join ', '))
Write-Host ("F1         {0}" -f $Matches[1])
Write-Host ("precision  {0}" -f $Matches[2])
Write-Host ("recall     {0}" -f $Matches[3])
Write-Host ("pages/s    {0:N1}  ({1:N2} s for {2} pages, one thread)" -f $pagesPerSecond, $watch.Elapsed.TotalSeconds, $pages.Count)
if ($Keep) { Write-Host "predictions: $out" } else { Remove-Item $out -Recurse -Force }
if ($PassThru) {
    [pscustomobject]@{ F1 = [double]$Matches[1]; Precision = [double]$Matches[2]; Recall = [double]$Matches[3]; PagesPerSecond = $pagesPerSecond }
}
