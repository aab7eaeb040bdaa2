# Correctness behind the issue-14 benchmarks (bench/scenarios): Crawl-delay, the fetch cache's limits, conditional
# re-runs, story grouping by fingerprint buckets, and archive runs that read only the look-back window. Quick checks,
# not timings: the benchmarks themselves do not run in CI.
BeforeDiscovery { . "$PSScriptRoot/SharedCorpus.ps1" }

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/TestSite.ps1"
    $script:Site = Start-TestSite
    $script:Base = $script:Site.Url
    function New-Key { [guid]::NewGuid().ToString('N').Substring(0, 10) }
}
AfterAll { if ($script:Site) { Stop-TestSite $script:Site } }

Describe 'robots.txt Crawl-delay' {
    It 'reads Crawl-delay for our group, else the * group, and ignores values that are no number' {
        $robots = [AiNews.Http.RobotsTxt]::Parse("User-agent: *`nCrawl-delay: 2.5`nDisallow: /x/`n`nUser-agent: AiNews`nDisallow: /y/`nCrawl-delay: 1`n`nUser-agent: Other`nDisallow: /z/`nCrawl-delay: soon`n")
        $robots.CrawlDelay('AiNews') | Should -Be ([timespan]::FromSeconds(1))
        $robots.CrawlDelay('SomeBot') | Should -Be ([timespan]::FromSeconds(2.5))
        $robots.CrawlDelay('Other') | Should -Be ([timespan]::Zero)
        [AiNews.Http.RobotsTxt]::Parse("User-agent: *`nDisallow: /x/`n").CrawlDelay('AiNews') | Should -Be ([timespan]::Zero)
        $robots.IsAllowed('SomeBot', '/x/1') | Should -BeFalse -Because 'a Crawl-delay line does not end its group'
    }

    It 'starts requests to a site with Crawl-delay that far apart, and keeps other sites at full speed' {
        $o = [AiNews.Fetching.FetchOptions]@{ NoCache = $true; AllowPrivateNetwork = $true; Proxy = $Site.Uri; Timeout = [timespan]::FromSeconds(10) }
        $f = [AiNews.Fetching.WebFetcher]::new($o)
        try {
            $key = New-Key
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $slow = 1..4 | ForEach-Object { $f.FetchAsync([uri]"http://crawldelay.0.3.proxied.test/page/cd$_.html?k=$key", 'Html') }
            [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]] $slow)
            $slowTime = $clock.Elapsed
            $clock.Restart()
            $fast = 1..4 | ForEach-Object { $f.FetchAsync([uri]"http://nodelay.proxied.test/page/nd$_.html?k=$key", 'Html') }
            [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]] $fast)
            $fastTime = $clock.Elapsed
        } finally { $f.Dispose() }
        @($slow | Where-Object { $_.Result.StatusCode -eq 200 }).Count | Should -Be 4
        @($fast | Where-Object { $_.Result.StatusCode -eq 200 }).Count | Should -Be 4
        # Four requests 0.3 s apart: the last starts 0.9 s after the first.
        $slowTime.TotalSeconds | Should -BeGreaterOrEqual 0.85
        $fastTime | Should -BeLessThan $slowTime
    }

    It 'shortens a Crawl-delay of hours to the longest it honours' {
        [AiNews.Http.HostThrottle]::MaxCrawlDelay | Should -Be ([timespan]::FromSeconds(30))
        [AiNews.Http.RobotsTxt]::Parse("User-agent: *`nCrawl-delay: 7200`n").CrawlDelay('AiNews') | Should -Be ([timespan]::FromHours(2))
        # The throttle waits at most MaxCrawlDelay: a second request 2 h "apart" is cancelled after its 30 s turn was booked.
        $t = [AiNews.Http.HostThrottle]::new(8, 4)
        $u = [uri] 'http://example.test/a'
        $t.AcquireAsync($u, [timespan]::FromHours(2), [Threading.CancellationToken]::None).GetAwaiter().GetResult().Dispose()
        $cts = [Threading.CancellationTokenSource]::new([timespan]::FromMilliseconds(200))
        { $t.AcquireAsync($u, [timespan]::FromHours(2), $cts.Token).GetAwaiter().GetResult() } | Should -Throw
    }
}

