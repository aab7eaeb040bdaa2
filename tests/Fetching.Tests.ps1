# The fetching layer (src/AiNews/Fetching) against the loopback test site (tests/TestSite), engine called directly.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestSite.ps1')
    $script:Site = Start-TestSite
    $script:Base = $script:Site.Url
    $script:CacheRoot = Join-Path ([IO.Path]::GetTempPath()) ('ainews-fetch-tests-' + [guid]::NewGuid().ToString('N'))

    # A fetcher with a private cache folder and short delays, so the suite stays fast.
    function New-Fetcher([hashtable] $Options = @{}) {
        $o = [AiNews.Fetching.FetchOptions]::new()
        $o.CachePath = Join-Path $script:CacheRoot ([guid]::NewGuid().ToString('N'))
        $o.RetryBaseDelay = [timespan]::FromMilliseconds(50)
        $o.Timeout = [timespan]::FromSeconds(10)
        $o.AllowPrivateNetwork = $true   # the test site is on 127.0.0.1; the address policy has its own tests
        foreach ($k in $Options.Keys) { $o.$k = $Options[$k] }
        [AiNews.Fetching.WebFetcher]::new($o)
    }
    function New-Key { [guid]::NewGuid().ToString('N').Substring(0, 10) }
    function Invoke-Fetch($Fetcher, [string] $Path, [AiNews.Fetching.FetchKind] $Kind = 'Any') {
        $Fetcher.FetchAsync([uri]($script:Base + $Path), $Kind).GetAwaiter().GetResult()
    }
    # The FetchException of a fetch that must fail.
    function Get-FetchError($Fetcher, [string] $Path, [AiNews.Fetching.FetchKind] $Kind = 'Any') {
        try { $null = Invoke-Fetch $Fetcher $Path $Kind }
        catch {
            $e = $_.Exception
            while ($e -and $e -isnot [AiNews.Http.FetchException]) { $e = $e.InnerException }
            if ($e) { return $e }
            throw
        }
        throw "Fetching $Path succeeded, but it should have failed."
    }
    function Get-Stat([string] $Path) { Get-TestSiteStat $script:Site -Path $Path }
}

AfterAll {
    if ($script:Site) { Stop-TestSite $script:Site }
    if ($script:CacheRoot -and (Test-Path $script:CacheRoot)) { Remove-Item $script:CacheRoot -Recurse -Force }
}

