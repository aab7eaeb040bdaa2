# Feed reading: text decoding, dates, HTML to text and the reader itself, on our own small fixtures
# (tests/Fixtures/feeds) and on real captures from ../shared when it is there.
BeforeDiscovery { . "$PSScriptRoot/SharedCorpus.ps1" }

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:FeedFixtures = Join-Path $FixturesRoot 'feeds'
    $script:Seoul = [AiNews.Common.TimeZoneResolver]::Find('Asia/Seoul')
    $script:NewYork = [AiNews.Common.TimeZoneResolver]::Find('America/New_York')

    function Read-FixtureFeed([string] $Name, [TimeZoneInfo] $Zone = $Seoul, [Uri] $Uri = $null, [string] $ContentType = $null) {
        [AiNews.Feeds.FeedReader]::Read([IO.File]::ReadAllBytes((Join-Path $FeedFixtures $Name)), $Uri, $ContentType, $Zone)
    }

    function Get-Utc([string] $Text, [TimeZoneInfo] $Zone = $Seoul) {
        $value = [DateTimeOffset]::MinValue
        if (-not [AiNews.Common.DateParser]::TryParse($Text, $Zone, [ref]$value)) { return $null }
        $value.UtcDateTime.ToString('yyyy-MM-ddTHH:mm:ssZ', [Globalization.CultureInfo]::InvariantCulture)
    }

    # PowerShell reads a curly apostrophe as a quote; test text spells it [char]0x2019.
    $script:Mojibake = '[ÃÂ]|â€'
}

Describe 'TextDecoder' {
    It 'reads Korean EUC-KR bytes that declare no charset as Korean' {
        $bytes = [IO.File]::ReadAllBytes((Join-Path $FeedFixtures 'rss-euckr-undeclared.xml'))
        $decoded = [AiNews.Text.TextDecoder]::Decode($bytes, $null)
        $decoded.Text | Should -Match '인공지능 뉴스'
        $decoded.Encoding.CodePage | Should -Be 949
    }

    It 'reads Korean bytes as CP949 when only the header claims ISO-8859-1, but trusts a Latin declaration in the document' {
        $korean = [AiNews.Text.TextDecoder]::Cp949.GetBytes('<rss><channel><title>인공지능 뉴스 속보</title></channel></rss>')
        [AiNews.Text.TextDecoder]::DecodeToString($korean, 'text/xml; charset=iso-8859-1') | Should -Match '인공지능 뉴스 속보'
        $latin = [byte[]]([Text.Encoding]::ASCII.GetBytes('<?xml version="1.0" encoding="iso-8859-1"?><t>Gr') + 0xFC + [Text.Encoding]::ASCII.GetBytes('n</t>'))
        [AiNews.Text.TextDecoder]::DecodeToString($latin, 'text/xml; charset=euc-kr') | Should -Match 'Grün'
    }

    It 'reads an HTML page in EUC-KR by its meta charset' {
        $html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head><body>한국어 기사</body></html>'
        $bytes = [AiNews.Text.TextDecoder]::Cp949.GetBytes($html)
        [AiNews.Text.TextDecoder]::DecodeToString($bytes, 'text/html') | Should -Match '한국어 기사'
    }

    It 'prefers valid UTF-8 bytes over a header that says ISO-8859-1' {
        $bytes = [Text.Encoding]::UTF8.GetBytes('<?xml version="1.0"?><t>café 한국</t>')
        $decoded = [AiNews.Text.TextDecoder]::Decode($bytes, 'application/rss+xml; charset=ISO-8859-1')
        $decoded.Text | Should -BeExactly '<?xml version="1.0"?><t>café 한국</t>'
        $decoded.Problems -join ' ' | Should -Match 'valid UTF-8'
    }

    It 'reads Latin-1 bytes that claim to be UTF-8 as windows-1252' {
        $bytes = [byte[]]@([Text.Encoding]::ASCII.GetBytes('<?xml version="1.0" encoding="utf-8"?><t>caf') + 0xE9 + 0x20 + 0x93 + [byte][char]'q' + 0x94 + [Text.Encoding]::ASCII.GetBytes('</t>'))
        [AiNews.Text.TextDecoder]::DecodeToString($bytes, $null) | Should -Match 'café “q”'
    }

    It 'lets a byte order mark win over the declaration' {
        $bytes = [byte[]]@(0xEF, 0xBB, 0xBF) + [Text.Encoding]::UTF8.GetBytes('<?xml version="1.0" encoding="iso-8859-1"?><t>naïve</t>')
        [AiNews.Text.TextDecoder]::DecodeToString($bytes, $null) | Should -BeExactly '<?xml version="1.0" encoding="iso-8859-1"?><t>naïve</t>'
    }

    It 'repairs double-encoded UTF-8 and windows-1252 code points' {
        [AiNews.Text.TextDecoder]::RepairMojibake('Itâ€™s the cafÃ© â€” again') | Should -BeExactly "It$([char]0x2019)s the café — again"
        [AiNews.Text.TextDecoder]::RepairMojibake("don$([char]0x92)t") | Should -BeExactly "don$([char]0x2019)t"
    }

    It 'leaves correct Latin text alone' {
        foreach ($text in 'Ångström façade — naïve “quotes”', 'Â£5 or ÃŸ? no: just Ã and £ apart', '한국어 and café') {
            [AiNews.Text.TextDecoder]::RepairMojibake($text) | Should -BeExactly $text
        }
    }
}