Describe 'The fetch cache''s limits' {
    It 'prunes to -CacheMaxSize, least recently used first, and by age' {
        $dir = Join-Path $TestDrive ('c-' + (New-Key))
        $cache = [AiNews.Fetching.FetchCache]::new($dir)
        foreach ($i in 1..10) {
            $entry = [AiNews.Fetching.FetchCacheEntry]@{ Uri = [uri]"http://x.test/$i"; ETag = "`"$i`""; Body = [byte[]]::new(1000) }
            $cache.TryWrite($entry) | Should -BeTrue
            (Get-Item $cache.PathFor([uri]"http://x.test/$i")).LastWriteTimeUtc = [datetime]::UtcNow.AddMinutes(-100 + $i)
        }
        $cache.Touch([uri]'http://x.test/1')    # revalidated just now: kept longest
        $size = { (Get-ChildItem $dir -Recurse -File -Filter *.cache | Measure-Object Length -Sum).Sum }
        $limit = 4 * (Get-ChildItem $dir -Recurse -File -Filter *.cache | Measure-Object Length -Maximum).Maximum + 10   # room for four
        $cache.Prune([timespan]::FromDays(30), $limit) | Should -Be 6
        (& $size) | Should -BeLessOrEqual $limit
        $cache.TryRead([uri]'http://x.test/1') | Should -Not -BeNullOrEmpty
        foreach ($i in 8..10) { $cache.TryRead([uri]"http://x.test/$i") | Should -Not -BeNullOrEmpty }
        foreach ($i in 2..7) { $cache.TryRead([uri]"http://x.test/$i") | Should -BeNullOrEmpty }
        $cache.Prune([timespan]::FromMinutes(50), [long]::MaxValue) | Should -Be 3 -Because 'entries 8-10 were last used over 50 minutes ago'
    }

    It 'keeps the cache of Get-AiArticle within -CacheMaxSize after a run, and empties it with 0' {
        $key = New-Key
        $feed = "$($Base)feed/links?link=/newsroom/news/{i}.html&count=8&from=300&k=$key"
        $cache = Join-Path $TestDrive "run-$key"
        @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -IgnoreRobots -CachePath $cache).Count | Should -Be 8
        $full = (Get-ChildItem $cache -Recurse -File -Filter *.cache | Measure-Object Length -Sum).Sum
        @(Get-ChildItem $cache -Recurse -File -Filter *.cache).Count | Should -Be 9   # the feed and eight pages
        $limit = [long]($full / 2)
        @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -IgnoreRobots -CachePath $cache -CacheMaxSize $limit).Count | Should -Be 8
        (Get-ChildItem $cache -Recurse -File -Filter *.cache | Measure-Object Length -Sum).Sum | Should -BeLessOrEqual $limit
        $null = Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -IgnoreRobots -CachePath $cache -CacheMaxSize 0
        @(Get-ChildItem $cache -Recurse -File -Filter *.cache).Count | Should -Be 0
    }
}

Describe 'A re-run with nothing changed' {
    It 'asks only for the feed (conditionally, 304), serves the old pages from the cache unasked, and returns the same articles' {
        # The newsroom's pages carry their publish date as Last-Modified (months ago): heuristically fresh for
        # CacheFreshness.HeuristicCap (24 h). A feed gets no heuristic lifetime and is revalidated.
        $key = New-Key
        $feed = [uri]"$($Base)feed/links?link=/newsroom/news/{i}.html?k=$key&count=5&from=400&k=$key"
        $feedPath = $feed.PathAndQuery   # as sent, which is what the site counts by
        $cache = Join-Path $TestDrive "rerun-$key"
        $first = @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -CachePath $cache)
        $second = @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -CachePath $cache -Verbose 4>&1)
        $secondArticles = @($second | Where-Object { $_ -is [AiNews.Article] })
        $first.Count | Should -Be 5
        ($secondArticles | Sort-Object Url | ForEach-Object { $_.Url + '|' + $_.Title + '|' + $_.Content + '|' + $_.Published }) |
            Should -Be ($first | Sort-Object Url | ForEach-Object { $_.Url + '|' + $_.Title + '|' + $_.Content + '|' + $_.Published })
        $stat = Get-TestSiteStat $Site -Path $feedPath
        $stat.count | Should -Be 2
        $stat.conditional | Should -Be 1 -Because 'the feed is revalidated'
        $stat.notModified | Should -Be 1
        foreach ($path in 400..404 | ForEach-Object { "/newsroom/news/$_.html?k=$key" }) {
            (Get-TestSiteStat $Site -Path $path).count | Should -Be 1 -Because "$path is fresh in the cache: no second request"
        }
        @($second | Where-Object { "$_" -like '*extracted from this unchanged page before is reused*' }).Count | Should -Be 5
    }
}

Describe 'HTTP freshness in the fetch cache (RFC 9111 4.2)' {
    BeforeAll {
        function Invoke-CachedFetch([string] $Cache, [string] $Path, [string] $Kind = 'Html') {
            $o = [AiNews.Fetching.FetchOptions]@{ CachePath = $Cache; AllowPrivateNetwork = $true; IgnoreRobots = $true }
            $f = [AiNews.Fetching.WebFetcher]::new($o)
            try { $f.FetchAsync([uri]"$Base$Path", $Kind).GetAwaiter().GetResult() } finally { $f.Dispose() }
        }
    }

    It 'serves a fresh entry (max-age, or heuristic from an old Last-Modified) with no request' {
        $cache = Join-Path $TestDrive (New-Key)
        foreach ($path in "page/fresh.html?cc=max-age%3D600&k=$(New-Key)", "newsroom/news/7.html?k=$(New-Key)") {
            $r1 = Invoke-CachedFetch $cache $path
            $r2 = Invoke-CachedFetch $cache $path
            $r1.FromCache | Should -BeFalse
            $r2.FromCache | Should -BeTrue
            $r2.Fresh | Should -BeTrue
            [Convert]::ToBase64String($r2.Body) | Should -Be ([Convert]::ToBase64String($r1.Body))
            (Get-TestSiteStat $Site -Path "/$path").count | Should -Be 1 -Because "$path was fresh"
        }
    }

    It 'does not hand a fresh entry of a private address to a run that does not allow private addresses' {
        $cache = Join-Path $TestDrive (New-Key)
        $path = "page/fresh.html?cc=max-age%3D600&k=$(New-Key)"
        $null = Invoke-CachedFetch $cache $path
        $o = [AiNews.Fetching.FetchOptions]@{ CachePath = $cache; IgnoreRobots = $true }
        $f = [AiNews.Fetching.WebFetcher]::new($o)
        try { $err = { $f.FetchAsync([uri]"$Base$path", 'Html').GetAwaiter().GetResult() } | Should -Throw -PassThru }
        finally { $f.Dispose() }
        $err.Exception.GetBaseException().ErrorId | Should -Be 'AiNews.AddressRefused'
        (Get-TestSiteStat $Site -Path "/$path").count | Should -Be 1 -Because 'nothing was sent for the refused fetch either'
    }

    It 'revalidates a stale entry with If-None-Match, or If-Modified-Since without an ETag' {
        $cache = Join-Path $TestDrive (New-Key)
        foreach ($path in "newsroom/news/8.html?cc=max-age%3D0&lastmod=0&k=$(New-Key)", "newsroom/news/8.html?cc=max-age%3D0&etag=0&k=$(New-Key)") {
            $null = Invoke-CachedFetch $cache $path
            $r2 = Invoke-CachedFetch $cache $path
            $r2.FromCache | Should -BeTrue
            $r2.Fresh | Should -BeFalse
            $stat = Get-TestSiteStat $Site -Path "/$path"
            $stat.count | Should -Be 2
            $stat.conditional | Should -Be 1
            $stat.notModified | Should -Be 1
        }
    }

    It 'revalidates on every use when the server says no-cache, and a feed without a stated lifetime' {
        $cache = Join-Path $TestDrive (New-Key)
        $page = "newsroom/news/9.html?cc=no-cache&k=$(New-Key)"
        $feed = "aitimes/rss/allArticle.xml?count=2&k=$(New-Key)"
        foreach ($i in 1..3) { $null = Invoke-CachedFetch $cache $page; $null = Invoke-CachedFetch $cache $feed 'Feed' }
        foreach ($path in $page, $feed) {
            $stat = Get-TestSiteStat $Site -Path "/$path"
            $stat.count | Should -Be 3 -Because "$path must be asked each time"
            $stat.conditional | Should -Be 2
            $stat.notModified | Should -Be 2
        }
    }

    It 'computes lifetimes: max-age over Expires, heuristic 10% of the age capped at 24 h, none for no-cache' {
        $now = [DateTimeOffset]::new(2026, 6, 1, 0, 0, 0, [timespan]::Zero)
        $cc = { param($v) [Net.Http.Headers.CacheControlHeaderValue]::Parse($v) }
        [AiNews.Fetching.CacheFreshness]::Lifetime((& $cc 'max-age=60'), $false, $now.AddDays(1), $now, $null, $null, $true, $now) | Should -Be ([timespan]::FromSeconds(60))
        [AiNews.Fetching.CacheFreshness]::Lifetime($null, $false, $now.AddHours(2), $now, $null, $null, $true, $now) | Should -Be ([timespan]::FromHours(2))
        [AiNews.Fetching.CacheFreshness]::Lifetime($null, $false, $null, $now, $now.AddHours(-10), $null, $true, $now) | Should -Be ([timespan]::FromHours(1))
        [AiNews.Fetching.CacheFreshness]::Lifetime($null, $false, $null, $now, $now.AddDays(-300), $null, $true, $now) | Should -Be ([AiNews.Fetching.CacheFreshness]::HeuristicCap)
        [AiNews.Fetching.CacheFreshness]::Lifetime($null, $false, $null, $now, $now.AddDays(-300), $null, $false, $now) | Should -Be ([timespan]::Zero)
        [AiNews.Fetching.CacheFreshness]::Lifetime((& $cc 'no-cache, max-age=600'), $false, $null, $now, $now.AddDays(-300), $null, $true, $now) | Should -Be ([timespan]::Zero)
        [AiNews.Fetching.CacheFreshness]::Lifetime($null, $true, $null, $now, $now.AddDays(-300), $null, $true, $now) | Should -Be ([timespan]::Zero)
    }
}

Describe 'The extraction kept beside the cache entry' {
    It 'gives an unchanged page the same article as a fresh extraction, and is not used once the body changes' {
        $key = New-Key
        $feed = [uri]"$($Base)feed/links?link=/newsroom/news/{i}.html?k=$key&count=3&from=30&k=$key"
        $cache = Join-Path $TestDrive "extract-$key"
        $null = @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -CachePath $cache)
        $stored = @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -CachePath $cache)
        $fresh = @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -NoCache)
        $show = { $_.Url + '|' + $_.Title + '|' + $_.Content + '|' + $_.Published + '|' + $_.Author + '|' + $_.Language + '|' + ($_.Images -join ',') }
        $stored.Count | Should -Be 3
        ($stored | Sort-Object Url | ForEach-Object $show) | Should -Be ($fresh | Sort-Object Url | ForEach-Object $show)
        @(Get-ChildItem $cache -Recurse -File -Filter *.extract).Count | Should -Be 3

        # Another body under the same address: the stored extraction's key no longer matches, so it is not used.
        $cacheObject = [AiNews.Fetching.FetchCache]::new($cache)
        $page = [uri]"$($Base)newsroom/news/30.html?k=$key"
        $store = [AiNews.Collection.StoredExtraction]::new($cacheObject)
        $entry = $cacheObject.TryRead($page)
        $store.TryRead($page, [AiNews.Collection.StoredExtraction]::KeyOf($entry.Body, $entry.ContentType, $page)) | Should -Not -BeNullOrEmpty
        $store.TryRead($page, [AiNews.Collection.StoredExtraction]::KeyOf([byte[]](1, 2), $entry.ContentType, $page)) | Should -BeNullOrEmpty
    }
}

Describe 'Story grouping by fingerprint buckets' {
    BeforeAll {
        # What grouping was before buckets: every pair compared (union-find over IsSameStory), as index lists.
        function Get-AllPairsGroups($Grouper, [AiNews.Article[]] $Articles) {
            $prints = @($Articles | ForEach-Object { [AiNews.Stories.StoryPrint]::Of($_, $Grouper.BodyLength) })
            $parent = [int[]](0..($Articles.Count - 1))
            $find = { param($i) while ($parent[$i] -ne $i) { $i = $parent[$i] }; $i }
            for ($i = 0; $i -lt $prints.Count; $i++) {
                for ($j = $i + 1; $j -lt $prints.Count; $j++) {
                    $ri = & $find $i; $rj = & $find $j
                    if ($ri -ne $rj -and $Grouper.IsSameStory($prints[$i], $prints[$j])) { $parent[$rj] = $ri }
                }
            }
            (0..($Articles.Count - 1) | Group-Object { & $find $_ } | Sort-Object { [int]$_.Group[0] } | ForEach-Object { $_.Group -join ',' }) -join ' | '
        }
        function Get-GroupKey($Groups, [AiNews.Article[]] $Articles) {
            $index = @{}; for ($i = 0; $i -lt $Articles.Count; $i++) { $index[[Runtime.CompilerServices.RuntimeHelpers]::GetHashCode($Articles[$i])] = $i }
            ($Groups | ForEach-Object { ($_ | ForEach-Object { $index[[Runtime.CompilerServices.RuntimeHelpers]::GetHashCode($_)] }) -join ',' }) -join ' | '
        }
        # Fresh objects on each call, so that a repeated report is another article (as a second outlet's would be).
        function Get-FixtureArticle { [AiNews.Article[]]@(
            foreach ($file in 'sample-articles.json', 'summary-articles.json', 'tagging-articles.json') {
                Get-Content (Join-Path $FixturesRoot $file) -Raw -Encoding utf8 | ConvertFrom-Json | ForEach-Object {
                    [AiNews.Article]@{ Title = $_.Title; Url = $_.Url; Content = $_.Content; Language = $_.Language; Source = $_.Source
                        Published = if ($_.Published) { [DateTimeOffset]::Parse($_.Published, [cultureinfo]::InvariantCulture) } else { $null } }
                }
            }
        ) }
    }

    It 'groups the fixtures exactly as comparing all pairs did, at <Threshold> within <Hours> h' -ForEach @(
        @{ Threshold = 0.5; Hours = 48 }, @{ Threshold = 0.2; Hours = 48 }, @{ Threshold = 0.8; Hours = 24 * 365 }
    ) {
        $articles = [AiNews.Article[]]@((Get-FixtureArticle) + (Get-FixtureArticle)[0..4])   # repeated reports too
        $grouper = [AiNews.Stories.StoryGrouper]@{ Threshold = $Threshold; Window = [timespan]::FromHours($Hours) }
        $articles.Count | Should -BeGreaterOrEqual 20
        Get-GroupKey $grouper.Group($articles) $articles | Should -BeExactly (Get-AllPairsGroups $grouper $articles)
    }

    It 'finds for an outside article every one of a day''s articles that is its story, through the buckets (<Name>)' -ForEach @(
        @{ Name = 'fixtures'; Shared = $false }, @{ Name = 'seed archive'; Shared = $true }
    ) {
        if ($Shared -and -not $HasShared) { Set-ItResult -Skipped -Because 'the seed archive (../shared) is not here'; return }
        # What the archive's duplicate check asks of each look-back day (DigestArchive.AnySameStory): the articles of
        # one day in buckets, and each new article offered those that share enough with it; none that is its story missed.
        $articles = if ($Shared) {
            [AiNews.Article[]]@(ConvertFrom-AiDigest -ArchivePath (Join-Path $SharedRoot 'corpus/seed-archive') -TimeZone Asia/Seoul | Select-Object -First 220)
        } else { [AiNews.Article[]]@((Get-FixtureArticle) + (Get-FixtureArticle)[0..6]) }
        # The day's articles and the new ones taken in turns, so that repeated reports fall on both sides.
        $inDay = @(for ($i = 0; $i -lt $articles.Count; $i += 2) { $articles[$i] })
        $new = @(for ($i = 1; $i -lt $articles.Count; $i += 2) { $articles[$i] })
        $grouper = [AiNews.Stories.StoryGrouper]@{ Window = [timespan]::FromDays(8) }
        $day = [Collections.Generic.List[AiNews.Stories.StoryPrint]]::new()
        foreach ($a in $inDay) { $day.Add([AiNews.Stories.StoryPrint]::Of($a)) }
        $type = [AiNews.Stories.StoryPrint].Assembly.GetType('AiNews.Stories.StoryCandidates', $true)
        $lookup = [Activator]::CreateInstance($type, [Reflection.BindingFlags]'Instance, Public, NonPublic', $null, @($day, $grouper, $true), $null)
        $forEachSharing = $type.GetMethod('ForEachSharing')
        $same = 0; $offered = 0
        foreach ($a in $new) {
            $print = [AiNews.Stories.StoryPrint]::Of($a)
            $visited = [Collections.Generic.HashSet[int]]::new()
            $null = $forEachSharing.Invoke($lookup, @($print, [Action[int]] { param($j) $null = $visited.Add($j) }))
            $offered += $visited.Count
            for ($j = 0; $j -lt $day.Count; $j++) {
                if ($grouper.IsSameStory($day[$j], $print)) { $same++; $visited.Contains($j) | Should -BeTrue -Because "article $j of the day is the story of '$($a.Title)'" }
            }
        }
        $same | Should -BeGreaterThan 0 -Because 'some of the later articles repeat a story of the day'
        $offered | Should -BeLessThan ($day.Count * $new.Count / 4) -Because 'the buckets offer far fewer than all pairs'
    }

    It 'groups archive articles exactly as comparing all pairs did' -Skip:(-not $HasShared) {
        $articles = [AiNews.Article[]]@(ConvertFrom-AiDigest -ArchivePath (Join-Path $SharedRoot 'corpus/seed-archive') -TimeZone Asia/Seoul | Select-Object -First 150)
        $grouper = [AiNews.Stories.StoryGrouper]@{ Window = [timespan]::FromDays(7) }
        $key = Get-GroupKey $grouper.Group($articles) $articles
        $key | Should -BeExactly (Get-AllPairsGroups $grouper $articles)
        $key | Should -Match ',' -Because 'the archive repeats some stories, so some groups have several members'
    }
}

Describe 'An archive run as the archive grows' {
    BeforeAll {
        . "$PSScriptRoot/DigestTestHelpers.ps1"
        # Two articles a day for 70 days, over three month folders; then the next day's articles.
        $start = [DateTimeOffset]::new(2025, 10, 1, 10, 0, 0, [TimeSpan]::FromHours(9))
        $script:History = @(for ($d = 0; $d -lt 70; $d++) { foreach ($n in 1, 2) {
            New-DayArticle -Title "Day $d story $n about model release $($d * 10 + $n)" -Url "https://example.com/$d/$n" -Published $start.AddDays($d).AddHours($n) -Content "Body of day $d, story $n."
        } })
        $script:Today = @(foreach ($n in 1, 2, 3) {
            New-DayArticle -Title "Today's story $n" -Url "https://example.com/today/$n" -Published $start.AddDays(70).AddHours($n) -Content "Today's body $n."
        })
        $script:Export = @{ TimeZone = 'Asia/Seoul'; Format = 'Markdown', 'Html' }
        function Get-Tree([string] $Root) {
            Get-ChildItem $Root -Recurse -File | Where-Object { $_.FullName -notmatch '[\\/]\.ainews' } | Sort-Object FullName |
                ForEach-Object { $_.FullName.Substring($Root.Length) + '|' + (Get-FileHash $_.FullName).Hash }
        }
    }

    It 'reads only the look-back window''s day files, and writes the same files as a run that reads them all' {
        $root = Join-Path $TestDrive 'grown'
        $History | Export-AiDigest -ArchivePath $root @Export
        Test-Path (Join-Path $root '.ainews/day-counts.tsv') | Should -BeTrue
        @(Get-ChildItem (Join-Path $root '.ainews/day-titles') -File).Count | Should -Be 3 -Because 'one title file per month folder'
        $verbose = $Today | Export-AiDigest -ArchivePath $root @Export -Verbose 4>&1 | ForEach-Object { "$_" }
        # The 7 look-back days before today exist; today's file does not yet. Nothing else is read, and of the title
        # files only the one of the month folder the run touched (the counts for index.html come from the summary).
        $verbose | Should -Contain 'Read 7 day files (the look-back window, and days changed since the last run) and the title files of 1 folder.'

        # The same run with no title index (the first run of this version on an old archive) reads every day file.
        $full = Join-Path $TestDrive 'full'
        $History | Export-AiDigest -ArchivePath $full @Export
        Remove-Item (Join-Path $full '.ainews') -Recurse -Force
        $verbose = $Today | Export-AiDigest -ArchivePath $full @Export -Verbose 4>&1 | ForEach-Object { "$_" }
        $verbose | Should -Contain 'Read 70 day files (the look-back window, and days changed since the last run) and the title files of 0 folders.'
        Get-Tree $root | Should -Be (Get-Tree $full)
    }

    It 'without Html, lists and indexes only the folders the run touches, and writes what a full rebuild writes' {
        $markdown = @{ TimeZone = 'Asia/Seoul'; Format = 'Markdown' }
        $root = Join-Path $TestDrive 'grown-md'
        $History | Export-AiDigest -ArchivePath $root @markdown
        # Another folder's README is left stale on purpose: a run that does not touch that folder must not even look at it.
        $october = Get-ChildItem $root -Recurse -Filter 'README.md' | Where-Object { $_.Directory.Name -like '10*' }
        Set-Content $october.FullName 'stale' -NoNewline
        $verbose = $Today | Export-AiDigest -ArchivePath $root @markdown -Verbose 4>&1 | ForEach-Object { "$_" }
        $verbose | Should -Contain 'Read 7 day files (the look-back window, and days changed since the last run) and the title files of 1 folder.'
        Get-Content $october.FullName -Raw | Should -Be 'stale'

        $full = Join-Path $TestDrive 'full-md'
        $History | Export-AiDigest -ArchivePath $full @markdown
        Remove-Item (Join-Path $full '.ainews') -Recurse -Force
        $null = $Today | Export-AiDigest -ArchivePath $full @markdown
        Set-Content (Get-ChildItem $full -Recurse -Filter 'README.md' | Where-Object { $_.Directory.Name -like '10*' }).FullName 'stale' -NoNewline
        Get-Tree $root | Should -Be (Get-Tree $full)
    }

    It 'compares the look-back days through their kept story prints, finds a story filed 5 days before, and writes what a full read writes' {
        $root = Join-Path $TestDrive 'prints'
        $History | Export-AiDigest -ArchivePath $root @Export
        $Today | Export-AiDigest -ArchivePath $root @Export
        @(Get-ChildItem (Join-Path $root '.ainews/day-prints') -File).Count | Should -Be 7 -Because 'the run fingerprinted the 7 look-back days and kept their prints'
        # The next day: another outlet's report of a story filed on day 66 (5 days before), and a new story.
        $next = $start.AddDays(71)
        $tomorrow = @(
            New-DayArticle -Title 'Day 66 story 1 about model release 661, as a feed links it' -Url 'https://example.com/66/1?utm_source=feed' -Published $next.AddHours(1) -Content 'Another outlet.'
            New-DayArticle -Title 'Tomorrow''s only story' -Url 'https://example.com/tomorrow/1' -Published $next.AddHours(2) -Content 'Tomorrow''s body.'
        )
        # Print files written a month ago: those this run reads are kept, the one of day 63 (now out of the window) is removed.
        $printFiles = Get-ChildItem (Join-Path $root '.ainews/day-prints') -File
        $printFiles | ForEach-Object { $_.LastWriteTimeUtc = [datetime]::UtcNow.AddDays(-30) }
        $verbose = $tomorrow | Export-AiDigest -ArchivePath $root @Export -Verbose 4>&1 | ForEach-Object { "$_" }
        $verbose | Should -Contain "Skipped 'Day 66 story 1 about model release 661, as a feed links it': already in the archive in 2025/12월/12-06.md."
        # Only the day the last run wrote is read; the 6 days before it come from their kept prints.
        $verbose | Should -Contain 'Read 1 day files (the look-back window, and days changed since the last run) and the title files of 1 folder.'
        $verbose | Should -Contain 'Compared with 6 look-back day files through their kept story prints, without reading them.'
        $left = @(Get-ChildItem (Join-Path $root '.ainews/day-prints') -File | ForEach-Object Name)
        $left.Count | Should -Be 7 -Because 'the 6 prints read and the new ones of the day the last run wrote are kept'
        $left | Should -Not -Contain ([uri]::EscapeDataString('2025/12월/12-03.md') + '.prints') -Because 'old prints no run reads are removed'

        $full = Join-Path $TestDrive 'prints-full'
        $History | Export-AiDigest -ArchivePath $full @Export
        $Today | Export-AiDigest -ArchivePath $full @Export
        Remove-Item (Join-Path $full '.ainews') -Recurse -Force
        $tomorrow | Export-AiDigest -ArchivePath $full @Export
        Get-Tree $root | Should -Be (Get-Tree $full)
    }

    It 'reads a look-back day again when a byte of its kept prints changed, the file otherwise whole' {
        $root = Join-Path $TestDrive 'prints-flipped'
        $History | Export-AiDigest -ArchivePath $root @Export
        $Today | Export-AiDigest -ArchivePath $root @Export
        $prints = Join-Path $root ('.ainews/day-prints/' + [uri]::EscapeDataString('2025/12월/12-05.md') + '.prints')
        $bytes = [IO.File]::ReadAllBytes($prints)
        $bytes[[int]($bytes.Length / 2)] = $bytes[[int]($bytes.Length / 2)] -bxor 0x10      # inside a shingle's hash
        [IO.File]::WriteAllBytes($prints, $bytes)
        $tomorrow = @(New-DayArticle -Title 'Tomorrow''s only story' -Url 'https://example.com/tomorrow/1' -Published $start.AddDays(71).AddHours(2))
        $verbose = $tomorrow | Export-AiDigest -ArchivePath $root @Export -Verbose 4>&1 | ForEach-Object { "$_" }
        $verbose | Should -Contain 'Compared with 5 look-back day files through their kept story prints, without reading them.'
        $verbose | Should -Contain 'Read 2 day files (the look-back window, and days changed since the last run) and the title files of 1 folder.'
    }

    It 'reads a look-back day again when its kept prints are stale (the day file edited by hand) or damaged' {
        $root = Join-Path $TestDrive 'prints-stale'
        $History | Export-AiDigest -ArchivePath $root @Export
        $Today | Export-AiDigest -ArchivePath $root @Export
        $day66 = Get-ChildItem $root -Recurse -Filter '12-06.md' | Select-Object -First 1
        $day67 = Get-ChildItem $root -Recurse -Filter '12-07.md' | Select-Object -First 1
        # A person adds a story to day 66 after its prints were kept; and day 67's print file is damaged.
        $late = New-DayArticle -Title 'A late addition about the release of the model 6690 by the lab' -Url 'https://example.com/late/6690' -Published $History[132].Published
        $History[132..133] + @($late) | Export-AiDigest -Path $day66.FullName -TimeZone Asia/Seoul -Force
        $prints67 = Join-Path $root ('.ainews/day-prints/' + [uri]::EscapeDataString('2025/12월/12-07.md') + '.prints')
        Test-Path $prints67 | Should -BeTrue
        [IO.File]::WriteAllBytes($prints67, [byte[]](1, 2, 3))
        $next = $start.AddDays(71)
        $verbose = @(
            New-DayArticle -Title 'A late addition about the release of the model 6690 by the lab' -Url 'https://other.example.org/6690' -Published $next.AddHours(1)
            New-DayArticle -Title 'Day 67 story 2 again' -Url 'https://example.com/67/2?utm_source=feed' -Published $next.AddHours(2)
        ) | Export-AiDigest -ArchivePath $root @Export -Verbose 4>&1 | ForEach-Object { "$_" }
        $verbose | Should -Contain "Skipped 'A late addition about the release of the model 6690 by the lab': already in the archive in 2025/12월/12-06.md."
        $verbose | Should -Contain "Skipped 'Day 67 story 2 again': already in the archive in 2025/12월/12-07.md."
        (Get-Item $prints67).Length | Should -BeGreaterThan 3 -Because 'the damaged print file is made again from the day file'
    }

    It 'does not use a state file a system crash cut short, and writes what a run without kept state writes' {
        $root = Join-Path $TestDrive 'cut'
        $History | Export-AiDigest -ArchivePath $root @Export
        # The state files are caches written without waiting for the disk: after a system crash one may hold only its
        # first part. Here December's title file ends inside the first title it records (day 61, outside the next run's
        # look-back window, so its titles would come from that file), and the other state files lose their last lines.
        $december = Get-ChildItem (Join-Path $root '.ainews/day-titles') -File | Where-Object Name -like '*%2F12*'
        $text = [IO.File]::ReadAllText($december.FullName)
        $text | Should -Match 'Day 61 story 1 about model release 611'
        [IO.File]::WriteAllText($december.FullName, $text.Substring(0, $text.IndexOf('Day 61 story 1') + 'Day 61 sto'.Length))
        foreach ($name in 'day-counts.tsv', 'index-parts.tsv', 'folders.tsv') {
            $file = Join-Path $root ".ainews/$name"
            if (Test-Path $file) { $lines = [IO.File]::ReadAllLines($file); [IO.File]::WriteAllText($file, (($lines | Select-Object -First ($lines.Count - 2)) -join "`n")) }
        }
        $Today | Export-AiDigest -ArchivePath $root @Export
        Get-Content (Get-ChildItem $root -Recurse -Filter README.md | Where-Object { $_.Directory.Name -like '12*' }).FullName -Raw |
            Should -Match 'Day 61 story 1 about model release 611'

        $full = Join-Path $TestDrive 'cut-full'
        $History | Export-AiDigest -ArchivePath $full @Export
        Remove-Item (Join-Path $full '.ainews') -Recurse -Force
        $Today | Export-AiDigest -ArchivePath $full @Export
        Get-Tree $root | Should -Be (Get-Tree $full)
    }

    It 'renders index.html from kept month parts only for the months that changed, as rendering it whole does' {
        $root = Join-Path $TestDrive 'parts'
        $verbose = $History | Export-AiDigest -ArchivePath $root @Export -Verbose 4>&1 | ForEach-Object { "$_" }
        $verbose | Should -Contain 'Rendered 3 of the 3 month parts of index.html (the others are taken from the page as it was).'
        $verbose = $Today | Export-AiDigest -ArchivePath $root @Export -Verbose 4>&1 | ForEach-Object { "$_" }
        $verbose | Should -Contain 'Rendered 1 of the 3 month parts of index.html (the others are taken from the page as it was).' -Because 'the two months the run did not change are not rendered again'
        (Get-Content (Join-Path $root 'index.html') -Raw) | Should -Match '2025-12-10 \(3건\)'
        # index.html edited by hand (a month's line changed in the page): that month is rendered again, and the page is
        # what the whole Markdown renders to, as a run without any kept state writes it.
        $indexFile = Join-Path $root 'index.html'
        [IO.File]::WriteAllText($indexFile, ([IO.File]::ReadAllText($indexFile) -replace '2025-10-03 \(2건\)', '2025-10-03 (9건)'))
        $more = @(New-DayArticle -Title 'One more today' -Url 'https://example.com/today/4' -Published $start.AddDays(70).AddHours(5))
        $verbose = $more | Export-AiDigest -ArchivePath $root @Export -Verbose 4>&1 | ForEach-Object { "$_" }
        $verbose | Should -Contain 'Rendered 2 of the 3 month parts of index.html (the others are taken from the page as it was).'
        $fresh = Join-Path $TestDrive 'parts-fresh'
        Copy-Item $root $fresh -Recurse
        Remove-Item (Join-Path $fresh '.ainews'), (Join-Path $fresh 'index.html') -Recurse -Force
        $null = $more | Export-AiDigest -ArchivePath $fresh @Export     # already filed: only the indexes are planned
        [IO.File]::ReadAllText((Join-Path $fresh 'index.html')) | Should -BeExactly ([IO.File]::ReadAllText($indexFile))

        # The parts' bodies one after the other are the body of the whole Markdown rendered at once.
        $page = [AiNews.Digest.Html.DigestPage]
        $flags = [Reflection.BindingFlags]'Static, NonPublic'
        $head = "# 🤖 AI 뉴스 아카이브`n"
        $months = @(foreach ($m in 12, 11, 10) {
            "`n## 2025년 $($m)월`n`n" + (@(foreach ($d in 3, 2, 1) { "- [2025-$m-0$d ($d건)](2025/$($m)월/$m-0$d.html)`n" }) -join '') + "- [a (b) <c> & d](x%20y/z.html)`n"
        })
        $bodyOf = { param([string] $md) $page.GetMethod('BodyOf', $flags).Invoke($null, [object[]]@($md, $null)) }
        $body = (& $bodyOf $head) + (($months | ForEach-Object { & $bodyOf $_ }) -join '')
        $assembled = $page.GetMethod('Page', $flags).Invoke($null, [object[]]@([string] $body, '🤖 AI 뉴스 아카이브', $null))
        $assembled | Should -BeExactly ($page::Render($head + ($months -join '')))
    }

    It 'lists only the folders that changed since the last run, and still picks up a day file added, removed or edited by hand' {
        $root = Join-Path $TestDrive 'listing'
        $full = Join-Path $TestDrive 'listing-full'
        $aside = Join-Path $TestDrive 'listing-aside'
        $null = New-Item -ItemType Directory $aside
        foreach ($archive in $root, $full) {
            $History | Export-AiDigest -ArchivePath $archive @Export
            # Day 6 is filed later by hand; an archive whose folders were last written an hour ago, as a daily job finds it.
            $october = (Get-ChildItem $archive -Recurse -Filter '10-07.md').Directory.FullName
            Move-Item (Join-Path $october '10-07.md') (Join-Path $aside ([IO.Path]::GetFileName($archive) + '.md'))
            Remove-Item (Join-Path $october '10-07.html')
            Get-ChildItem $archive -Recurse -Directory | ForEach-Object { $_.LastWriteTimeUtc = [datetime]::UtcNow.AddHours(-1) }
            $Today | Export-AiDigest -ArchivePath $archive @Export
        }
        $manifest = Get-Content (Join-Path $root '.ainews/folders.tsv')
        @($manifest | Where-Object { $_ -like "2025/1?월`t*" }).Count | Should -Be 2 -Because 'the two month folders the run did not write are recorded'

        foreach ($archive in $root, $full) {
            $october = (Get-ChildItem $archive -Recurse -Filter '10-06.md').Directory.FullName
            $november = (Get-ChildItem $archive -Recurse -Filter '11-06.md').Directory.FullName
            # Behind the archive's back: a day file put back (added), one removed with its page, and one edited in place,
            # which leaves its folder's write time as it was.
            Move-Item (Join-Path $aside ([IO.Path]::GetFileName($archive) + '.md')) (Join-Path $october '10-07.md')
            Remove-Item (Join-Path $october '10-05.md'), (Join-Path $october '10-05.html')
            $before = (Get-Item $november).LastWriteTimeUtc
            $edited = Join-Path $november '11-06.md'
            $draft = Join-Path $aside 'draft.md'
            $History[72..73] + @(New-DayArticle -Title 'A late addition by hand' -Url 'https://example.com/late/11-06' -Published $History[72].Published) |
                Export-AiDigest -Path $draft -TimeZone Asia/Seoul -Force
            $bytes = [IO.File]::ReadAllBytes($draft)
            $stream = [IO.File]::Open($edited, 'Open', 'Write')
            try { $stream.SetLength(0); $stream.Write($bytes, 0, $bytes.Length) } finally { $stream.Dispose() }
            (Get-Item $november).LastWriteTimeUtc | Should -Be $before -Because 'an edit in place does not change the folder'
        }
        Remove-Item (Join-Path $full '.ainews') -Recurse -Force
        $tomorrow = @(New-DayArticle -Title 'Tomorrow''s only story' -Url 'https://example.com/tomorrow/1' -Published $start.AddDays(71).AddHours(2))
        $verbose = $tomorrow | Export-AiDigest -ArchivePath $root @Export -Verbose 4>&1 | ForEach-Object { "$_" }
        $null = $tomorrow | Export-AiDigest -ArchivePath $full @Export
        $listed = $verbose | Where-Object { $_ -match '^Listed (\d+) of the archive''s (\d+) folders' } | Select-Object -First 1
        $listed | Should -Not -BeNullOrEmpty
        [int] $Matches[1] | Should -BeLessOrEqual ([int] $Matches[2] - 2) -Because 'the year folder and November are taken from the manifest'
        $index = Get-Content (Join-Path $root 'index.html') -Raw
        $index | Should -Match '2025-10-07 \(2건\)' -Because 'the day file put back is listed'
        $index | Should -Not -Match '2025-10-05 \(' -Because 'the day file removed is not'
        $index | Should -Match '2025-11-06 \(3건\)' -Because 'the count of the day edited in place comes from the file as it is now'
        Test-Path (Join-Path (Get-ChildItem $root -Recurse -Filter '10-07.md').Directory.FullName '10-07.html') | Should -BeTrue
        Get-Tree $root | Should -Be (Get-Tree $full)
    }

    It 'does not use a state file whose bytes changed since it was written, and writes what a clean run writes' {
        $root = Join-Path $TestDrive 'flipped'
        $clean = Join-Path $TestDrive 'flipped-clean'
        foreach ($archive in $root, $clean) { $History | Export-AiDigest -ArchivePath $archive @Export }
        # A disk's error (or an edit by hand) in every state file: the last character of its first record (the oldest
        # day's last title's last letter, its count's digit, a name) becomes another, the file otherwise whole.
        foreach ($file in Get-ChildItem (Join-Path $root '.ainews') -Recurse -File -Include *.tsv) {
            $bytes = [IO.File]::ReadAllBytes($file.FullName)
            $text = [Text.Encoding]::Latin1.GetString($bytes)
            $at = $text.IndexOf("`n", $text.IndexOf("`n") + 1) - 1
            $bytes[$at] = if ($bytes[$at] -ge 0x30 -and $bytes[$at] -le 0x38) { $bytes[$at] + 1 } else { $bytes[$at] -bxor 1 }
            [IO.File]::WriteAllBytes($file.FullName, $bytes)
        }
        foreach ($archive in $root, $clean) { $Today | Export-AiDigest -ArchivePath $archive @Export }
        Get-Tree $root | Should -Be (Get-Tree $clean)
        foreach ($file in Get-ChildItem $clean -Recurse -File -Include *.md, *.html) {
            [IO.File]::ReadAllText((Join-Path $root ([IO.Path]::GetRelativePath($clean, $file.FullName)))) | Should -BeExactly ([IO.File]::ReadAllText($file.FullName))
        }
    }

    It 'reads a day file again when it changed since the title index recorded it' {
        $root = Join-Path $TestDrive 'edited'
        $History | Export-AiDigest -ArchivePath $root @Export
        # Another job (or a person) adds a story to a day long past, outside the look-back window.
        $old = Get-ChildItem $root -Recurse -Filter '10-06.md' | Select-Object -First 1
        $History[10..11] + @(New-DayArticle -Title 'A late addition' -Url 'https://example.com/late' -Published $History[10].Published) |
            Export-AiDigest -Path $old.FullName -TimeZone Asia/Seoul -Force
        $Today | Export-AiDigest -ArchivePath $root @Export
        (Get-Content (Join-Path $root 'index.html') -Raw) | Should -Match '2025-10-06 \(3건\)' -Because 'the day''s count comes from the file as it is now'
    }
}