Describe 'WebFetcher basics' {
    BeforeAll { $script:F = New-Fetcher }
    AfterAll { $script:F.Dispose() }

    It 'fetches the AI타임스-like feed as raw bytes with the header facts' {
        $r = Invoke-Fetch $F 'aitimes/rss/allArticle.xml' 'Feed'
        $r.StatusCode | Should -Be 200
        $r.FinalUri | Should -Be ([uri]($Base + 'aitimes/rss/allArticle.xml'))
        $r.MediaType | Should -Be 'text/xml'
        $r.Charset | Should -Be 'utf-8'
        $r.FromCache | Should -BeFalse
        $r.Attempts | Should -Be 1
        $r.Elapsed | Should -BeGreaterThan ([timespan]::Zero)
        [Text.Encoding]::UTF8.GetString($r.Body) | Should -Match '<rss version="2.0"'
        [Text.Encoding]::UTF8.GetString($r.Body) | Should -Match 'articleView\.html\?idxno=\d+'
    }

    It 'serves the English WordPress-style site, the Atom blog and article pages' {
        $feed = [Text.Encoding]::UTF8.GetString((Invoke-Fetch $F 'wp/feed/' 'Feed').Body)
        $feed | Should -Match '<content:encoded>'
        $page = ([regex]'<link>http://[^/]+/(wp/[^<]+)</link>').Match($feed).Groups[1].Value
        [Text.Encoding]::UTF8.GetString((Invoke-Fetch $F $page 'Html').Body) | Should -Match 'class="entry-content"'
        (Invoke-Fetch $F 'blog/atom.xml' 'Feed').MediaType | Should -Be 'application/atom+xml'
        $rss = [Text.Encoding]::UTF8.GetString((Invoke-Fetch $F 'aitimes/rss/allArticle.xml?count=1' 'Feed').Body)
        $idx = ([regex]'idxno=(\d+)').Match($rss).Groups[1].Value
        $html = [Text.Encoding]::UTF8.GetString((Invoke-Fetch $F "aitimes/news/articleView.html?idxno=$idx" 'Html').Body)
        $html | Should -Match 'id="article-view-content-div"'
        $html | Should -Match 'article:published_time'
        $html | Should -Match '관련기사'
    }

    It 'returns EUC-KR bytes undecoded, with the charset the header states (or none)' {
        $r = Invoke-Fetch $F 'euckr/rss/allArticle.xml?count=3' 'Feed'
        $r.Charset | Should -Be 'euc-kr'
        $strict = [Text.UTF8Encoding]::new($false, $true)
        { $strict.GetString($r.Body) } | Should -Throw
        [Text.Encoding]::ASCII.GetString($r.Body, 0, 40) | Should -Match 'encoding="euc-kr"'
        (Invoke-Fetch $F 'euckr/rss/nocharset.xml?count=3' 'Feed').Charset | Should -BeNullOrEmpty
        (Invoke-Fetch $F 'euckr/rss/wrongcharset.xml?count=3' 'Feed').Charset | Should -Be 'utf-8'
    }

    It 'sends a descriptive User-Agent, which can be overridden' {
        $key = New-Key
        $null = Invoke-Fetch $F "echo?k=$key"
        (Get-Stat "/echo?k=$key").userAgent | Should -Match '^AiNews/\S+ \(.+\)$'
        $custom = New-Fetcher @{ UserAgent = 'NewsTester/2.0 (+https://example.test/bot)' }
        try {
            $null = Invoke-Fetch $custom "echo?k=$key-2"
            (Get-Stat "/echo?k=$key-2").userAgent | Should -Be 'NewsTester/2.0 (+https://example.test/bot)'
        } finally { $custom.Dispose() }
    }

    It 'decodes <_> bodies' -ForEach @('gzip', 'deflate', 'br', 'rawdeflate') {
        $plain = (Invoke-Fetch $F 'wp/feed/?count=5' 'Feed').Body
        $r = Invoke-Fetch $F "wp/feed/?count=5&compress=$_" 'Feed'
        $r.ContentEncoding | Should -Be ($_ -replace '^raw')
        [Convert]::ToBase64String($r.Body) | Should -Be ([Convert]::ToBase64String($plain))
    }

    It 'offers gzip, deflate and br in Accept-Encoding' {
        $key = New-Key
        $null = Invoke-Fetch $F "echo?k=$key"
        (Get-Stat "/echo?k=$key").acceptEncoding | Should -Be 'gzip, deflate, br'
        [AiNews.Fetching.ContentDecoding]::BrotliAvailable | Should -BeTrue
    }

    It 'refuses a non-http address with AiNews.InvalidUri' {
        $e = try { $F.Fetch([uri]'ftp://example.test/feed.xml', 'Feed') } catch { $_.Exception.InnerException }
        $e.ErrorId | Should -Be 'AiNews.InvalidUri'
    }

    It 'validates its options' {
        { [AiNews.Fetching.WebFetcher]::new([AiNews.Fetching.FetchOptions]@{ MaxConcurrency = 0 }) } | Should -Throw '*MaxConcurrency*'
    }

    It 'has polite defaults' {
        $o = [AiNews.Fetching.FetchOptions]::new()
        $o.MaxConcurrency | Should -Be 8
        $o.MaxConcurrencyPerHost | Should -Be 4
        $o.MaxRedirects | Should -Be 10
        $o.MaxResponseBytes | Should -Be 10MB
        $o.IgnoreRobots | Should -BeFalse
        $o.AllowPrivateNetwork | Should -BeFalse
        $o.UseProxy | Should -BeTrue
        $o.RobotsAgent | Should -Be 'AiNews'
        [AiNews.Fetching.FetchOptions]::DefaultCachePath | Should -BeLike ('*' + [IO.Path]::Combine('AiNews', 'cache'))
    }
}

