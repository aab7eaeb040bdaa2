BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/TestSite.ps1"
    $script:Site = Start-TestSite
    $script:Catalog = Join-Path $TestDrive 'sources.json'
    ConvertTo-Json -Depth 5 -InputObject @(
        [ordered]@{ Id = 'LocalCms'; Name = '로컬타임스'; FeedUri = "$($Site.Url)aitimes/rss/allArticle.xml?count=12"; Language = 'ko'; TimeZone = 'Asia/Seoul'; AllowPrivateNetwork = $true
            Policy = [ordered]@{ AllowAiProcessing = $false; MaxExcerptLength = 800; Notice = 'AI학습 및 활용 금지' } }
        [ordered]@{ Id = 'LocalWp'; Name = 'Local WP'; FeedUri = "$($Site.Url)wp/feed/?count=6"; Language = 'en'; TimeZone = 'America/New_York'; AllowPrivateNetwork = $true }
        [ordered]@{ Id = 'LocalEucKr'; Name = '로컬인공지능'; FeedUri = "$($Site.Url)euckr/rss/wrongcharset.xml?count=5"; Language = 'ko'; TimeZone = 'Asia/Seoul'; AllowPrivateNetwork = $true }
        [ordered]@{ Id = 'Broken'; Name = 'Broken'; FeedUri = "$($Site.Url)aitimes/rss/allArticle.xml?status=404"; Language = 'ko'; TimeZone = 'Asia/Seoul'; AllowPrivateNetwork = $true }
    ) | Set-Content -Path $Catalog -Encoding utf8
    $script:Common = @{ SourceFile = $Catalog; IgnoreRobots = $true; CachePath = (Join-Path $TestDrive 'cache') }
}
AfterAll { Stop-TestSite $Site }

