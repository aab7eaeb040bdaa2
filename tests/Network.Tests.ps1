# Issue 8, the network side: the address policy, dead hosts, no network, secrets in headers, caps on local files.
# Only the loopback test site is ever contacted: every refusal below happens before anything is sent.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestSite.ps1')
    $script:Site = Start-TestSite -FixturesOnly
    $script:Base = $script:Site.Url
    $script:Port = $script:Site.Uri.Port
    function New-Key { [guid]::NewGuid().ToString('N').Substring(0, 10) }
    # A feed on the test site whose items link to the given addresses ({i} in a link makes -Count items of it).
    function Get-LinkFeed([string[]] $Link, [int] $Count = 1) {
        $Base + 'feed/links?count=' + $Count + (-join ($Link | ForEach-Object { '&link=' + [uri]::EscapeDataString($_) }))
    }
    function Get-Ids($Errors) { @($Errors | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) }
}
AfterAll { if ($script:Site) { Stop-TestSite $script:Site } }

Describe 'The address classifier' {
    It 'reads <Spelling> as <Address> and refuses it' -ForEach @(
        @{ Spelling = '2130706433'; Address = '127.0.0.1' }
        @{ Spelling = '0x7f.1'; Address = '127.0.0.1' }
        @{ Spelling = '0x7f000001'; Address = '127.0.0.1' }
        @{ Spelling = '0177.0.0.1'; Address = '127.0.0.1' }
        @{ Spelling = '017700000001'; Address = '127.0.0.1' }
        @{ Spelling = '127.1'; Address = '127.0.0.1' }
        @{ Spelling = '127.0.0.1.'; Address = '127.0.0.1' }
        @{ Spelling = '10.0.0.5'; Address = '10.0.0.5' }
        @{ Spelling = '172.16.3.4'; Address = '172.16.3.4' }
        @{ Spelling = '192.168.1.1'; Address = '192.168.1.1' }
        @{ Spelling = '169.254.169.254'; Address = '169.254.169.254' }
        @{ Spelling = '0xa9.0xfe.0xa9.0xfe'; Address = '169.254.169.254' }
        @{ Spelling = '100.64.0.1'; Address = '100.64.0.1' }
        @{ Spelling = '0.0.0.0'; Address = '0.0.0.0' }
        @{ Spelling = '0'; Address = '0.0.0.0' }
        @{ Spelling = '224.0.0.1'; Address = '224.0.0.1' }
        @{ Spelling = '255.255.255.255'; Address = '255.255.255.255' }
        @{ Spelling = '240.0.0.1'; Address = '240.0.0.1' }
        @{ Spelling = '192.0.2.10'; Address = '192.0.2.10' }
        @{ Spelling = '198.18.0.1'; Address = '198.18.0.1' }
        @{ Spelling = '[::1]'; Address = '::1' }
        @{ Spelling = '::'; Address = '::' }
        @{ Spelling = '[fd12:3456::1]'; Address = 'fd12:3456::1' }
        @{ Spelling = 'fc00::1'; Address = 'fc00::1' }
        @{ Spelling = '[fe80::1]'; Address = 'fe80::1' }
        @{ Spelling = 'fec0::1'; Address = 'fec0::1' }
        @{ Spelling = 'ff02::1'; Address = 'ff02::1' }
        @{ Spelling = '[::ffff:127.0.0.1]'; Address = '::ffff:127.0.0.1' }
        @{ Spelling = '[::ffff:a9fe:a9fe]'; Address = '::ffff:169.254.169.254' }
        @{ Spelling = '::10.0.0.1'; Address = '::10.0.0.1' }
        @{ Spelling = '64:ff9b::a00:1'; Address = '64:ff9b::a00:1' }
        @{ Spelling = '2002:a9fe:a9fe::1'; Address = '2002:a9fe:a9fe::1' }
        @{ Spelling = '2001:db8::1'; Address = '2001:db8::1' }
        @{ Spelling = '2001:0:4136:e378::1'; Address = '2001:0:4136:e378::1' }
        @{ Spelling = '100::1'; Address = '100::1' }
    ) {
        $parsed = [AiNews.Fetching.AddressPolicy]::ParseHost($Spelling)
        $parsed | Should -Be ([ipaddress] $Address)
        [AiNews.Fetching.AddressPolicy]::ClassifyHost($Spelling) | Should -Not -BeNullOrEmpty
        [AiNews.Fetching.AddressPolicy]::IsPublic($parsed) | Should -BeFalse
    }

    It 'lets public unicast addresses through: <_>' -ForEach @('8.8.8.8', '1.1.1.1', '93.184.216.34', '100.128.0.1', '172.32.0.1',
        '2606:4700::1111', '2a00:1450:4001::1', '[::ffff:8.8.8.8]', '64:ff9b::808:808', '2002:808:808::1') {
        $parsed = [AiNews.Fetching.AddressPolicy]::ParseHost($_)
        $parsed | Should -Not -BeNullOrEmpty
        [AiNews.Fetching.AddressPolicy]::Classify($parsed) | Should -BeNullOrEmpty
    }

    It 'leaves names to DNS and does not misread look-alikes: <_>' -ForEach @('example.com', 'localhost', '0x7g.1', '1.2.3.4.5', '256.1.1.1', '08.1.1.1', '') {
        [AiNews.Fetching.AddressPolicy]::ParseHost($_) | Should -BeNullOrEmpty
    }
}

