# Hostile input cannot crash or stall the job (issue 8): depth limits in the JSON, XML and HTML readers, linear time,
# a per-page extraction budget, and digests that we can always read back. Every page and feed is made here, in TestDrive.
BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/TestPages.ps1"
    function New-GoodPage([string] $Name) {
        New-Page $Name "Good page $Name" (('<p>' + ($Sentence * 3) + '</p>') * 3)
    }
    # Runs Get-AiArticle on files; returns articles, error records and verbose lines.
    function Invoke-GetArticle([string[]] $Path, [switch] $SkipContent) {
        $errors = @()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $out = Get-AiArticle -Path $Path -SkipContent:$SkipContent -Verbose -ErrorVariable +errors -ErrorAction SilentlyContinue 4>&1
        [pscustomobject]@{
            Articles = @($out | Where-Object { $_ -is [AiNews.Article] })
            Errors   = @($errors)
            Verbose  = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            Seconds  = $watch.Elapsed.TotalSeconds
        }
    }
    # The shortest of three runs: one slow run on a busy machine says nothing about the algorithm.
    function Measure-Fastest([scriptblock] $Action, [int] $Repeat = 3) {
        $best = [double]::MaxValue
        for ($i = 0; $i -lt $Repeat; $i++) {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $null = & $Action
            $best = [Math]::Min($best, $watch.Elapsed.TotalMilliseconds)
        }
        $best
    }
}

Describe 'Nested JSON' {
    It 'reads a page whose JSON-LD nests 50,000 brackets, ignoring the JSON-LD, and the pages beside it' {
        $deep = New-Page 'deep-jsonld' 'Deep JSON-LD' (('<p>' + ($Sentence * 3) + '</p>') * 3) ('<script type="application/ld+json">' + ('[' * 50000) + '</script>')
        $r = Invoke-GetArticle @((New-GoodPage 'a'), $deep, (New-GoodPage 'c'))
        $r.Errors | Should -BeNullOrEmpty
        $r.Articles.Title | Should -Be @('Good page a', 'Deep JSON-LD', 'Good page c')
        $r.Articles[1].Content | Should -Match 'long enough'
        ($r.Verbose -join "`n") | Should -Match 'JSON-LD\) nested deeper than 128 levels was ignored'
    }

    It 'gives a typed error, not a stack overflow, at the depth limit' {
        foreach ($deep in @('[' * 50000), ('{"a":' * 50000)) {
            $thrown = $null
            try { $null = [AiNews.Common.Json]::Parse($deep) } catch { $thrown = $_.Exception.InnerException }
            $thrown | Should -BeOfType ([AiNews.Common.JsonTooDeepException])
            $thrown | Should -BeOfType ([FormatException])
        }
        [AiNews.Common.Json]::TryParse('[' * 50000) | Should -BeNullOrEmpty
        # At the limit it still reads.
        @([AiNews.Common.Json]::Parse(('[' * 128) + (']' * 128))).Count | Should -Be 1
    }

    It 'stops with AiNews.TaxonomyInvalid on a -Taxonomy file nested 50,000 deep' {
        $path = Join-Path $TestDrive 'deep-taxonomy.json'
        [IO.File]::WriteAllText($path, '{"organizations": ' + ('[' * 50000) + '}')
        $article = [pscustomobject]@{ Title = 'OpenAI releases a model'; Url = 'https://example.com/x'; Content = 'OpenAI released a model.' }
        { $article | Add-AiTag -Taxonomy $path -ErrorAction Stop } | Should -Throw -ErrorId 'AiNews.TaxonomyInvalid*'
    }
}