Describe 'Retries' {
    It 'retries after a 503 with Retry-After (seconds), then succeeds' {
        $f = New-Fetcher; $key = New-Key
        try {
            $path = "wp/feed/?status=503&retryAfter=1&times=1&k=$key"
            $r = Invoke-Fetch $f $path 'Feed'
            $r.StatusCode | Should -Be 200
            $r.Attempts | Should -Be 2
            $r.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.9
            (Get-Stat "/$path").count | Should -Be 2
        } finally { $f.Dispose() }
    }

    It 'honours 429 with Retry-After as an HTTP date' {
        $f = New-Fetcher; $key = New-Key
        try {
            $r = Invoke-Fetch $f "blog/atom.xml?status=429&retryAfterDate=1&times=1&k=$key" 'Feed'
            $r.Attempts | Should -Be 2
            $r.StatusCode | Should -Be 200
        } finally { $f.Dispose() }
    }

    It 'gives up after MaxRetries with AiNews.FeedUnreachable and says what happened' {
        $f = New-Fetcher @{ MaxRetries = 2 }; $key = New-Key
        try {
            $e = Get-FetchError $f "wp/feed/?status=500&k=$key" 'Feed'
            $e.ErrorId | Should -Be 'AiNews.FeedUnreachable'
            $e.Attempts | Should -Be 3
            $e.StatusCode | Should -Be 500
            $e.Message | Should -Match 'after 3 attempts: HTTP 500'
            (Get-Stat "/wp/feed/?status=500&k=$key").count | Should -Be 3
        } finally { $f.Dispose() }
    }

    It 'backs off exponentially (with jitter) when there is no Retry-After' {
        $f = New-Fetcher @{ MaxRetries = 3; RetryBaseDelay = [timespan]::FromMilliseconds(100) }
        $batch = [AiNews.Fetching.FetchBatch]::new($f, [Threading.CancellationToken]::None)
        try {
            $batch.Add([uri]($Base + "blog/atom.xml?status=502&k=$(New-Key)"), 'Feed', $null)
            $batch.CompleteAdding()
            $events = @($batch.GetConsumingEnumerable())
        } finally { $batch.Dispose(); $f.Dispose() }
        $delays = @($events | Where-Object { $_.Kind -eq 'Log' -and $_.Log.Kind -eq 'Retrying' } | ForEach-Object { $_.Log.Delay.TotalMilliseconds })
        $delays.Count | Should -Be 3
        $delays[0] | Should -BeGreaterOrEqual 75;  $delays[0] | Should -BeLessOrEqual 125
        $delays[1] | Should -BeGreaterOrEqual 150; $delays[1] | Should -BeLessOrEqual 250
        $delays[2] | Should -BeGreaterOrEqual 300; $delays[2] | Should -BeLessOrEqual 500
        ($events | Where-Object Kind -EQ 'Completed').Error.ErrorId | Should -Be 'AiNews.FeedUnreachable'
    }

    It 'does not wait for a Retry-After longer than MaxRetryDelay' {
        $f = New-Fetcher; $key = New-Key
        try {
            $e = Get-FetchError $f "wp/feed/?status=503&retryAfter=3600&k=$key" 'Feed'
            $e.ErrorId | Should -Be 'AiNews.FeedUnreachable'
            $e.Attempts | Should -Be 1
            $e.Message | Should -Match 'asked to wait 60 min.*Try again later'
        } finally { $f.Dispose() }
    }

    It 'does not retry a 404; reports AiNews.HttpError' {
        $f = New-Fetcher; $key = New-Key
        try {
            $e = Get-FetchError $f "nothing-here?k=$key" 'Html'
            $e.ErrorId | Should -Be 'AiNews.HttpError'
            $e.StatusCode | Should -Be 404
            $e.Attempts | Should -Be 1
            (Get-Stat "/nothing-here?k=$key").count | Should -Be 1
        } finally { $f.Dispose() }
    }

    It 'times out a slow response and retries it' {
        $f = New-Fetcher @{ Timeout = [timespan]::FromMilliseconds(500); MaxRetries = 1 }; $key = New-Key
        try {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $e = Get-FetchError $f "page/slow.html?delay=6000&k=$key" 'Html'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5  # two attempts of 0.5 s, not the 6 s the server waits
            $e.ErrorId | Should -Be 'AiNews.PageUnreachable'
            $e.Attempts | Should -Be 2
            $e.Message | Should -Match 'timed out'
        } finally { $f.Dispose() }
    }

    It 'times out a body sent too slowly, but takes a slow body that arrives in time' {
        $f = New-Fetcher @{ Timeout = [timespan]::FromSeconds(2); MaxRetries = 0 }; $key = New-Key
        try {
            $e = Get-FetchError $f "wp/feed/?slow=250&chunk=256&k=$key" 'Feed'  # a minute of trickle
            $e.Message | Should -Match 'body did not arrive.*timed out'
            $r = Invoke-Fetch $f "blog/atom.xml?slow=20&chunk=1024&k=$key" 'Feed'
            $r.StatusCode | Should -Be 200
        } finally { $f.Dispose() }
    }

    It 'retries a truncated body and reports it when it stays truncated' {
        $f = New-Fetcher @{ MaxRetries = 1 }; $key = New-Key
        try {
            $e = Get-FetchError $f "aitimes/rss/allArticle.xml?truncate=500&k=$key" 'Feed'
            $e.ErrorId | Should -Be 'AiNews.FeedUnreachable'
            $e.Attempts | Should -Be 2
            $e.Message | Should -Match 'broke before the body was complete|cut off'
        } finally { $f.Dispose() }
    }
}