Describe 'The address policy in Get-AiArticle' {
    It 'refuses a page on a loopback address without -AllowPrivateNetwork, before sending anything' {
        $key = New-Key
        $to = "http://2130706433:$Port/page/secret-admin?k=$key"
        $first = "redirect/to?location=$([uri]::EscapeDataString($to))"
        $out = @(Get-AiArticle -Uri ($Base + $first), ($Base + "page/other?k=$key") -NoCache -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        Get-Ids $errs | Should -Be @('AiNews.AddressRefused', 'AiNews.AddressRefused')
        $errs[0].Exception.Message | Should -Match 'loopback'
        $errs[0].Exception.Message | Should -Match '-AllowPrivateNetwork'
        $errs[0].Exception.Message | Should -Not -Match 'location=|secret-admin|k='
        (Get-TestSiteStat $Site -Path "/$first").count | Should -Be 0
        (Get-TestSiteStat $Site -Path "/page/secret-admin?k=$key").count | Should -Be 0
        (Get-TestSiteStat $Site -Path '/robots.txt').count | Should -Be 0
    }

    It 'refuses feed links and redirects to other private hosts of an intranet source, and keeps every article' {
        $key = New-Key
        $links = @(
            "http://localhost:$Port/page/by-name?k=$key"                    # a name that resolves to loopback
            'http://10.0.0.5/admin'                                          # RFC 1918, never contacted
            'http://169.254.169.254/latest/meta-data/iam/'                   # the cloud metadata service
            "http://[::ffff:7f00:1]:$Port/page/mapped?k=$key"               # IPv4-mapped loopback
            "http://0x7f.1:$Port/page/own?k=$key"                           # the source's own host, spelt in hex
            ("/redirect/to?location=" + [uri]::EscapeDataString("http://localhost:$Port/page/redirected?k=$key"))
        )
        $catalog = Join-Path $TestDrive 'intranet.json'
        ConvertTo-Json -InputObject @([ordered]@{ Id = 'Intranet'; Name = 'Intranet'; FeedUri = (Get-LinkFeed $links); TimeZone = 'UTC'; AllowPrivateNetwork = $true }) |
            Set-Content $catalog -Encoding utf8
        $articles = @(Get-AiArticle -Source Intranet -SourceFile $catalog -NoCache -IgnoreRobots -ErrorVariable errs -ErrorAction SilentlyContinue)
        $articles.Count | Should -Be 6
        ($articles | Where-Object Url -Like '*page/own*').Content | Should -Match 'Page /page/own'
        Get-Ids $errs | Should -Be @(1..5 | ForEach-Object { 'AiNews.AddressRefused' })
        ($errs.Exception.Message -join "`n") | Should -Match '169\.254\.169\.254.*link-local'
        ($errs.Exception.Message -join "`n") | Should -Match 'redirects to http://localhost'
        ($errs.Exception.Message -join "`n") | Should -Not -Match "k=$key"
        (Get-TestSiteStat $Site -HostName 'localhost').count | Should -Be 0
        (Get-TestSiteStat $Site -Path "/page/own?k=$key").count | Should -Be 1
    }

    It 'fetches private addresses with -AllowPrivateNetwork' {
        $key = New-Key
        $to = "http://2130706433:$Port/page/allowed?k=$key"
        $a = Get-AiArticle -Uri ($Base + 'redirect/to?location=' + [uri]::EscapeDataString($to)) -AllowPrivateNetwork -NoCache
        $a.Content | Should -Match 'Page /page/allowed'
    }
}

Describe 'Dead hosts and huge feeds' {
    It 'gives up a hanging host after two timeouts with one AiNews.HostUnavailable, and every article still arrives' {
        $group = New-Key
        $feed = Get-LinkFeed -Count 40 -Link "http://localhost:$Port/page/hang{i}.html?delay=120000&group=$group", '/page/fine1.html', '/page/fine2.html'
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $articles = @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -TimeoutSec 1 -NoCache -ErrorVariable errs -ErrorAction SilentlyContinue)
        $clock.Stop()
        $articles.Count | Should -Be 42
        @($articles | Where-Object Content -Match 'Page /page/fine').Count | Should -Be 2
        Get-Ids $errs | Should -Be @('AiNews.HostUnavailable')
        $errs[0].Exception.Message | Should -Match "localhost:$Port.*-TimeoutSec"
        # 40 pages × 4 attempts of 1 s plus backoff, 4 at a time, took about 110 s before the breaker; now two timeouts.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
        (Get-TestSiteStat $Site -Group $group).total | Should -BeLessOrEqual 8
    }

    It 'reads at most -MaxItemsPerFeed entries of a feed, with a warning' {
        $feed = Get-LinkFeed -Count 30 -Link '/page/many{i}.html'
        $articles = @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -SkipContent -NoCache -MaxItemsPerFeed 5 -WarningVariable warns -WarningAction SilentlyContinue)
        $articles.Count | Should -Be 5
        "$warns" | Should -Match '30 entries.*first 5.*MaxItemsPerFeed'
        @(Get-AiArticle -FeedUri $feed -AllowPrivateNetwork -SkipContent -NoCache).Count | Should -Be 30   # under the default 100
    }
}