Describe 'Feed XML' {
    It 'reads a feed whose title is 3.2 MB of stray end tags in linear time, with every entry' {
        $day = [DateTimeOffset]::UtcNow.AddHours(-1).ToString('r', [Globalization.CultureInfo]::InvariantCulture)
        $items = foreach ($i in 1..3) {
            $title = if ($i -eq 2) { 'a</q>' * 640000 } else { "Entry $i" }
            "<item><title>$title</title><link>https://example.com/feed/$i</link><pubDate>$day</pubDate><description>Text $i.</description></item>"
        }
        $path = Join-Path $TestDrive 'hostile-title.xml'
        [IO.File]::WriteAllText($path, '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>' + ($items -join '') + '</channel></rss>')
        $r = Invoke-GetArticle $path -SkipContent
        $r.Errors | Should -BeNullOrEmpty
        $r.Articles.Count | Should -Be 3
        $r.Articles[0].Title | Should -Be 'Entry 1'
        $r.Articles[1].Title.Length | Should -Be 640000
        $r.Articles[2].Title | Should -Be 'Entry 3'
        $r.Seconds | Should -BeLessThan 20   # 301 s before
    }

    It 'flattens elements nested 100,000 deep and keeps every entry' {
        $day = [DateTimeOffset]::UtcNow.AddHours(-1).ToString('r', [Globalization.CultureInfo]::InvariantCulture)
        $deep = ('<x>' * 100000) + 'inner' + ('</x>' * 100000)
        $xml = '<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>' +
            "<item><title>One</title><link>https://example.com/d/1</link><pubDate>$day</pubDate></item>" +
            "<item><title>Two</title><link>https://example.com/d/2</link><pubDate>$day</pubDate><description>$deep</description></item>" +
            "<item><title>Three</title><link>https://example.com/d/3</link><pubDate>$day</pubDate></item></channel></rss>"
        $path = Join-Path $TestDrive 'deep-feed.xml'
        [IO.File]::WriteAllText($path, $xml)
        $r = Invoke-GetArticle $path -SkipContent
        $r.Errors | Should -BeNullOrEmpty
        $r.Articles.Title | Should -Be @('One', 'Two', 'Three')
        ($r.Verbose -join "`n") | Should -Match 'nested deeper than 200 levels were flattened'
    }
}

