<#
.SYNOPSIS
    Scores the tagger on the hand-labelled articles (../shared/corpus/labels/dev-extended.jsonl): 5-fold cross-validation
    (folds fixed by article id; each fold scored by weights trained on the other four), in-sample (trained and scored on
    all), and the old keyword system (old_org/old_tags, what it wrote into the archive) beside them. Organization accuracy
    and tag micro-F1 over the AI-related articles, AI-relevance accuracy over all; per-tag F1 below. Beside the bench's
    own folds (fold assignment 0), the mean over fold assignments 0..Assignments-1: one assignment is one draw of which
    articles share a fold and moves a figure by about +-0.005, so a change is judged by the mean.
.PARAMETER Labels
    The JSONL file; default ../shared/corpus/labels/dev-extended.jsonl (or under $env:AINEWS_SHARED).
.PARAMETER Assignments
    How many fold assignments the mean covers (default 4; 1 runs the bench's own folds only).
.PARAMETER Detail
    Also list every article where the cross-validated labels differ from the hand labels.
.PARAMETER LearningCurve
    Also run the cross-validation on a quarter, a half and three quarters of each training set (drawn by article id, the
    scored folds whole) and print the mean figures beside the full set's: how much more labelled articles would still add.
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 bench-tag
#>
param(
    [string] $Labels,
    [ValidateRange(1, 100)] [int] $Assignments = 4,
    [switch] $Detail,
    [switch] $LearningCurve
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'TaggerLabels.ps1')
$Labels = Resolve-TaggerLabels $Labels
if (-not $Labels) { Write-Warning 'No labels found (../shared/corpus/labels/dev-extended.jsonl); set AINEWS_SHARED or pass -Labels.'; return }

$articles = [AiNews.Tagging.LabelledArticle]::Load($Labels)
$trainer = [AiNews.Tagging.TaggerTrainer]::new()
$elapsed = [Diagnostics.Stopwatch]::StartNew()
$runs = @(0..($Assignments - 1) | ForEach-Object { $trainer.CrossValidate($articles, $_) })
$cvMs = [int]$elapsed.Elapsed.TotalMilliseconds
$cv = $runs[0]
$mean = @{
    Org  = ($runs | Measure-Object OrganizationAccuracy -Average).Average
    Tags = ($runs | Measure-Object TagMicroF1 -Average).Average
    Ai   = ($runs | Measure-Object AiRelevanceAccuracy -Average).Average
}
$in = $trainer.Evaluate($trainer.Train($articles), $articles)
$old = [AiNews.Tagging.TaggerTrainer]::EvaluateOldSystem($articles)

$f = { param($x) $x.ToString('0.000', [Globalization.CultureInfo]::InvariantCulture) }
$gap = { param($a, $b) ($a - $b).ToString('+0.000;-0.000;0.000', [Globalization.CultureInfo]::InvariantCulture) }
$f4 = { param($x) $x.ToString('0.0000', [Globalization.CultureInfo]::InvariantCulture) }
$each = { param($measure) ($runs | ForEach-Object { & $f4 $_.$measure }) -join ' / ' }
$lines = @(
    ''
    "Tagging bench on $(Split-Path -Leaf $Labels): $($articles.Count) articles, $($cv.AiRelatedArticles) AI-related; $($trainer.Folds)-fold CV by article id on $Assignments fold assignment(s) ($cvMs ms)"
    ''
    "| measure | cross-validated (assignment 0) | mean CV, $Assignments assignments | in-sample | in-sample minus CV | old keyword system | target (CV) |"
    '|---|---|---|---|---|---|---|'
    "| organization accuracy (AI-related) | $(& $f $cv.OrganizationAccuracy) | $(& $f4 $mean.Org) | $(& $f $in.OrganizationAccuracy) | $(& $gap $in.OrganizationAccuracy $cv.OrganizationAccuracy) | $(& $f $old.OrganizationAccuracy) | >= 0.88 |"
    "| tag micro-F1 (AI-related) | $(& $f $cv.TagMicroF1) | $(& $f4 $mean.Tags) | $(& $f $in.TagMicroF1) | $(& $gap $in.TagMicroF1 $cv.TagMicroF1) | $(& $f $old.TagMicroF1) | >= 0.82 |"
    "| AI-relevance accuracy (all) | $(& $f $cv.AiRelevanceAccuracy) | $(& $f4 $mean.Ai) | $(& $f $in.AiRelevanceAccuracy) | $(& $gap $in.AiRelevanceAccuracy $cv.AiRelevanceAccuracy) | $(& $f $old.AiRelevanceAccuracy) | >= 0.96 |"
    ''
    "Per fold assignment: organization $(& $each 'OrganizationAccuracy'); tags $(& $each 'TagMicroF1'); AI relevance $(& $each 'AiRelevanceAccuracy')"
    ''
    '| tag | articles | CV precision | CV recall | CV F1 | in-sample F1 | old F1 |'
    '|---|---|---|---|---|---|---|'
)
foreach ($tag in $cv.PerTag.Keys) {
    $c = $cv.PerTag[$tag]
    $i = $in.PerTag[$tag]; $o = $old.PerTag[$tag]
    $lines += "| $tag | $($c.Support) | $(& $f $c.Precision) | $(& $f $c.Recall) | $(& $f $c.F1) | $(if ($i) { & $f $i.F1 } else { '-' }) | $(if ($o) { & $f $o.F1 } else { '-' }) |"
}
if ($LearningCurve) {
    $lines += @(
        ''
        "Learning curve: mean CV over $Assignments fold assignment(s), each training set cut to a share of its articles"
        ''
        '| share of each training set | training articles per fold (about) | organization accuracy | tag micro-F1 | AI-relevance accuracy |'
        '|---|---|---|---|---|'
    )
    foreach ($share in 0.25, 0.5, 0.75, 1.0) {
        $at = if ($share -eq 1.0) { $runs } else { @(0..($Assignments - 1) | ForEach-Object { $trainer.CrossValidate($articles, $_, $share) }) }
        $perFold = [int]($articles.Count * ($trainer.Folds - 1) / $trainer.Folds * $share)
        $lines += "| $($share.ToString('0.00', [Globalization.CultureInfo]::InvariantCulture)) | $perFold | $(& $f4 ($at | Measure-Object OrganizationAccuracy -Average).Average) | $(& $f4 ($at | Measure-Object TagMicroF1 -Average).Average) | $(& $f4 ($at | Measure-Object AiRelevanceAccuracy -Average).Average) |"
    }
}
$lines | ForEach-Object { Write-Host $_ }
if ($Detail) { Write-Host ''; $cv.Misses | ForEach-Object { Write-Host $_ } }