Describe 'No network' {
    It 'reports a name that does not resolve as AiNews.NetworkUnavailable, once, without retries' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Get-AiArticle -FeedUri 'http://ainews-test.invalid/feed' -NoCache -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-Ids $errs | Should -Be @('AiNews.NetworkUnavailable')
        $errs[0].Exception.Message | Should -Match 'ainews-test\.invalid could not be resolved.*network or DNS'
        $errs[0].Exception.Message | Should -Not -Match 'robots'
        $errs[0].Exception.InnerException.Attempts | Should -Be 1
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60
    }

    It 'says so once per host for pages and once per source for feeds, and reads the other sources (with -AllowPrivateNetwork too)' {
        $feed = Get-LinkFeed -Count 5 -Link 'http://ainews-test.invalid/news/{i}.html'
        $articles = @(Get-AiArticle -FeedUri $feed, "$($Base)blog/atom.xml" -AllowPrivateNetwork -NoCache -ErrorVariable errs -ErrorAction SilentlyContinue)
        $articles.Count | Should -Be 8   # 5 link-feed items with their excerpts, 3 blog posts
        Get-Ids $errs | Should -Be @('AiNews.NetworkUnavailable')
        $errs[0].Exception.Message | Should -Not -Match 'robots'
        Get-AiArticle -FeedUri 'http://ainews-test.invalid/a.xml', 'http://ainews-test.invalid/b.xml' -AllowPrivateNetwork -NoCache -ErrorVariable feedErrs -ErrorAction SilentlyContinue
        Get-Ids $feedErrs | Should -Be @('AiNews.NetworkUnavailable', 'AiNews.NetworkUnavailable')   # every source that was not read is named
        @($feedErrs.TargetObject.FeedUri | Sort-Object) | Should -Be @('http://ainews-test.invalid/a.xml', 'http://ainews-test.invalid/b.xml')
    }
}