Describe 'HTML pages' {
    It 'reads 100,000 nested div elements quickly, refuses a million p elements with AiNews.ExtractionFailed, and reads the pages beside them' {
        $divs = New-Page 'divs' 'Nested divs' (('<div>' * 100000) + '<p>' + ($Sentence * 3) + '</p>' + ('</div>' * 100000))
        $many = New-Page 'many-p' 'Many paragraphs' ('<p>a</p>' * 1000000)
        $r = Invoke-GetArticle @((New-GoodPage 'a'), $divs, $many, (New-GoodPage 'c'))
        $r.Articles.Title | Should -Be @('Good page a', 'Nested divs', 'Good page c')
        $r.Articles[1].Content | Should -Match 'long enough'
        $r.Errors.Count | Should -Be 1
        $r.Errors[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.ExtractionFailed,*'
        $r.Errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $r.Errors[0].Exception.Message | Should -Match 'more than 100,000 elements'
        ($r.Verbose -join "`n") | Should -Match 'nested deeper than 256 levels were flattened'
        $r.Seconds | Should -BeLessThan 30   # 95 s + 370 s before
    }

    It 'gives up a page past its time budget with a typed error' {
        $extractor = [AiNews.Extraction.ArticleExtractor]::new()
        $extractor.TimeBudget = [TimeSpan]::Zero
        $html = '<html><body>' + (('<div><p>' + $Sentence + '</p></div>') * 300) + '</body></html>'
        $thrown = $null
        try { $null = $extractor.Extract($html, [Uri]'https://example.com/slow') } catch { $thrown = $_.Exception.InnerException }
        $thrown | Should -BeOfType ([AiNews.Extraction.ExtractionLimitException])
        $thrown.Message | Should -Match 'took longer than 0 s'
        $extractor.TimeBudget = [AiNews.Extraction.ArticleExtractor]::DefaultTimeBudget
        $extractor.Extract($html, [Uri]'https://example.com/slow').Content | Should -Match 'long enough'

        [AiNews.Extraction.ArticleExtractor]::DefaultTimeBudget.TotalSeconds | Should -Be 10
    }
}

Describe 'Linear time' {
    # Time may grow at most ~15x per 10x of input (quadratic would be 100x). Each 100x input takes well under a second.
    It 'parses <Name> in time linear in its size' -ForEach @(
        @{ Name = 'a feed title of stray end tags'; Make = { param($n) '<rss><channel><item><title>' + ('a</q>' * (60 * $n)) + '</title></item></channel></rss>' }
           Run = { param($t) [AiNews.Feeds.FeedReader]::Read($t, $null, $null) } }
        @{ Name = 'nested div elements'; Make = { param($n) '<html><body>' + (('<div>' * 20 + '<p>x, y</p>' + '</div>' * 20) * (2 * $n)) + '</body></html>' }
           Run = { param($t) [AiNews.Extraction.ArticleExtractor]::new().Extract($t, $null) } }
        @{ Name = 'many p elements'; Make = { param($n) '<html><body>' + ('<p>a</p>' * (20 * $n)) + '</body></html>' }
           Run = { param($t) [AiNews.Extraction.ArticleExtractor]::new().Extract($t, $null) } }
        @{ Name = 'nested JSON-LD'; Make = { param($n) '<html><head><script type="application/ld+json">' + ('[' * (300 * $n)) + '</script></head><body><p>x</p></body></html>' }
           Run = { param($t) [AiNews.Extraction.ArticleExtractor]::new().Extract($t, $null) } }
        @{ Name = 'markup nested in a JSON-LD articleBody'; Make = { param($n) '<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"' + ('<ul><li>' * (100 * $n)) + 'x"}</script></head><body><p>x</p></body></html>' }
           Run = { param($t) [AiNews.Extraction.ArticleExtractor]::new().Extract($t, $null) } }
        @{ Name = 'raw HTML nested in a day file, as a page'; Make = { param($n) "# Day`n`n<div>`n" + ('<div>' * (100 * $n)) + 'x' + ('</div>' * (100 * $n)) + "`n</div>`n" }
           Run = { param($t) [AiNews.Digest.Html.DigestPage]::Render($t, $null) } }
        @{ Name = 'a long text into its summary'; Make = { param($n)
                # Sentences of seeded random words: none repeats another, so every one is a candidate to rank.
                $rng = [Random]::new(7)
                $text = [Text.StringBuilder]::new()
                for ($s = 0; $s -lt 30 * $n; $s++) {
                    [void]$text.Append('The')
                    for ($w = 0; $w -lt 8; $w++) { [void]$text.Append(' ').Append([char[]](1..(3 + $rng.Next(6)) | ForEach-Object { [char](97 + $rng.Next(26)) })) }
                    [void]$text.Append('. ')
                }
                $text.ToString() }
           Run = { param($t) [AiNews.Summaries.ExtractiveSummarizer]::new().Summarize('A long report', $t, 'en') } }
        @{ Name = 'nested JSON'; Make = { param($n) ('{"a":[' * (100 * $n)) }
           Run = { param($t) [AiNews.Common.Json]::TryParse($t) } }
    ) {
        $null = & $Run (& $Make 1)   # warm up (JIT)
        $texts = foreach ($n in 1, 10, 100) { , (& $Make $n) }
        # The sizes take turns, five rounds, and each keeps its fastest time: a burst of load on a shared
        # machine then slows one round of every size, not all rounds of one size.
        # A floor of 10 ms for the small sizes: below it the fixed cost of a call (and the clock, the GC, the JIT) speaks, not the algorithm.
        $growth = { param($t) [Math]::Max($t[1] / [Math]::Max($t[0], 10), $t[2] / [Math]::Max($t[1], 10)) }
        $times = @([double]::MaxValue) * 3
        # Up to three sets of five rounds while the growth looks too steep: a quadratic step grows ~100x every time,
        # a machine busy with other work only now and then.
        for ($set = 0; $set -lt 3 -and ($set -eq 0 -or (& $growth $times) -ge 15); $set++) {
            for ($round = 0; $round -lt 5; $round++) {
                for ($i = 0; $i -lt 3; $i++) { $text = $texts[$i]; $times[$i] = [Math]::Min($times[$i], (Measure-Fastest { & $Run $text } -Repeat 1)) }
            }
        }
        Write-Host ("    {0}: 1x {1:N1} ms, 10x {2:N1} ms, 100x {3:N1} ms" -f $Name, $times[0], $times[1], $times[2])
        ($times[1] / [Math]::Max($times[0], 10)) | Should -BeLessThan 15
        ($times[2] / [Math]::Max($times[1], 10)) | Should -BeLessThan 15
    }
}

Describe 'Whatever we write, we can read back' {
    BeforeAll {
        $n = 20000
        $script:Nasty = [ordered]@{
            'nested brackets'   = ('[' * $n) + 'x' + (']' * $n)
            'open brackets'     = '[' * $n
            'quote markers'     = ('>' * $n) + ' x'
            'quote lines'       = (1..300 | ForEach-Object { ('> ' * $_) + 'q' }) -join "`n"
            'stars'             = ('*' * $n) + 'x' + ('*' * $n)
            'underscores'       = ('_' * $n) + 'x' + ('_' * $n)
            'angle brackets'    = ('<' * $n) + 'x' + ('>' * $n)
            'tags'              = ('<a ' * 5000) + 'x'
            'indented lists'    = (0..300 | ForEach-Object { (' ' * (2 * $_)) + '- item' }) -join "`n"
            'numbered lists'    = (0..300 | ForEach-Object { (' ' * (3 * $_)) + '1. item' }) -join "`n"
            'links'             = ('[a](' * 5000) + 'x'
            'images'            = ('![' * $n) + 'x'
            'mixed'             = ('[*_`~' * 4000) + 'x' + ('~`_*]' * 4000)
            'backslashes'       = '\' * $n
            'entities'          = '&amp;&lt;&#x41;' * 3000
        }
        $script:Written = foreach ($name in $Nasty.Keys) {
            $text = $Nasty[$name]
            [pscustomobject]@{ Title = "Nasty $name " + $text.Substring(0, [Math]::Min(200, $text.Length)); Url = "https://example.com/nasty/$($name -replace ' ', '-')"
                Summary = $text; Content = $text; Source = 'Example'; Organization = '기타'; Tags = @('LLM')
                Published = [DateTimeOffset]::Parse('2025-12-27T10:00:00+09:00') }
        }
    }

    It 'reads back the exact title, summary and body of every nasty article, and renders the digest as HTML' {
        $md = $Written | Export-AiDigest -Date 2025-12-27 -TimeZone Asia/Seoul -MaxContentLength 0
        { [AiNews.Digest.MarkdownPipelines]::ToHtml($md) } | Should -Not -Throw
        $back = @($md | ConvertFrom-AiDigest -TimeZone Asia/Seoul -ErrorAction Stop)
        $back.Count | Should -Be $Written.Count
        for ($i = 0; $i -lt $Written.Count; $i++) {
            $back[$i].Title | Should -BeExactly ([AiNews.Text.TextNormalizer]::SingleLine($Written[$i].Title))
            $back[$i].Summary | Should -BeExactly ([AiNews.Text.TextNormalizer]::Block($Written[$i].Summary).Replace("`n`n", "`n"))
            $back[$i].Content | Should -BeExactly ([AiNews.Text.TextNormalizer]::Block($Written[$i].Content))
        }
    }

    It 'keeps the archive readable after an archive run with them' {
        $root = Join-Path $TestDrive 'archive'
        $Written | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul -MaxContentLength 0 -ErrorAction Stop
        $back = @(ConvertFrom-AiDigest -ArchivePath $root -TimeZone Asia/Seoul -ErrorAction Stop)
        $back.Count | Should -Be $Written.Count
        $back.Url | Should -Be $Written.Url
    }
}
