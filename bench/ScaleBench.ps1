# What the fetching, re-run, scale and archive scenarios (bench/scenarios/fetch.ps1, rerun.ps1, scale.ps1, archive.ps1)
# share: the test-site job they fetch, the politeness bound, and articles generated from the seed archive.
# Dot-sourced, so that each scenario also runs alone (dotnet pwsh -NoProfile -File bench/scenarios/fetch.ps1).
$script:BenchRoot = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $script:BenchRoot 'AiNews.psd1')
Import-Module (Join-Path $script:BenchRoot 'tests/TestHelpers.psm1')
. (Join-Path $script:BenchRoot 'tests/TestSite.ps1')
$helpers = Join-Path $PSScriptRoot 'BenchHelpers.psm1'
if (Test-Path $helpers) { Import-Module $helpers }
if (-not (Get-Command New-BenchRow -ErrorAction SilentlyContinue)) {
    # The row of the bench driver's table (bench/BenchHelpers.psm1 has it where the driver is).
    function New-BenchRow([string] $Scenario, [string] $Measure, [string] $Value, [string] $Target = '', [Nullable[bool]] $Pass = $null) {
        [pscustomobject]@{ Scenario = $Scenario; Measure = $Measure; Value = $Value; Target = $Target; Pass = $Pass }
    }
}

# ---------------------------------------------------------------- fetching
# The loopback test site with N articles across S sources, each source a site of its own (src1.proxied.test ...)
# reached through the test site acting as their proxy, so that the politeness limits per host apply as they would to
# five real sites. Every response waits -DelayMs (the test site's delay=MS), robots.txt excepted (it takes no query).

# The feed URLs of the sources: source s lists articles s*per+1 .. s*per+per of the newsroom, each page with ?delay.
function Get-BenchFeed([int] $Articles, [int] $Sources, [int] $DelayMs, [string] $Key) {
    $per = [math]::Ceiling($Articles / $Sources)
    for ($s = 0; $s -lt $Sources; $s++) {
        $link = [uri]::EscapeDataString("/newsroom/news/{i}.html?delay=$DelayMs&k=$Key")
        [uri]"http://src$($s + 1).proxied.test/feed/links?link=$link&count=$per&from=$($s * $per + 1)&delay=$DelayMs&k=$Key"
    }
}

# The politeness bound: requests ÷ allowed concurrency × latency, the allowed concurrency being the smaller of the total
# limit (Get-AiArticle -ThrottleLimit, 8) and the per-host limit (4) times the hosts.
function Get-PolitenessBound([int] $Requests, [int] $Hosts, [int] $DelayMs, [int] $Total = 8, [int] $PerHost = 4) {
    $allowed = [math]::Min($Total, $PerHost * $Hosts)
    [timespan]::FromMilliseconds($Requests / $allowed * $DelayMs)
}

# ---------------------------------------------------------------- generated articles
# Articles generated from the seed archive (../shared/corpus/seed-archive): real news text in Korean and English, as
# many as a benchmark asks for. Article k takes the first half of one archived headline and the second half of another,
# and six sentences drawn from all archived bodies of its language: different articles share no more text than
# different stories do. Every -DuplicateEvery-th article is another outlet's rewrite of the one before (its sentences
# in another order, two hours later), so merging has stories to find. Nothing generated is written into the repository.

function Get-SeedPool {
    $shared = Get-SharedRoot -RepoRoot $script:BenchRoot
    if (-not $shared -or -not (Test-Path (Join-Path $shared 'corpus/seed-archive'))) { throw 'The seed archive (../shared/corpus/seed-archive) is not here; set AINEWS_SHARED.' }
    $seed = @(ConvertFrom-AiDigest -ArchivePath (Join-Path $shared 'corpus/seed-archive') -TimeZone Asia/Seoul)
    $pool = @{}
    foreach ($language in 'ko', 'en') {
        $articles = @($seed | Where-Object { ($_.Language -eq 'en') -eq ($language -eq 'en') -and $_.Title -and $_.Content })
        $sentences = [Collections.Generic.List[string]]::new()
        foreach ($a in $articles) {
            foreach ($s in [regex]::Split($a.Content, '(?<=[.!?다])\s+')) { if ($s.Length -ge 30) { $sentences.Add($s.Trim()) } }
        }
        $pool[$language] = [pscustomobject]@{ Titles = @($articles.Title); Sentences = $sentences.ToArray() }
    }
    $pool
}

# -Count articles published from -Start on (default: early enough that the last is a day old; articles dated in the
# future are not news), -PerDay a day, oldest first; the same -Seed gives the same articles.
function New-GeneratedArticle {
    param($Pool, [int] $Count, [Nullable[DateTimeOffset]] $Start, [double] $PerDay = 27, [int] $DuplicateEvery = 20, [int] $Seed = 14)
    $first = if ($Start) { [DateTimeOffset] $Start } else { [DateTimeOffset]::new([DateTime]::UtcNow.Date.AddDays(-[math]::Ceiling($Count / $PerDay) - 1), [TimeSpan]::Zero) }
    $random = [Random]::new($Seed)
    $minutes = 1440.0 / $PerDay
    $previous = $null
    for ($k = 0; $k -lt $Count; $k++) {
        $language = if ($random.Next(4) -eq 0) { 'en' } else { 'ko' }
        $p = $Pool[$language]
        $published = $first.AddMinutes($k * $minutes)
        if ($previous -and $k % $DuplicateEvery -eq 0) {
            $sentences = @($previous.Content -split "`n" | Sort-Object { $random.Next() })
            $a = [AiNews.Article]@{ Title = $previous.Title; Url = "https://rewrite$($k % 7).example.com/news/$k"; Source = "Outlet $($k % 7)"
                Language = $previous.Language; Published = $previous.Published.AddHours(2); Content = $sentences -join "`n" }
        }
        else {
            $t1 = $p.Titles[$random.Next($p.Titles.Count)]; $t2 = $p.Titles[$random.Next($p.Titles.Count)]
            $title = $t1.Substring(0, [int]($t1.Length / 2)) + $t2.Substring([int]($t2.Length / 2))
            $body = (1..6 | ForEach-Object { $p.Sentences[$random.Next($p.Sentences.Count)] }) -join "`n"
            $a = [AiNews.Article]@{ Title = $title; Url = "https://site$($k % 5).example.com/news/$k"; Source = "Site $($k % 5)"
                Language = $language; Published = $published; Content = $body }
        }
        $previous = $a
        $a
    }
}