Describe 'Bad arguments get typed errors' {
    It 'refuses CR/LF in -UserAgent as a parameter validation error, sending nothing' {
        $key = New-Key
        { Get-AiArticle -Uri "$($Base)echo?k=$key" -AllowPrivateNetwork -UserAgent "Bot/1.0`r`nX-Injected: 1" -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,AiNews.Commands.GetAiArticleCommand'
        (Get-TestSiteStat $Site -Path "/echo?k=$key").count | Should -Be 0
        { [AiNews.Fetching.WebFetcher]::new([AiNews.Fetching.FetchOptions]@{ UserAgent = "a`nb" }) } | Should -Throw '*control characters*'
    }

    It 'reports a relative -FeedUri as AiNews.InvalidUri and reads the other feeds' {
        $articles = @(Get-AiArticle -FeedUri 'news/feed.xml', "$($Base)blog/atom.xml" -AllowPrivateNetwork -SkipContent -NoCache -ErrorVariable errs -ErrorAction SilentlyContinue)
        $articles.Count | Should -Be 3
        Get-Ids $errs | Should -Be @('AiNews.InvalidUri')
    }

    It 'caps local files like downloads: AiNews.FileTooLarge, and the other files are read' {
        $big = Join-Path $TestDrive 'big.html'
        [IO.File]::WriteAllText($big, '<html><body>' + ('<p>filler</p>' * 2000) + '</body></html>')   # 26 KB
        $paths = @($big, (Join-Path $FixturesRoot 'pages/wordpress-post.html'))
        if (Test-Path '/dev/zero') { $paths += '/dev/zero' }
        $articles = @(Get-AiArticle -Path $paths -MaxResponseBytes 16384 -ErrorVariable errs -ErrorAction SilentlyContinue)
        $articles.Count | Should -Be 1
        $articles[0].Title | Should -Not -BeNullOrEmpty
        Get-Ids $errs | Should -Be @(2..$paths.Count | ForEach-Object { 'AiNews.FileTooLarge' })
        $errs[0].Exception.Message | Should -Match 'MaxResponseBytes'
    }
}

Describe 'robots.txt over 500 KiB' {
    It 'parses the first 500 KiB instead of allowing everything (RFC 9309)' {
        $o = [AiNews.Fetching.FetchOptions]@{ NoCache = $true; AllowPrivateNetwork = $true; Proxy = $Site.Uri; Timeout = [timespan]::FromSeconds(10) }
        $f = [AiNews.Fetching.WebFetcher]::new($o)
        try {
            $e = try { $f.Fetch([uri] 'http://bigrobots.proxied.test/private/x.html', 'Html') } catch { $_.Exception.InnerException }
            $e.ErrorId | Should -Be 'AiNews.RobotsDisallowed'
            $f.Fetch([uri] 'http://bigrobots.proxied.test/page/late.html', 'Html').StatusCode | Should -Be 200   # the rule past 500 KiB is not read
        } finally { $f.Dispose() }
    }
}

Describe 'A feed with one broken UTF-8 sequence' {
    It 'is read as the UTF-8 it declares, with only the bad bytes replaced, and every entry arrives' {
        $text = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>한국어 피드</title>' +
            (-join (1..20 | ForEach-Object { "<item><title>인공지능 기사 $_ 번째 제목입니다</title><link>https://example.com/news/$_</link><description>설명 문장입니다.</description></item>" })) +
            '</channel></rss>'
        $bytes = [Collections.Generic.List[byte]]::new([Text.Encoding]::UTF8.GetBytes($text))
        $bytes.RemoveAt([Text.Encoding]::UTF8.GetByteCount($text.Substring(0, $text.IndexOf('기사 7'))) + 1)   # a character cut short
        $file = Join-Path $TestDrive 'cut.xml'
        [IO.File]::WriteAllBytes($file, $bytes.ToArray())
        $articles = @(Get-AiArticle -Path $file -SkipContent)
        $articles.Count | Should -Be 20
        ($articles | Where-Object Url -EQ 'https://example.com/news/7').Title | Should -Be "인공지능 $([char]0xFFFD)사 7 번째 제목입니다"
        ($articles | Where-Object Url -EQ 'https://example.com/news/8').Title | Should -Be '인공지능 기사 8 번째 제목입니다'
        $decoded = [AiNews.Text.TextDecoder]::Decode($bytes.ToArray(), 'text/xml; charset=utf-8')
        $decoded.Encoding.WebName | Should -Be 'utf-8'
        $decoded.Problems | Should -Match 'replaced with U\+FFFD'
    }
}

Describe 'Addresses in error records' {
    It 'keeps the full address as the target for scripts, and displays it without the query (a token there stays out of logs)' {
        $page = $Base + 'page/secret?token=s3cr3t-value&status=404'
        $null = Get-AiArticle -Uri $page -AllowPrivateNetwork -NoCache -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].TargetObject.ToString() | Should -BeLike '*token=s3cr3t-value*'
        $errs[0].CategoryInfo.TargetName | Should -Be ($Base + 'page/secret?…')
        ($errs[0] | Out-String) + ($errs[0].CategoryInfo | Out-String) | Should -Not -Match 's3cr3t'
    }
}