Describe 'DateParser' {
    It 'reads <Text> as <Utc> (zone-less text in Asia/Seoul)' -ForEach @(
        @{ Text = 'Sat, 27 Dec 2025 10:00:00 +0900'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = 'sat,27 dec 2025 10:00 KST'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = 'SATURDAY, 27 Dec 25 10:00:00 +09:00'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = 'Sat, 27 12 2025 01:00:00 GMT'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = 'Fri, 26 Dec 2025 20:00:00 EST'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = 'Sat, 27 Dec 2025 01:00 Z'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = '27 Dec 2025 10:00:00'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = '2025-12-27T01:00:00Z'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = '2025-12-27T10:00:00.123+09:00'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = '2025-12-27 10:00:00'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = '2025.12.27 10:00'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = '2025/12/27 10:00:00'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = '2025년 12월 27일 오전 10:00'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = '2025년 12월 27일 오후 3:20'; Utc = '2025-12-27T06:20:00Z' }
        @{ Text = '2025. 12. 27. 오후 3:20'; Utc = '2025-12-27T06:20:00Z' }
        @{ Text = '2025-12-27'; Utc = '2025-12-26T15:00:00Z' }
        @{ Text = 'December 27, 2025 10:00 AM'; Utc = '2025-12-27T01:00:00Z' }
        @{ Text = 'Sat, 27 Dec 2025 10:00:00 +0900 (KST)'; Utc = '2025-12-27T01:00:00Z' }
    ) {
        Get-Utc $Text | Should -Be $Utc
    }

    It 'reads zone-less dates in the zone it is given, not a fixed one' {
        Get-Utc '2025-12-27 10:00:00' $NewYork | Should -Be '2025-12-27T15:00:00Z'
        Get-Utc '2025년 12월 27일 오후 3:20' $NewYork | Should -Be '2025-12-27T20:20:00Z'
        # An explicit zone wins over the default.
        Get-Utc 'Sat, 27 Dec 2025 10:00:00 KST' $NewYork | Should -Be '2025-12-27T01:00:00Z'
    }

    It 'returns false for text that is not a date: <Text>' -ForEach @(
        @{ Text = 'sometime last week' }, @{ Text = '' }, @{ Text = '2025-13-45 10:00' }, @{ Text = 'Sat, 32 Dec 2025 10:00:00 GMT' }, @{ Text = '12345' }
    ) {
        $value = [DateTimeOffset]::MinValue
        [AiNews.Common.DateParser]::TryParse($Text, $Seoul, [ref]$value) | Should -BeFalse
    }

    It 'gives the same instant whatever the machine''s time zone is' -Skip:([Environment]::OSVersion.Platform -eq 'Win32NT') {
        # Same parse in a child PowerShell whose local zone is Honolulu (TZ is honoured by .NET on Linux and macOS).
        $exe = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $dll = Join-Path $RepoRoot 'module/bin/dependencies/AiNews.Engine.dll'
        $script = "Add-Type -Path '$dll'; [TimeZoneInfo]::Local.BaseUtcOffset.TotalHours; `$v = [DateTimeOffset]::MinValue; " +
            "[void][AiNews.Common.DateParser]::TryParse('2025.12.27 10:00', [AiNews.Common.TimeZoneResolver]::Find('Asia/Seoul'), [ref]`$v); `$v.UtcTicks"
        $saved = $env:TZ
        try { $env:TZ = 'Pacific/Honolulu'; $out = & $exe @($prefix + @('-NoProfile', '-NonInteractive', '-Command', $script)) }
        finally { $env:TZ = $saved }
        [double]$out[0] | Should -Be -10
        $value = [DateTimeOffset]::MinValue
        [void][AiNews.Common.DateParser]::TryParse('2025.12.27 10:00', $Seoul, [ref]$value)
        [long]$out[1] | Should -Be $value.UtcTicks
    }
}