Describe 'Redirects' {
    BeforeAll { $script:F = New-Fetcher }
    AfterAll { $script:F.Dispose() }

    It 'follows a chain of redirects and reports the final address' {
        $r = Invoke-Fetch $F 'redirect/chain/3?to=/blog/atom.xml' 'Feed'
        $r.FinalUri.AbsolutePath | Should -Be '/blog/atom.xml'
        $r.Redirects | Should -Be 3
        $r.RequestedUri.AbsolutePath | Should -Be '/redirect/chain/3'
    }

    It 'stops after 10 redirects with AiNews.RedirectLoop' {
        (Invoke-Fetch $F 'redirect/chain/10?to=/blog/atom.xml' 'Feed').Redirects | Should -Be 10
        $e = Get-FetchError $F 'redirect/chain/11?to=/blog/atom.xml' 'Feed'
        $e.ErrorId | Should -Be 'AiNews.RedirectLoop'
        $e.Message | Should -Match 'more than 10 times'
    }

    It 'detects a redirect loop' {
        $e = Get-FetchError $F 'redirect/loop/a' 'Html'
        $e.ErrorId | Should -Be 'AiNews.RedirectLoop'
        $e.Message | Should -Match 'loop'
    }

    It 'refuses a redirect to another scheme' {
        $e = Get-FetchError $F ('redirect/to?location=' + [uri]::EscapeDataString('ftp://files.example.test/feed.xml')) 'Feed'
        $e.ErrorId | Should -Be 'AiNews.RedirectRefused'
        $e.Message | Should -Match 'ftp://files.example.test/feed.xml'
    }
}

Describe 'Size cap and content type' {
    BeforeAll { $script:F = New-Fetcher }
    AfterAll { $script:F.Dispose() }

    It 'refuses an oversized body: <Name>' -ForEach @(
        @{ Name = 'declared Content-Length'; Path = 'big?size=11000000&cl=1' }
        @{ Name = 'chunked, no length'; Path = 'big?size=11000000' }
        @{ Name = 'small gzip that decodes past the cap'; Path = 'big?size=11000000&compress=gzip' }
    ) {
        $e = Get-FetchError $F $Path 'Html'
        $e.ErrorId | Should -Be 'AiNews.PageTooLarge'
        $e.Message | Should -Match '10 MB limit'
        $e.Attempts | Should -Be 1
    }

    It 'uses AiNews.FeedTooLarge for a feed and honours a smaller cap' {
        $small = New-Fetcher @{ MaxResponseBytes = 300 }   # smaller than any feed, also the three-item fixture feeds
        try {
            (Get-FetchError $small 'aitimes/rss/allArticle.xml' 'Feed').ErrorId | Should -Be 'AiNews.FeedTooLarge'
            (Get-FetchError $small 'wp/feed/?compress=gzip' 'Feed').ErrorId | Should -Be 'AiNews.FeedTooLarge'
        } finally { $small.Dispose() }
    }

    It 'rejects a content type that cannot be the expected kind' {
        $e = Get-FetchError $F 'image.png' 'Html'
        $e.ErrorId | Should -Be 'AiNews.UnexpectedContentType'
        $e.Message | Should -Match "image/png"
        (Get-FetchError $F 'blog/atom.xml?ctype=application/json' 'Feed').ErrorId | Should -Be 'AiNews.UnexpectedContentType'
        (Invoke-Fetch $F 'image.png' 'Any').MediaType | Should -Be 'image/png'
    }

    It 'accepts a feed mislabelled as text/html only when its bytes are a feed' {
        (Invoke-Fetch $F 'blog/atom.xml?ctype=text/html' 'Feed').StatusCode | Should -Be 200
        (Get-FetchError $F 'blog/posts/shipping-a-tokenizer-change.html' 'Feed').ErrorId | Should -Be 'AiNews.UnexpectedContentType'
    }
}