Describe 'The webhook and LLM clients take -Proxy' {
    # *.proxied.test resolves nowhere: a request can only arrive through the test site acting as the proxy.
    It 'posts the digest through -Proxy, and the site sees the webhook host' {
        $hostName = "hook-$(New-Key).proxied.test"
        $digest = [pscustomobject]@{ Title = '오픈AI 새 모델 공개'; Url = 'https://example.com/news/1'; Source = 'AI타임스'; Organization = 'OpenAI'
            Summary = '요약 문장입니다.'; Content = 'x'; Published = [DateTimeOffset]'2025-12-27T10:00:00+09:00' } | Export-AiDigest -TimeZone Asia/Seoul
        $results = @($digest | Send-AiDigest -Kind Slack -WebhookUri "http://$hostName/hook?status=200" -Proxy $Site.Uri -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs.Count | Should -Be 0
        $results.Succeeded | Should -Be @($true)
        (Get-TestSiteStat $Site -HostName $hostName).count | Should -Be 1
    }
    It 'asks the LLM endpoint through -Proxy, and falls back to the extractive summary when it answers 404' {
        $hostName = "llm-$(New-Key).proxied.test"
        $article = [pscustomobject]@{ Title = 'OpenAI ships a new model'; Url = 'https://example.com/llm/1'; Source = 'Example News'
            Content = 'OpenAI released a new model today. It reads long documents. Developers can try it now.' }
        # /absent/v1/chat/completions is a 404 on the site (its own endpoint is /v1/chat/completions).
        $out = $article | Add-AiSummary -Endpoint "http://$hostName/absent/v1" -Model test-model -Proxy $Site.Uri -CachePath (Join-Path $TestDrive (New-Key)) 3>&1
        $warning = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $warning.Count | Should -Be 1
        $warning[0].Message | Should -Match 'HTTP 404'
        @($out | Where-Object { $_ -is [AiNews.Article] })[0].Summary | Should -Not -BeNullOrEmpty
        (Get-TestSiteStat $Site -HostName $hostName).count | Should -Be 1
    }
}