Describe 'HtmlText' {
    It 'turns blocks into paragraphs, <br> into a line break, and drops scripts and styles' {
        $html = "<div><h2>Title</h2><p>First   paragraph&nbsp;with <b>bold</b>&hellip;</p><script>var x = 1;</script><style>p{}</style><p>Line one<br>line two</p><ul><li>a</li><li>b</li></ul></div>"
        [AiNews.Common.HtmlText]::ToPlainText($html) | Should -BeExactly "Title`n`nFirst paragraph with bold…`n`nLine one`nline two`n`na`n`nb"
    }

    It 'decodes entities and collapses whitespace in plain text' {
        [AiNews.Common.HtmlText]::ToPlainText("  R&amp;D   &mdash;`n  more  ") | Should -BeExactly 'R&D — more'
    }
}

Describe 'FeedReader on our fixtures' {
    It 'reads undeclared EUC-KR Korean and zone-less dates in the source zone' {
        $feed = Read-FixtureFeed 'rss-euckr-undeclared.xml'
        $feed.Title | Should -BeExactly '인공지능 뉴스'
        $feed.Language | Should -Be 'ko'
        $feed.Entries.Count | Should -Be 1
        $feed.Entries[0].Title | Should -BeExactly '국내 AI 반도체 스타트업, 투자 유치'
        $feed.Entries[0].Summary | Should -BeExactly '국내 인공지능 반도체 기업이 대규모 투자를 받았다.'
        $feed.Entries[0].Published.UtcDateTime | Should -Be ([datetime]'2025-12-27T01:00:00')
        $feed.Entries[0].Published.Offset | Should -Be ([TimeSpan]::FromHours(9))
    }

    It 'reads the same zone-less date differently for a source in another zone' {
        $feed = Read-FixtureFeed 'rss-euckr-undeclared.xml' $NewYork
        $feed.Entries[0].Published.UtcDateTime | Should -Be ([datetime]'2025-12-27T15:00:00')
    }

    It 'decodes HTML entities, keeps bare ampersands and strips markup from titles' {
        $feed = Read-FixtureFeed 'rss-entities.xml'
        $feed.Title | Should -BeExactly 'Tools & Models'
        $feed.Entries.Count | Should -Be 2
        $first = $feed.Entries[0]
        $first.Title | Should -BeExactly 'OpenAI & Anthropic ship new models…'
        $first.Link | Should -BeExactly 'https://example.com/news?id=7&ref=rss'
        $first.Summary | Should -BeExactly 'R&D spending rose — again. Read more…'
        $feed.Entries[1].Title | Should -BeExactly 'Q&A: what "agents" means'
    }

    It 'gives HTML descriptions as paragraphs of plain text and keeps the HTML' {
        $entry = (Read-FixtureFeed 'rss-entities.xml').Entries[1]
        $entry.Summary | Should -BeExactly "First paragraph with a link.`n`nSecond`nline two"
        $entry.SummaryHtml | Should -Match '<a href="/x">'
    }

    It 'keeps the complete items of a truncated feed and says it was truncated' {
        $feed = Read-FixtureFeed 'rss-truncated.xml'
        $feed.Entries.Title | Should -Be @('Story 1', 'Story 2')
        $feed.Entries[1].Summary | Should -BeExactly 'Body of story 2.'
        ($feed.Problems -join "`n") | Should -Match 'truncated'
        ($feed.Problems -join "`n") | Should -Match 'Dropped 1 incomplete entry'
    }

    It 'does not expand an entity bomb nor resolve external entities' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $feed = Read-FixtureFeed 'rss-entity-bomb.xml'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $feed.Title | Should -Not -Match 'lollol'
        $feed.Title.Length | Should -BeLessThan 50
        $feed.Entries.Count | Should -Be 1
        $feed.Entries[0].Title | Should -BeExactly 'Still readable'
        # The external entity stays an unresolved reference: nothing was read from the file system.
        $feed.Entries[0].Summary | Should -BeExactly 'external: [&xxe;]'
        ($feed.Problems -join "`n") | Should -Match 'DOCTYPE'
    }

    It 'parses the date variants of a feed and reports the one it cannot read' {
        $feed = Read-FixtureFeed 'rss-dates.xml'
        $utc = foreach ($e in $feed.Entries) { if ($e.Published) { $e.Published.UtcDateTime.ToString('yyyy-MM-dd HH:mm') } else { 'null' } }
        $utc | Should -Be @('2025-12-27 01:00', '2025-12-27 06:20', '2025-12-27 01:00', '2025-12-27 01:00', '2025-12-27 01:00', '2025-12-27 01:00', 'null')
        ($feed.Problems -join "`n") | Should -Match "Unparseable date 'sometime last week'"
    }

    It 'resolves links against xml:base and reads Atom text constructs' {
        $feed = Read-FixtureFeed 'atom-xmlbase.xml' -Uri 'https://blog.example.org/ai/feed.atom'
        $feed.Format | Should -Be 'atom'
        $feed.Title | Should -BeExactly 'Lab notes'
        $feed.Link | Should -BeExactly 'https://blog.example.org/ai/'
        $feed.Language | Should -Be 'en'
        $first, $second = $feed.Entries
        $first.Link | Should -BeExactly 'https://blog.example.org/ai/posts/first.html'
        $first.Content | Should -BeExactly "First paragraph.`n`nSecond paragraph."
        # Links inside the content resolve against the content's own xml:base.
        $first.ContentHtml | Should -Match 'href="https://blog\.example\.org/ai/about\.html"'
        $first.ContentHtml | Should -Match 'src="https://blog\.example\.org/ai/posts/img/a\.png"'
        $first.Summary | Should -BeExactly 'Short summary.'
        $first.Published.UtcDateTime | Should -Be ([datetime]'2025-12-26T13:00:00')
        $first.Updated.UtcDateTime | Should -Be ([datetime]'2025-12-26T14:30:00')
        $first.Categories | Should -Be @('research')
        $second.Title | Should -BeExactly 'Entry with its own base & an ampersand'
        $second.Link | Should -BeExactly 'https://cdn.example.net/second.html'
        $second.Author | Should -Be 'Lab Team'
        $second.Enclosure.Url | Should -BeExactly 'https://cdn.example.net/mirror/img/chart.png'
        $second.Enclosure.Length | Should -Be 1234
        $second.ImageUrl | Should -BeExactly 'https://cdn.example.net/mirror/img/chart.png'
    }

    It 'makes relative RSS links absolute against the feed address' {
        $xml = '<rss version="2.0"><channel><title>t</title><link>/</link><item><title>a</title><link>/article/5?x=1</link><guid isPermaLink="false">5</guid></item></channel></rss>'
        $feed = [AiNews.Feeds.FeedReader]::Read($xml, [Uri]'https://news.example.com/rss/all.xml', $Seoul)
        $feed.Link | Should -BeExactly 'https://news.example.com/'
        $feed.Entries[0].Link | Should -BeExactly 'https://news.example.com/article/5?x=1'
        $feed.Entries[0].Id | Should -BeExactly '5'
    }

    It 'repairs double-encoded UTF-8 in a feed' {
        $feed = Read-FixtureFeed 'rss-double-encoded.xml'
        $feed.Title | Should -BeExactly 'Café news'
        $feed.Entries[0].Title | Should -BeExactly "It$([char]0x2019)s the café — again"
    }

    It 'drops links that are not web links' {
        $xml = '<rss><channel><item><title>x</title><link>javascript:alert(1)</link><enclosure url="data:text/html,hi" type="text/html"/></item></channel></rss>'
        $entry = [AiNews.Feeds.FeedReader]::Read($xml, [Uri]'https://example.com/feed', $Seoul).Entries[0]
        $entry.Link | Should -BeNullOrEmpty
        $entry.Enclosure | Should -BeNullOrEmpty
    }

    It 'reads RSS 1.0 (RDF) items and Dublin Core fields' {
        $xml = @'
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.com/"><title>RDF feed</title><link>https://example.com/</link><dc:language>en</dc:language></channel>
<item rdf:about="https://example.com/1"><title>One</title><link>https://example.com/1</link><dc:creator>Kim</dc:creator><dc:date>2025-12-27T10:00:00+09:00</dc:date><dc:subject>AI</dc:subject></item>
</rdf:RDF>
'@
        $feed = [AiNews.Feeds.FeedReader]::Read($xml, $null, $Seoul)
        $feed.Format | Should -Be 'rdf'
        $feed.Title | Should -Be 'RDF feed'
        $feed.Language | Should -Be 'en'
        $e = $feed.Entries[0]
        $e.Title, $e.Link, $e.Author, $e.Id | Should -Be @('One', 'https://example.com/1', 'Kim', 'https://example.com/1')
        $e.Published.UtcDateTime | Should -Be ([datetime]'2025-12-27T01:00:00')
        $e.Categories | Should -Be @('AI')
    }

    It 'returns an empty feed with a problem, not an exception, for <Name>' -ForEach @(
        @{ Name = 'empty input'; Text = '' }
        @{ Name = 'an HTML page'; Text = '<!DOCTYPE html><html><body><p>Not a feed</p></body></html>' }
        @{ Name = 'garbage'; Text = "$([char]0)$([char]1)<<<&&&>>>" }
    ) {
        $feed = [AiNews.Feeds.FeedReader]::Read($Text, $null, $Seoul)
        $feed.Entries.Count | Should -Be 0
        $feed.Format | Should -BeNullOrEmpty
        $feed.Problems.Count | Should -BeGreaterThan 0
    }

    It 'survives absurdly deep nesting, in the XML and in escaped HTML, quickly' {
        $deepXml = '<rss><channel><item><title>deep</title><description>' + ('<x>' * 20000) + 'inner' + ('</x>' * 20000) + '</description></item></channel></rss>'
        $deepHtml = '<rss><channel><item><title>html</title><description>' + ('&lt;div&gt;' * 20000) + 'inner' + ('&lt;/div&gt;' * 20000) + '</description></item></channel></rss>'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $a = [AiNews.Feeds.FeedReader]::Read($deepXml, $null, $Seoul)
        $b = [AiNews.Feeds.FeedReader]::Read($deepHtml, $null, $Seoul)
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $a.Entries[0].Summary | Should -BeExactly 'inner'
        $b.Entries[0].Summary | Should -BeExactly 'inner'
        ($a.Problems -join ' ') | Should -Match 'flattened'
    }

    It 'skips junk and control characters before and inside the document' {
        $bytes = [byte[]]@(0xEF, 0xBB, 0xBF) + [Text.Encoding]::UTF8.GetBytes("`r`n  `n<?xml version=`"1.0`"?><rss><channel><title>A$([char]0x0F)B</title><item><title>x$([char]1)y</title></item></channel></rss>")
        $feed = [AiNews.Feeds.FeedReader]::Read($bytes, $null, $null, $Seoul)
        $feed.Title | Should -BeExactly 'AB'
        $feed.Entries[0].Title | Should -BeExactly 'xy'
    }
}

Describe 'FeedReader on real captures' {
    It 'repairs the double-encoded UTF-8 of The Verge' -Skip:(-not $HasShared) {
        $path = Join-Path $SharedRoot 'corpus/feeds/theverge/AtomTheVerge.xml'
        $feed = [AiNews.Feeds.FeedReader]::Read([IO.File]::ReadAllBytes($path), [Uri]'https://www.theverge.com/rss/index.xml', $null, $NewYork)
        $feed.Entries.Count | Should -Be 10
        foreach ($e in $feed.Entries) {
            $e.Title | Should -Not -BeNullOrEmpty
            $e.Link | Should -Match '^https?://'
            $e.Published | Should -Not -BeNullOrEmpty
            "$($e.Title)`n$($e.Content)" | Should -Not -Match $Mojibake
        }
        ($feed.Entries.Content -join ' ') | Should -Match ([char]0x2019)
        ($feed.Entries[0].Content -split "`n`n").Count | Should -BeGreaterThan 2
    }

    It 'reads a feed with a BOM and a raw control character' -Skip:(-not $HasShared) {
        $path = Join-Path $SharedRoot 'corpus/feeds/feedreader-misc/AtomSpecialCharacters.xml'
        $feed = [AiNews.Feeds.FeedReader]::Read([IO.File]::ReadAllBytes($path), $null, $null, $Seoul)
        $feed.Title | Should -Not -BeNullOrEmpty
        $feed.Entries.Count | Should -BeGreaterThan 0
        foreach ($e in $feed.Entries) {
            # The capture's own text is full of U+FFFD (it quotes undecodable bytes); only the raw 0x0F must be gone.
            "$($e.Title)$($e.Summary)$($e.Content)" | Should -Not -Match '[\x00-\x08\x0B\x0C\x0E-\x1F]'
            # The text around the control character survives: the summary runs on well past it.
            $e.Summary.Length | Should -BeGreaterThan 1000
            ($e.Summary -split "`n`n").Count | Should -BeGreaterThan 3
            $e.Published | Should -Not -BeNullOrEmpty
        }
    }

    It 'keeps nothing of the head, scripts or styles of a real page (whose body is rendered by script, so empty)' -Skip:(-not $HasShared) {
        $bytes = [IO.File]::ReadAllBytes((Join-Path $SharedRoot 'corpus/feeds/theverge/theverge_homepage.html'))
        $html = [AiNews.Text.TextDecoder]::DecodeToString($bytes, 'text/html')
        $html[0] | Should -Not -Be ([char]0xFEFF)   # the BOM is consumed, not left in the text
        $html.TrimStart() | Should -Match '^<!DOCTYPE'
        $html | Should -Match '<script'
        [AiNews.Common.HtmlText]::ToPlainText($html) | Should -BeExactly ''
    }

    It 'reads ISO-8859-1 with its Scandinavian letters intact' -Skip:(-not $HasShared) {
        $path = Join-Path $SharedRoot 'corpus/feeds/feedreader-misc/Rss20ISO88591Intranet30.xml'
        $feed = [AiNews.Feeds.FeedReader]::Read([IO.File]::ReadAllBytes($path), $null, 'application/rss+xml', $Seoul)
        $feed.Entries.Count | Should -Be 30
        $all = ($feed.Entries | ForEach-Object { "$($_.Title) $($_.Author) $($_.Summary)" }) -join "`n"
        $all | Should -Match '[åäöÅÄÖ]'
        $all | Should -Not -Match "$Mojibake|\uFFFD"
        @($feed.Entries | Where-Object { -not $_.Published }).Count | Should -Be 0
    }
}