Describe 'robots.txt' {
    It 'skips a disallowed path with AiNews.RobotsDisallowed without requesting it' {
        $f = New-Fetcher; $key = New-Key
        try {
            $e = Get-FetchError $f "private/report.html?k=$key" 'Html'
            $e.ErrorId | Should -Be 'AiNews.RobotsDisallowed'
            $e.Message | Should -Match 'Disallow: /private/'
            $e.Message | Should -Match 'IgnoreRobots'
            (Get-Stat "/private/report.html?k=$key").count | Should -Be 0
            (Invoke-Fetch $f "private/open/report.html?k=$key" 'Html').StatusCode | Should -Be 200  # Allow: longer match wins
            (Get-FetchError $f 'files/paper.pdf' 'Any').ErrorId | Should -Be 'AiNews.RobotsDisallowed'  # /*.pdf$
            (Invoke-Fetch $f 'files/paper.pdf?download=1' 'Any').StatusCode | Should -Be 200               # $ anchors the end
        } finally { $f.Dispose() }
    }

    It 'fetches a disallowed path with IgnoreRobots' {
        $f = New-Fetcher @{ IgnoreRobots = $true }; $key = New-Key
        try {
            (Invoke-Fetch $f "private/report.html?k=$key" 'Html').StatusCode | Should -Be 200
            (Get-Stat "/private/report.html?k=$key").count | Should -Be 1
        } finally { $f.Dispose() }
    }

    It 'uses the group of its own User-Agent product token' {
        $f = New-Fetcher @{ UserAgent = 'BlockedBot/1.0' }
        try {
            (Get-FetchError $f 'blog/atom.xml' 'Feed').ErrorId | Should -Be 'AiNews.RobotsDisallowed'
        } finally { $f.Dispose() }
    }

    It 'reads robots.txt once per host and run' {
        $before = (Get-Stat '/robots.txt').count
        $f = New-Fetcher; $key = New-Key
        try {
            $tasks = 1..6 | ForEach-Object { $f.FetchAsync([uri]($Base + "page/p$_.html?k=$key"), 'Html') }
            [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]] $tasks)
            $null = Invoke-Fetch $f 'blog/atom.xml' 'Feed'
        } finally { $f.Dispose() }
        (Get-Stat '/robots.txt').count | Should -Be ($before + 1)
    }

    It 'parses groups, wildcards, $ and longest match (RFC 9309)' {
        $robots = [AiNews.Http.RobotsTxt]::Parse(@"
# comment
User-agent: OtherBot
User-agent: AiNews
Disallow: /news/
Allow: /news/public/
Disallow: /*?session=
Allow: /same
Disallow: /same

User-agent: *
Disallow: /
"@)
        $robots.IsAllowed('AiNews', '/news/1.html') | Should -BeFalse
        $robots.IsAllowed('ainews', '/news/public/1.html') | Should -BeTrue
        $robots.IsAllowed('AiNews', '/list?session=42') | Should -BeFalse
        $robots.IsAllowed('AiNews', '/same') | Should -BeTrue         # a tie goes to Allow
        $robots.IsAllowed('AiNews', '/about') | Should -BeTrue         # no rule of our group matches
        $robots.IsAllowed('OtherBot', '/news/1.html') | Should -BeFalse
        $robots.IsAllowed('SomeoneElse', '/about') | Should -BeFalse   # the * group
        $robots.IsAllowed('SomeoneElse', '/robots.txt') | Should -BeTrue
        $korean = [AiNews.Http.RobotsTxt]::Parse("User-agent: *`nDisallow: /뉴스/`nDisallow: /a`$")
        $korean.IsAllowed('AiNews', [uri] 'http://x.test/뉴스/1') | Should -BeFalse
        $korean.IsAllowed('AiNews', '/a') | Should -BeFalse
        $korean.IsAllowed('AiNews', '/ab') | Should -BeTrue
        [AiNews.Http.RobotsTxt]::Parse("Disallow: /`nUser-agent: *`nDisallow:").IsAllowed('AiNews', '/x') | Should -BeTrue
    }
}

Describe 'Conditional requests and the on-disk cache' {
    It 'answers an unchanged feed from the cache on the next run (ETag)' {
        $cache = Join-Path $CacheRoot (New-Key); $key = New-Key; $path = "aitimes/rss/allArticle.xml?k=$key"
        $first = New-Fetcher @{ CachePath = $cache }
        $r1 = try { Invoke-Fetch $first $path 'Feed' } finally { $first.Dispose() }
        $r1.FromCache | Should -BeFalse
        $r1.ETag | Should -Not -BeNullOrEmpty
        @(Get-ChildItem $cache -Recurse -File -Filter *.cache).Count | Should -Be 2   # the feed and robots.txt
        $second = New-Fetcher @{ CachePath = $cache }
        $r2 = try { Invoke-Fetch $second $path 'Feed' } finally { $second.Dispose() }
        $r2.FromCache | Should -BeTrue
        $r2.StatusCode | Should -Be 200
        $r2.Charset | Should -Be 'utf-8'
        [Convert]::ToBase64String($r2.Body) | Should -Be ([Convert]::ToBase64String($r1.Body))
        $stat = Get-Stat "/$path"
        $stat.count | Should -Be 2
        $stat.conditional | Should -Be 1
        $stat.notModified | Should -Be 1
    }

    It 'revalidates with Last-Modified when there is no ETag' {
        $cache = Join-Path $CacheRoot (New-Key); $path = "wp/feed/?etag=0&k=$(New-Key)"
        foreach ($i in 1, 2) {
            $f = New-Fetcher @{ CachePath = $cache }
            $r = try { Invoke-Fetch $f $path 'Feed' } finally { $f.Dispose() }
        }
        $r.FromCache | Should -BeTrue
        $r.LastModified | Should -Not -BeNullOrEmpty
        (Get-Stat "/$path").notModified | Should -Be 1
    }

    It 'prunes old cache entries' {
        $cache = [AiNews.Fetching.FetchCache]::new((Join-Path $CacheRoot (New-Key)))
        $entry = [AiNews.Fetching.FetchCacheEntry]@{ Uri = [uri] 'http://x.test/feed.xml'; ETag = '"1"'; Body = [byte[]](1, 2, 3) }
        $cache.TryWrite($entry) | Should -BeTrue
        $cache.TryRead([uri] 'http://x.test/feed.xml').Body.Count | Should -Be 3
        $cache.Prune([timespan]::FromDays(1)) | Should -Be 0
        (Get-Item $cache.PathFor([uri] 'http://x.test/feed.xml')).LastWriteTimeUtc = [datetime]::UtcNow.AddDays(-40)
        $cache.Prune([timespan]::FromDays(30)) | Should -Be 1
        $cache.TryRead([uri] 'http://x.test/feed.xml') | Should -BeNullOrEmpty
    }

    It 'sends no conditional request with NoCache' {
        $path = "blog/atom.xml?k=$(New-Key)"
        foreach ($i in 1, 2) {
            $f = New-Fetcher @{ NoCache = $true }
            $r = try { Invoke-Fetch $f $path 'Feed' } finally { $f.Dispose() }
            $f.Cache | Should -BeNullOrEmpty
        }
        $r.FromCache | Should -BeFalse
        (Get-Stat "/$path").conditional | Should -Be 0
    }
}

Describe 'Throttling, batches, cancellation and proxy' {
    It 'keeps at most 4 requests in flight per host by default' {
        $f = New-Fetcher; $group = New-Key
        try {
            $tasks = 1..12 | ForEach-Object { $f.FetchAsync([uri]($Base + "page/c$_.html?delay=500&group=$group"), 'Html') }
            [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]] $tasks)
        } finally { $f.Dispose() }
        $g = Get-TestSiteStat $Site -Group $group
        $g.total | Should -Be 12
        $g.max | Should -BeLessOrEqual 4
        $g.max | Should -BeGreaterOrEqual 2  # it does run them side by side
    }

    It 'keeps to a lower total limit (MaxConcurrency)' {
        $f = New-Fetcher @{ MaxConcurrency = 2 }; $group = New-Key
        try {
            $tasks = 1..6 | ForEach-Object { $f.FetchAsync([uri]($Base + "page/t$_.html?delay=400&group=$group"), 'Html') }
            [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]] $tasks)
        } finally { $f.Dispose() }
        (Get-TestSiteStat $Site -Group $group).max | Should -BeLessOrEqual 2
    }

    It 'limits per host, not per proxy: two hosts through one proxy share the total of 8' {
        $f = New-Fetcher @{ Proxy = [uri] $Base }; $group = New-Key
        try {
            $tasks = 1..16 | ForEach-Object {
                $hostName = if ($_ % 2) { 'a.proxied.test' } else { 'b.proxied.test' }
                $f.FetchAsync([uri]"http://$hostName/page/h$_.html?delay=800&group=$group", 'Html')
            }
            [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]] $tasks)
        } finally { $f.Dispose() }
        $g = Get-TestSiteStat $Site -Group $group
        $g.total | Should -Be 16
        $g.max | Should -BeLessOrEqual 8
        $g.max | Should -BeGreaterThan 4
    }

    It 'drains log lines and results on the calling thread with FetchBatch' {
        $f = New-Fetcher; $key = New-Key
        $batch = [AiNews.Fetching.FetchBatch]::new($f, [Threading.CancellationToken]::None)
        try {
            $batch.Add([uri]($Base + "wp/feed/?status=503&retryAfter=0&times=1&k=$key"), 'Feed', 'wp')
            $batch.Add([uri]($Base + "private/x.html?k=$key"), 'Html', 'private')
            $batch.Add([uri]($Base + "blog/atom.xml?k=$key"), 'Feed', 'blog')
            $batch.CompleteAdding()
            $thread = [Threading.Thread]::CurrentThread.ManagedThreadId
            $events = foreach ($e in $batch.GetConsumingEnumerable()) {
                [Threading.Thread]::CurrentThread.ManagedThreadId | Should -Be $thread
                $e
            }
        } finally { $batch.Dispose(); $f.Dispose() }
        $done = @($events | Where-Object Kind -EQ 'Completed')
        $done.Count | Should -Be 3
        ($done | Where-Object { $_.Request.State -eq 'wp' }).Result.Attempts | Should -Be 2
        ($done | Where-Object { $_.Request.State -eq 'private' }).Error.ErrorId | Should -Be 'AiNews.RobotsDisallowed'
        ($done | Where-Object { $_.Request.State -eq 'blog' }).Succeeded | Should -BeTrue
        $logs = @($events | Where-Object Kind -EQ 'Log' | ForEach-Object { $_.Log })
        @($logs | Where-Object Kind -EQ 'Retrying').Count | Should -Be 1
        @($logs | Where-Object Kind -EQ 'Skipped').Count | Should -Be 1
        @($logs | Where-Object Kind -EQ 'Fetched').Count | Should -BeGreaterOrEqual 2
    }

    It 'cancels pending requests through the CancellationToken' {
        $f = New-Fetcher
        $cts = [Threading.CancellationTokenSource]::new()
        try {
            $task = $f.FetchAsync([uri]($Base + "page/wait.html?delay=10000&k=$(New-Key)"), 'Html', $cts.Token)
            Start-Sleep -Milliseconds 300
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $cts.Cancel()
            { $task.GetAwaiter().GetResult() } | Should -Throw
            $task.IsCanceled | Should -BeTrue
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
        } finally { $f.Dispose(); $cts.Dispose() }
    }

    It 'goes through an explicit proxy' {
        $f = New-Fetcher @{ Proxy = [uri] $Base }
        try {
            $r = $f.Fetch([uri] 'http://news.proxied.test/blog/atom.xml', 'Feed')
            $r.StatusCode | Should -Be 200
            [Text.Encoding]::UTF8.GetString($r.Body) | Should -Match 'news.proxied.test/blog/'
        } finally { $f.Dispose() }
        (Get-TestSiteStat $Site -HostName 'news.proxied.test').count | Should -BeGreaterOrEqual 2  # robots.txt and the feed
    }
}

Describe 'The test site without the shared corpus' {
    It 'serves its own small fixtures' {
        $own = Start-TestSite -FixturesOnly
        $f = New-Fetcher
        try {
            $rss = [Text.Encoding]::UTF8.GetString($f.Fetch([uri]($own.Url + 'aitimes/rss/allArticle.xml'), 'Feed').Body)
            @([regex]::Matches($rss, '<item>')).Count | Should -Be 3
            $rss | Should -Match '미리내'
            $page = $f.Fetch([uri]($own.Url + 'aitimes/news/articleView.html?idxno=100001'), 'Html')
            [Text.Encoding]::UTF8.GetString($page.Body) | Should -Match 'article-view-content-div'
            $f.Fetch([uri]($own.Url + 'euckr/news/articleView.html?idxno=100002&charset=none'), 'Html').Charset | Should -BeNullOrEmpty
        } finally { $f.Dispose(); Stop-TestSite $own }
    }
}
