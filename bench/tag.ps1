<#
.SYNOPSIS
    Scores the tagger on the hand-labelled articles (../shared/corpus/labels/dev.jsonl): organization accuracy and
    tag micro-F1 over the AI-related articles, AI-relevance accuracy over all; prints the old system's baseline
    (old_org/old_tags, what the keyword matcher put into the archive) beside ours.
.PARAMETER Labels
    The JSONL file; default ../shared/corpus/labels/dev.jsonl or $env:AINEWS_SHARED/corpus/labels/dev.jsonl.
.PARAMETER Detail
    Also list every article where our organization, tags or relevance differ from the labels.
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 bench-tag
#>
param(
    [string] $Labels,
    [switch] $Detail
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'AiNews.psd1') -Force

if (-not $Labels) {
    Import-Module (Join-Path $root 'tests/TestHelpers.psm1') -Force
    $shared = Get-SharedRoot -RepoRoot $root
    if (-not $shared -or -not (Test-Path (Join-Path $shared 'corpus/labels/dev.jsonl'))) { Write-Warning 'No labels found (../shared/corpus/labels/dev.jsonl); set AINEWS_SHARED or pass -Labels.'; return }
    $Labels = Join-Path $shared 'corpus/labels/dev.jsonl'
}

$tagger = [AiNews.Tagging.Tagger]::new([AiNews.Tagging.Taxonomy]::Default)
$rows = Get-Content -LiteralPath $Labels -Encoding utf8 | Where-Object { $_.Trim() } | ForEach-Object { $_ | ConvertFrom-Json }

function New-Score { [ordered]@{ OrgOk = 0; OrgN = 0; Tp = 0; Fp = 0; Fn = 0; AiOk = 0; AiN = 0 } }
function Add-TagCounts($score, [string[]] $predicted, [string[]] $expected) {
    $p = @($predicted | Where-Object { $_ }); $e = @($expected | Where-Object { $_ })
    $score.Tp += @($p | Where-Object { $e -contains $_ }).Count
    $score.Fp += @($p | Where-Object { $e -notcontains $_ }).Count
    $score.Fn += @($e | Where-Object { $p -notcontains $_ }).Count
}
function Get-F1($s) {
    $prec = if ($s.Tp + $s.Fp) { $s.Tp / ($s.Tp + $s.Fp) } else { 0 }
    $rec = if ($s.Tp + $s.Fn) { $s.Tp / ($s.Tp + $s.Fn) } else { 0 }
    if ($prec + $rec) { 2 * $prec * $rec / ($prec + $rec) } else { 0 }
}

$ours = New-Score; $old = New-Score
$elapsed = [Diagnostics.Stopwatch]::StartNew()
foreach ($row in $rows) {
    $r = $tagger.Tag($row.title, $row.text, $null)
    $ours.AiN++; $old.AiN++
    if ($r.IsAiRelated -eq [bool]$row.ai_related) { $ours.AiOk++ }
    $old.AiOk += [int]([bool]$row.ai_related)   # the old system kept everything: all "AI-related"
    $problems = @()
    if ($r.IsAiRelated -ne [bool]$row.ai_related) { $problems += "ai=$($r.IsAiRelated) (label $($row.ai_related))" }
    if ($row.ai_related) {
        $ours.OrgN++; $old.OrgN++
        if ($r.Organization -eq $row.org) { $ours.OrgOk++ } else { $problems += "org=$($r.Organization) (label $($row.org); subject '$($r.Subject)')" }
        if ($row.old_org -eq $row.org) { $old.OrgOk++ }
        Add-TagCounts $ours $r.Tags $row.tags
        Add-TagCounts $old $row.old_tags $row.tags
        $missing = @($row.tags | Where-Object { $r.Tags -notcontains $_ }); $extra = @($r.Tags | Where-Object { $row.tags -notcontains $_ })
        if ($missing -or $extra) { $problems += "tags -[$($missing -join ', ')] +[$($extra -join ', ')]" }
    }
    if ($Detail -and $problems) { Write-Host ("{0,4} {1}`n     {2}" -f $row.id, $row.title, ($problems -join '; ')) }
}
$elapsed.Stop()

$fmt = { param($x) $x.ToString('0.000', [Globalization.CultureInfo]::InvariantCulture) }
$lines = @(
    ''
    "Tagging bench on $(Split-Path -Leaf $Labels): $($rows.Count) articles, $($ours.OrgN) AI-related ($([int]$elapsed.Elapsed.TotalMilliseconds) ms)"
    ''
    '| measure | ours | old keyword system | target |'
    '|---|---|---|---|'
    "| organization accuracy (AI-related) | $(& $fmt ($ours.OrgOk / $ours.OrgN)) | $(& $fmt ($old.OrgOk / $old.OrgN)) | >= 0.85 |"
    "| tag micro-F1 (AI-related) | $(& $fmt (Get-F1 $ours)) | $(& $fmt (Get-F1 $old)) | >= 0.75 |"
    "| AI-relevance accuracy (all) | $(& $fmt ($ours.AiOk / $ours.AiN)) | $(& $fmt ($old.AiOk / $old.AiN)) | >= 0.95 |"
)
$lines | ForEach-Object { Write-Host $_ }
[pscustomobject]@{
    OrganizationAccuracy = $ours.OrgOk / $ours.OrgN
    TagMicroF1           = Get-F1 $ours
    AiRelevanceAccuracy  = $ours.AiOk / $ours.AiN
    OldOrganizationAccuracy = $old.OrgOk / $old.OrgN
    OldTagMicroF1        = Get-F1 $old
    OldAiRelevanceAccuracy = $old.AiOk / $old.AiN
} | Format-List | Out-String | Write-Verbose