Describe 'Get-AiArticle from sources' {
    It 'reads a Korean CMS feed and each article''s page, without the page''s junk, with the source''s policy' {
        $articles = @(Get-AiArticle -Source LocalCms -First 3 @Common)
        $articles.Count | Should -Be 3
        foreach ($a in $articles) {
            $a | Should -BeOfType ([AiNews.Article])
            $a.Source | Should -Be '로컬타임스'
            $a.SourceId | Should -Be 'LocalCms'
            $a.Policy.AllowAiProcessing | Should -BeFalse
            $a.Url | Should -Match 'articleView\.html\?idxno=\d+'
            $a.Content.Length | Should -BeGreaterThan 100
            $a.Content | Should -Not -Match '관련기사|저작권자|무단전재|많이 본 뉴스|키워드'
            # The feed's dates carry no zone: they are Seoul time whatever the machine's zone is.
            $a.Published.Offset | Should -Be ([TimeSpan]::FromHours(9))
        }
    }

    It 'keeps only the articles of -Date in -TimeZone' {
        $all = @(Get-AiArticle -Source LocalCms -SkipContent @Common)
        $day = $all[0].Published.ToOffset([TimeSpan]::FromHours(9)).Date
        $expected = @($all | Where-Object { $_.Published.ToOffset([TimeSpan]::FromHours(9)).Date -eq $day })
        $got = @(Get-AiArticle -Source LocalCms -Date $day -TimeZone Asia/Seoul -SkipContent @Common)
        $got.Count | Should -Be $expected.Count
        $got.Url | Should -Be $expected.Url
    }

    It 'returns feed entries without fetching pages with -SkipContent' {
        $before = (Get-TestSiteStat $Site -Path '/aitimes/news/articleView.html').count
        $entries = @(Get-AiArticle -Source LocalCms -First 3 -SkipContent @Common)
        $entries.Count | Should -Be 3
        (Get-TestSiteStat $Site -Path '/aitimes/news/articleView.html').count | Should -Be $before
    }

    It 'reads an English WordPress feed and an EUC-KR feed whose header lies about its charset' {
        $en = @(Get-AiArticle -Source LocalWp -First 2 @Common)
        $en.Count | Should -Be 2
        $en[0].Content | Should -Not -BeNullOrEmpty
        $ko = @(Get-AiArticle -Source LocalEucKr -First 3 -SkipContent @Common)
        $ko.Count | Should -Be 3
        foreach ($a in $ko) { $a.Title | Should -Match '[가-힣]'; $a.Title | Should -Not -Match ([char]0xFFFD) }
    }

    It 'reports a broken source as an error and still reads the others' {
        $articles = @(Get-AiArticle -Source Broken, LocalCms -First 2 -SkipContent @Common -ErrorVariable errs -ErrorAction SilentlyContinue)
        $articles.Count | Should -Be 2
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.HttpError,*'
        # The error names the source (what Invoke-AiNewsJob counts as not read), and its message the address.
        $errs[0].TargetObject.Id | Should -Be 'Broken'
        $errs[0].TargetObject.FeedUri | Should -BeLike '*status=404*'
        $errs[0].Exception.Message | Should -BeLike '*allArticle.xml?…*'     # the address without its query (issue 8: a query may hold a key)
        $errs[0].Exception.Message | Should -Not -BeLike '*status=404*'
        Get-AiArticle -Source NoSuch @Common -ErrorVariable errs2 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.SourceNotFound,*'
    }

    It 'asks again with a conditional request and serves an unchanged feed from the cache' {
        $cache = Join-Path $TestDrive 'cache-conditional'
        $feed = "$($Site.Url)aitimes/rss/allArticle.xml?count=3&k=conditional"
        @(Get-AiArticle -FeedUri $feed -SkipContent -AllowPrivateNetwork -IgnoreRobots -CachePath $cache).Count | Should -Be 3
        $second = Get-AiArticle -FeedUri $feed -SkipContent -AllowPrivateNetwork -IgnoreRobots -CachePath $cache -Verbose 4>&1
        @($second | Where-Object { $_ -is [AiNews.Article] }).Count | Should -Be 3
        ($second | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'cache'
        $stat = Get-TestSiteStat $Site -Path '/aitimes/rss/allArticle.xml?count=3&k=conditional'
        $stat.count | Should -Be 2
        $stat.notModified | Should -Be 1
    }
}

Describe 'Get-AiArticle politeness and failures' {
    It 'honours robots.txt unless told otherwise' {
        $page = [Uri] "$($Site.Url)private/secret-page"
        Get-AiArticle -Uri $page -AllowPrivateNetwork -CachePath (Join-Path $TestDrive 'c1') -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.RobotsDisallowed,*'
        $errs[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        @(Get-AiArticle -Uri $page -AllowPrivateNetwork -IgnoreRobots -CachePath (Join-Path $TestDrive 'c1')).Count | Should -Be 1
    }

    It 'reads an Atom blog, and refuses a page larger than the size cap' {
        $articles = @(Get-AiArticle -FeedUri "$($Site.Url)blog/atom.xml" -First 2 -AllowPrivateNetwork -IgnoreRobots -NoCache)
        $articles.Count | Should -Be 2
        $oversized = Get-AiArticle -Uri "$($Site.Url)big?size=12000000" -AllowPrivateNetwork -IgnoreRobots -NoCache -ErrorVariable errs -ErrorAction SilentlyContinue
        $oversized | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.PageTooLarge,*'
    }

    It 'binds article pages from the pipeline by their Url property' {
        $entries = @(Get-AiArticle -Source LocalCms -First 2 -SkipContent @Common)
        $pages = @($entries | Select-Object Url | Get-AiArticle -AllowPrivateNetwork -IgnoreRobots -NoCache)
        $pages.Count | Should -Be 2
        $pages[0].Content.Length | Should -BeGreaterThan $entries[0].Content.Length
    }
}

Describe 'The collection engine without the cmdlet' {
    It 'yields articles, problems (a failed feed targets its source) and a final progress, in order, from plain .NET calls' {
        $options = [AiNews.Collection.ArticleCollectorOptions]@{ SkipContent = $true
            Fetch = [AiNews.Fetching.FetchOptions]@{ NoCache = $true; IgnoreRobots = $true; Timeout = [timespan]::FromSeconds(10) } }
        $collector = [AiNews.Collection.ArticleCollector]::new($options)
        $collector.AddSources([AiNews.Sources.SourceCatalog]::Load($Catalog), [string[]] @('Broken', 'NoSuchSource'))
        $collector.AddFiles([string[]] @((Join-Path $FixturesRoot 'feeds/rss-dates.xml'), (Join-Path $TestDrive 'missing.xml')))
        $events = @($collector.Collect([Threading.CancellationToken]::None))
        $articles = @($events | Where-Object { $_ -is [AiNews.Collection.ArticleCollected] })
        $articles.Count | Should -Be @(Get-AiArticle -Path (Join-Path $FixturesRoot 'feeds/rss-dates.xml') -SkipContent).Count
        $problems = @($events | Where-Object { $_ -is [AiNews.Collection.CollectionProblem] })
        $problems.ErrorId | Should -Be @('AiNews.SourceNotFound', 'AiNews.FileUnreadable', 'AiNews.HttpError')
        $problems[1].Category | Should -Be 'ReadError'
        $problems[2].Target | Should -BeOfType ([AiNews.NewsSource])
        $problems[2].Target.Id | Should -Be 'Broken'
        $events[-1] | Should -BeOfType ([AiNews.Collection.CollectionProgress])
        $events[-1].Completed | Should -BeTrue
    }
}

Describe 'Get-AiArticle from files' {
    It 'reads a local HTML page as one article and a local feed as its entries' {
        $page = @(Get-AiArticle -Path (Join-Path $FixturesRoot 'pages/ndsoft-article.html'))
        $page.Count | Should -Be 1
        $page[0].Content | Should -Not -BeNullOrEmpty
        $page[0].Content | Should -Not -Match '관련기사'
        $feed = @(Get-AiArticle -Path (Join-Path $FixturesRoot 'feeds/rss-dates.xml') -SkipContent)
        $feed.Count | Should -BeGreaterThan 1
    }

    It 'takes the address a saved page names for itself as the article''s Url' {
        $saved = Join-Path $TestDrive 'saved.html'
        Set-Content -Path $saved -Encoding utf8 -Value @'
<html lang="en"><head><title>Saved story</title><link rel="canonical" href="https://news.example.org/2025/12/27/saved-story">
</head><body><article><h1>Saved story</h1><p>A saved page keeps the address it came from, so a digest can link to it.</p>
<p>Its images resolve there too: <img src="/img/a.png"></p></article></body></html>
'@
        $a = Get-AiArticle -Path $saved
        $a.Url | Should -Be 'https://news.example.org/2025/12/27/saved-story'
        $a | Export-AiDigest | Should -Match '\(https://news\.example\.org/2025/12/27/saved-story\)'
    }

    It 'reports a missing file and reads the rest' {
        $out = @(Get-AiArticle -Path (Join-Path $TestDrive 'nope.html'), (Join-Path $FixturesRoot 'pages/wordpress-post.html') -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.FileUnreadable,*'
    }
}
