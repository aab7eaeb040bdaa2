BeforeDiscovery {
    . "$PSScriptRoot/SharedCorpus.ps1"
    $script:TrickySlugs = @(
        @{ Title = 'Hello, World!'; Id = 'hello-world' }
        @{ Title = 'GPT-4o: 무엇이 달라졌나?'; Id = 'gpt-4o-무엇이-달라졌나' }
        @{ Title = '[AI웹툰] 사랑하면그사람이된다 : 6화'; Id = 'ai웹툰-사랑하면그사람이된다--6화' }
        @{ Title = '공개되고 안전한 AI라는 약속 – 오픈AI의 변화'; Id = '공개되고-안전한-ai라는-약속--오픈ai의-변화' }
        @{ Title = 'IPO  논의 중'; Id = 'ipo--논의-중' }
        @{ Title = '🤖 로봇 뉴스'; Id = '-로봇-뉴스' }
        @{ Title = 'C# & F#'; Id = 'c--f' }
        @{ Title = 'Ünïcödé Ça Marche'; Id = 'ünïcödé-ça-marche' }
        @{ Title = '日本語のタイトル「テスト」'; Id = '日本語のタイトルテスト' }
        @{ Title = '⑤ 미래 주력산업 - 배터리·AI·방산'; Id = '-미래-주력산업---배터리ai방산' }
        @{ Title = 'Ⅻ장 Ⓐ안'; Id = 'ⅻ장-ⓐ안' }
        @{ Title = "No-break${([char]0xA0)}space"; Id = 'no-breakspace' }
        @{ Title = 'snake_case and kebab-case'; Id = 'snake_case-and-kebab-case' }
        @{ Title = 'Ελληνικά Νέα'; Id = 'ελληνικά-νέα' }
        @{ Title = '100% 성장…“놀라운” 결과'; Id = '100-성장놀라운-결과' }
        @{ Title = 'हिन्दी शीर्षक'; Id = 'हिन्दी-शीर्षक' }
        @{ Title = "Tab`there"; Id = 'tabhere' }
    )
}

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/DigestTestHelpers.ps1"
    $script:Samples = Get-Content (Join-Path $FixturesRoot 'sample-articles.json') -Raw -Encoding utf8 | ConvertFrom-Json
    function New-TestArticle {
        param([string] $Title = 'A title', [string] $Url = 'https://example.com/a', [string] $Content = 'Body.', [string] $Summary = 'Summary.',
              [string] $Organization = '기타', [string] $Source = 'Example', [string[]] $Tags = @('LLM'), [string] $Published = '2025-12-27T10:00:00+09:00')
        [pscustomobject]@{ Title = $Title; Url = $Url; Content = $Content; Summary = $Summary; Organization = $Organization
            Source = $Source; Tags = $Tags; Published = [DateTimeOffset]::Parse($Published) }
    }
}

Describe 'Heading ids (GitHub algorithm)' {
    It 'gives <Title> the id <Id>' -ForEach $TrickySlugs {
        [AiNews.Digest.HeadingSlugger]::BaseSlug($Title) | Should -BeExactly $Id
    }

    It 'suffixes repeated ids in order of appearance, like github-slugger' {
        $slugger = [AiNews.Digest.HeadingSlugger]::new()
        @('같은 제목', '같은 제목', '같은 제목', 'a', 'a', 'a-1', 'a') | ForEach-Object { $slugger.Slug($_) } |
            Should -Be @('같은-제목', '같은-제목-1', '같은-제목-2', 'a', 'a-1', 'a-1-1', 'a-2')
    }

    It 'links every table-of-contents entry to its heading, with repeated titles and titles equal to the page headings' {
        $articles = @(
            New-TestArticle -Title '같은 제목' -Url 'https://example.com/1'
            New-TestArticle -Title '같은 제목' -Url 'https://example.com/2'
            New-TestArticle -Title '📑 목차' -Url 'https://example.com/3'
            New-TestArticle -Title ('아주 긴 제목 ' * 12) -Url 'https://example.com/4'
        )
        $md = $articles | Export-AiDigest -Date 2025-12-27 -TimeZone Asia/Seoul
        $report = Get-DigestLinkReport $md
        $report.Links | Should -Be 4
        $report.Broken | Should -BeNullOrEmpty
        $md | Should -Match '\(#같은-제목-1\)'
        $md | Should -Match '\(#-목차-1\)'
    }

    It 'shortens long titles in the table of contents to 60 characters but links the full heading' {
        $title = 'A' * 40 + ' ' + 'B' * 40
        $md = New-TestArticle -Title $title | Export-AiDigest -Date 2025-12-27
        $md | Should -Match ([regex]::Escape("1. [$($title.Substring(0, 60))...](#$($title.ToLowerInvariant().Replace(' ', '-')))"))
        $md | Should -Match ([regex]::Escape("### $title"))
    }
}

Describe 'The reference digest' {
    It 'is reproduced byte for byte from its own articles, except the two anchors it got wrong' -Skip:(-not $HasShared) {
        $reference = Join-Path $SharedRoot 'reference/digest-2025-12-27.md'
        $articles = @(ConvertFrom-AiDigest -Path $reference -TimeZone Asia/Seoul)
        $articles.Count | Should -Be 5
        $ours = $articles | Export-AiDigest -TimeZone Asia/Seoul
        $theirs = [IO.File]::ReadAllText($reference)

        $ourLines = $ours -split "`n"; $theirLines = $theirs -split "`n"
        $ourLines.Count | Should -Be $theirLines.Count
        $different = @(0..($ourLines.Count - 1) | Where-Object { $ourLines[$_] -cne $theirLines[$_] })
        $different | Should -Be @(6, 7)
        $ourLines[6] | Should -BeLikeExactly '*(#ai의-역사-98-인류를-위한-공개되고-안전한-ai라는-약속--오픈ai의-변화와-쿠테타-과정)'
        $ourLines[7] | Should -BeLikeExactly '*(#ai웹툰-사랑하면그사람이된다--6화)'
        (Get-DigestLinkReport $theirs).Broken.Count | Should -Be 2
        (Get-DigestLinkReport $ours).Broken | Should -BeNullOrEmpty
    }

    It 'is read into articles with every field' -Skip:(-not $HasShared) {
        $a = ConvertFrom-AiDigest -Path (Join-Path $SharedRoot 'reference/digest-2025-12-27.md') -TimeZone Asia/Seoul | Select-Object -First 1
        $a | Should -BeOfType ([AiNews.Article])
        $a.PSObject.TypeNames[0] | Should -Be 'AiNews.Article'
        $a.Title | Should -BeLikeExactly '`[신년사`] 모티프*'
        $a.Published | Should -Be ([DateTimeOffset]::new(2025, 12, 27, 0, 0, 0, [TimeSpan]::FromHours(9)))
        $a.Importance | Should -Be '일반'
        $a.Source | Should -Be 'AI타임스'
        $a.Tags | Should -Be @('LLM', '이미지 생성', '추론 AI')
        $a.Url | Should -Be 'https://www.aitimes.com/news/articleView.html?idxno=205121'
        $a.Content | Should -BeLikeExactly '(사진=모티프테크놀로지스)*지...'
        $a.Language | Should -Be 'ko'
    }
}

Describe 'The archive round trip' -Skip:(-not $HasShared) {
    BeforeAll {
        $script:DayFiles = @(Get-ChildItem (Join-Path $SharedRoot 'corpus/seed-archive') -Recurse -Filter '*.md' |
            Where-Object Name -Match '^\d\d-\d\d\.md$' | Sort-Object FullName)
        $script:Parsed = @{}
        foreach ($f in $DayFiles) { $Parsed[$f.FullName] = @(ConvertFrom-AiDigest -LiteralPath $f.FullName -TimeZone Asia/Seoul) }
    }

    It 'reads all 994 articles of the 48 daily files, each with every field' {
        $DayFiles.Count | Should -Be 48
        $all = @($Parsed.Values | ForEach-Object { $_ })
        $all.Count | Should -Be 994
        foreach ($field in 'Title', 'Url', 'Published', 'Importance', 'Organization', 'Source', 'Summary', 'Content') {
            @($all | Where-Object { -not $_.$field }).Count | Should -Be 0 -Because "every article has a $field"
        }
        @($all | Where-Object { $_.Tags.Count -eq 0 }).Count | Should -Be 0
        # Each article's day is its file's day.
        foreach ($f in $DayFiles) {
            @($Parsed[$f.FullName] | Where-Object { $_.Published.ToString('MM-dd') -ne $f.BaseName }).Count | Should -Be 0
        }
    }

    It 'exports and re-reads every day to the same articles, with no broken table-of-contents link' {
        $broken = 0; $ourBroken = 0; $mismatch = [Collections.Generic.List[string]]::new()
        foreach ($f in $DayFiles) {
            $first = $Parsed[$f.FullName]
            $md = $first | Export-AiDigest -TimeZone Asia/Seoul
            $second = @($md | ConvertFrom-AiDigest -TimeZone Asia/Seoul)
            $a = @($first | ConvertTo-ComparableArticle); $b = @($second | ConvertTo-ComparableArticle)
            if ($a.Count -ne $b.Count) { $mismatch.Add("$($f.Name): $($a.Count) vs $($b.Count) articles") }
            for ($i = 0; $i -lt [Math]::Min($a.Count, $b.Count); $i++) { if ($a[$i] -cne $b[$i]) { $mismatch.Add("$($f.Name) #$i") } }
            $broken += (Get-DigestLinkReport ([IO.File]::ReadAllText($f.FullName))).Broken.Count
            $ourBroken += (Get-DigestLinkReport $md).Broken.Count
        }
        $mismatch | Should -BeNullOrEmpty
        # The old system slugged the raw title: entities such as &#8217; left undecoded, no-break spaces
        # and circled numbers kept. Rendered the way GitHub does, 71 of its 994 links miss their heading
        # (this also shows that the checker finds broken links).
        $broken | Should -Be 71
        $ourBroken | Should -Be 0
    }
}

Describe 'Untrusted text cannot change the digest' {
    BeforeAll {
        $script:Hostile = @(
            New-TestArticle -Url 'https://example.com/h1' -Title '*bold* _it_ [link](javascript:alert(1)) `code` <img src=x onerror=alert(1)> </details> C#' `
                -Organization 'Evil | Corp' -Source 'A|B' -Tags @('a, b', 'c|d', '**x**') `
                -Summary "=== `n## not a heading`n- not a list`n<script>alert(1)</script>`n`n1. not a list" `
                -Content (@('# Heading', '1. item', '- item', '+ item', '* item', '> quote', '</details>', '<script>alert(1)</script>',
                    '---', '===', '| a | b |', '|---|---|', '```', 'code', '```', '[x]: http://evil.example', '![img](http://evil.example/y.png)',
                    '***', 'ends with a backslash \', 'literal &amp; and &lt;', '~~strike~~ and **strong** and __under__',
                    '<!-- comment', '    indented code', '[ref]', '<http://autolink.example>', '<details><summary>x</summary>',
                    '2) second', 'text [a](b) text') -join "`n")
            New-TestArticle -Url 'https://example.com/h2' -Title '1. Not a list' -Content "<div>`n`nplain" -Summary '> not a quote'
            New-TestArticle -Url 'https://example.com/h3' -Title '# Not a heading either ##' -Content "line`n===" -Summary 'x'
        )
        $script:Md = $Hostile | Export-AiDigest -Date 2025-12-27 -TimeZone Asia/Seoul
        $script:Html = [AiNews.Digest.MarkdownPipelines]::ToHtml($Md)
    }

    It 'keeps the structure: one title, one list, one section per article' {
        ([regex]::Matches($Html, '<h1')).Count | Should -Be 1
        ([regex]::Matches($Html, '<h2')).Count | Should -Be 1
        ([regex]::Matches($Html, '<h3')).Count | Should -Be 3
        ([regex]::Matches($Html, '<h[4-6]')).Count | Should -Be 0
        ([regex]::Matches($Html, '<ol')).Count | Should -Be 1
        ([regex]::Matches($Html, '<li')).Count | Should -Be 3
        ([regex]::Matches($Html, '<ul')).Count | Should -Be 0
        ([regex]::Matches($Html, '<blockquote')).Count | Should -Be 3
        ([regex]::Matches($Html, '<details>')).Count | Should -Be 3
        ([regex]::Matches($Html, '</details>')).Count | Should -Be 3
        ([regex]::Matches($Html, '<hr')).Count | Should -Be 4
        ([regex]::Matches($Html, '<(table|pre|code|em|del|img|script)\b')).Count | Should -Be 0
        # Strong: date and importance per article, and the summary label.
        ([regex]::Matches($Html, '<strong>')).Count | Should -Be 9
        # Links: the 3 TOC entries, the 3 source links, and the two bare http URLs of the body that GFM
        # turns into links anyway; the Markdown link and image of the body stay text.
        ([regex]::Matches($Html, '<a ')).Count | Should -Be 8
        $Html | Should -Match '\[a\]\(b\)'
    }

    It 'injects no active markup' {
        $Html | Should -Not -Match '<(script|img|iframe|form|style)\b'
        $Html | Should -Not -Match '<[^>]*\son\w+\s*='
        foreach ($href in [regex]::Matches($Html, 'href="([^"]*)"')) { $href.Groups[1].Value | Should -Match '^(#|https?://)' }
    }

    It 'links every table-of-contents entry to its heading' {
        (Get-DigestLinkReport $Md).Broken | Should -BeNullOrEmpty
    }

    It 'reads back exactly the text that was written' {
        $back = @($Md | ConvertFrom-AiDigest -TimeZone Asia/Seoul)
        $back.Count | Should -Be 3
        for ($i = 0; $i -lt 3; $i++) {
            $back[$i].Title | Should -BeExactly $Hostile[$i].Title
            $back[$i].Summary | Should -BeExactly ([AiNews.Text.TextNormalizer]::Block($Hostile[$i].Summary).Replace("`n`n", "`n"))
            $back[$i].Content | Should -BeExactly ([AiNews.Text.TextNormalizer]::Block($Hostile[$i].Content))
            $back[$i].Organization | Should -BeExactly $Hostile[$i].Organization
            $back[$i].Source | Should -BeExactly $Hostile[$i].Source
            $back[$i].Tags | Should -Be $Hostile[$i].Tags
        }
    }

    It 'refuses a link that is not http or https, and still writes the other articles' {
        $inputs = @(
            New-TestArticle -Title 'Bad link' -Url 'javascript:alert(1)'
            New-TestArticle -Title 'No title' -Url 'https://example.com/n' | ForEach-Object { $_.Title = ' '; $_ }
            New-TestArticle -Title 'Good' -Url 'https://example.com/good'
        )
        $md = $inputs | Export-AiDigest -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 2
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.InvalidArticle,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].Exception.Message | Should -Match 'not an absolute http or https URL'
        $md | Should -Match '### Good'
        $md | Should -Not -Match 'javascript'
    }
}

Describe 'Export-AiDigest' {
    BeforeEach {
        $script:Dir = Join-Path $TestDrive ([guid]::NewGuid())
        New-Item -ItemType Directory $Dir | Out-Null
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $Dir 'digest.md'
        $Samples | Export-AiDigest -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
        @(Get-ChildItem $Dir -Force).Count | Should -Be 0
    }

    It 'writes UTF-8 without BOM, and -PassThru emits the file' {
        $path = Join-Path $Dir 'digest.md'
        $file = $Samples | Export-AiDigest -Path $path -PassThru -Date 2025-12-27
        $file | Should -BeOfType ([IO.FileInfo])
        $file.FullName | Should -Be $path
        $bytes = [IO.File]::ReadAllBytes($path)
        $bytes[0..2] | Should -Not -Be @(0xEF, 0xBB, 0xBF)
        [Text.Encoding]::UTF8.GetString($bytes) | Should -BeLikeExactly '# 🤖 AI 뉴스 - 2025년 12월 27일*'
        @(Get-ChildItem $Dir -Force).Count | Should -Be 1 -Because 'no temporary file is left behind'
        # The file is written section by section; it is exactly the text the cmdlet returns without -Path.
        $text = $Samples | Export-AiDigest -Date 2025-12-27
        [Text.Encoding]::UTF8.GetString($bytes) | Should -BeExactly $text
        $text | Should -Match '---\n$'
    }

    It 'refuses to overwrite without -Force and overwrites with it' {
        $path = Join-Path $Dir 'digest.md'
        Set-Content -Path $path -Value 'keep me'
        $Samples | Export-AiDigest -Path $path -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.FileExists,*'
        (Get-Content $path -Raw).Trim() | Should -Be 'keep me'
        $Samples | Export-AiDigest -Path $path -Force
        Get-Content $path -Raw | Should -Match '누리랩'
    }

    It 'accepts rows of Import-Csv and imported JSON by property name' {
        $csv = Join-Path $Dir 'articles.csv'
        $Samples | Select-Object Title, Url, Published, Source, Organization, Importance, Summary, Content,
            @{ n = 'Tags'; e = { $_.Tags -join ', ' } } | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $back = Import-Csv $csv | Export-AiDigest -TimeZone Asia/Seoul | ConvertFrom-AiDigest -TimeZone Asia/Seoul
        $back.Count | Should -Be 3
        $back[0].Tags | Should -Be @('LLM', '오픈소스')
        $back[0].Importance | Should -Be '주요'
        $back[2].Importance | Should -Be '참고'
        $back[2].Published.ToString('yyyy-MM-dd') | Should -Be '2025-12-26'
    }

    It 'puts each article on its day in -TimeZone' {
        $a = New-TestArticle -Published '2025-12-26T16:30:00Z'   # 01:30 on the 27th in Seoul
        ($a | Export-AiDigest -TimeZone Asia/Seoul) | Should -Match '📅 \*\*2025-12-27\*\*'
        ($a | Export-AiDigest -TimeZone 'America/New_York') | Should -Match '📅 \*\*2025-12-26\*\*'
    }

    It 'cuts bodies after -MaxContentLength characters, and not again when re-exported' {
        $a = New-TestArticle -Content ('가' * 2000)
        $md = $a | Export-AiDigest
        $body = ($md | ConvertFrom-AiDigest).Content
        $body | Should -Be (('가' * 1500) + '...')
        (($md | ConvertFrom-AiDigest | Export-AiDigest) | ConvertFrom-AiDigest).Content | Should -Be $body
        ($a | Export-AiDigest -MaxContentLength 10 | ConvertFrom-AiDigest).Content | Should -Be (('가' * 10) + '...')
        ($a | Export-AiDigest -MaxContentLength 0 | ConvertFrom-AiDigest).Content.Length | Should -Be 2000
    }

    It 'writes an article only once when the same URL comes twice' {
        $md = @((New-TestArticle -Title 'One'), (New-TestArticle -Title 'Two')) | Export-AiDigest -Verbose 4>&1
        ($md | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message | Should -Match 'already in the digest'
        ($md | Where-Object { $_ -is [string] }) | Should -Not -Match '### Two'
    }

    It 'writes an article only once when its URL comes again with tracking parameters, as the archive does' {
        $first = New-TestArticle -Title 'First report' -Url 'https://www.example.com/story/42/'
        $again = New-TestArticle -Title 'Same page again' -Url 'https://example.com/story/42?utm_source=rss&fbclid=x#top'
        $other = New-TestArticle -Title 'Another page' -Url 'https://example.com/story/43'
        $md = @($first, $again, $other) | Export-AiDigest -Verbose 4>&1
        ($md | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message | Should -Match "Skipped 'Same page again'"
        $back = @(($md | Where-Object { $_ -is [string] }) | ConvertFrom-AiDigest)
        $back.Title | Should -Be @('First report', 'Another page')
    }

    It 'says clearly when the time zone is unknown' {
        { $Samples | Export-AiDigest -TimeZone 'Mars/Olympus' -ErrorAction Stop } | Should -Throw '*Mars/Olympus*'
    }
}

Describe 'ConvertFrom-AiDigest' {
    BeforeAll {
        $script:Good = Join-Path $TestDrive 'good.md'
        $Samples | Export-AiDigest -Path $Good -Date 2025-12-27 -TimeZone Asia/Seoul
    }

    It 'reports a missing file and still reads the others' {
        $missing = Join-Path $TestDrive 'missing.md'
        $out = ConvertFrom-AiDigest -Path $missing, $Good -ErrorVariable errs -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 3
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.DigestNotFound,*'
        $errs[0].TargetObject | Should -Be $missing
    }

    It 'reports an unreadable input and still reads the others' {
        $dir = Join-Path $TestDrive 'a-folder.md'
        New-Item -ItemType Directory $dir | Out-Null
        $out = Get-Item $dir, $Good | ConvertFrom-AiDigest -ErrorVariable errs -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 3
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.DigestUnreadable,*'
    }

    It 'reports text that is not a digest' {
        'just some text' | ConvertFrom-AiDigest -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.DigestMalformed,*'
    }

    It 'reads lines piped from Get-Content as one digest' {
        $out = Get-Content $Good | ConvertFrom-AiDigest -TimeZone Asia/Seoul
        @($out).Count | Should -Be 3
        $out[1].Content | Should -Match "spreadsheets\.`n`nThe toolkit"
    }

    It 'binds files from Get-ChildItem' {
        @(Get-ChildItem $Good | ConvertFrom-AiDigest).Count | Should -Be 3
    }
}

Describe 'The source and its policy survive a digest' {
    BeforeAll {
        function New-PolicyArticle([string] $SourceId, [bool] $AllowAi, [int] $Excerpt) {
            $a = [AiNews.Article]@{ Title = 'A policy article'; Url = 'https://example.com/policy'; Content = 'Body text.'; Summary = 'Summary.'
                Source = '가상타임스'; SourceId = $SourceId; Published = [DateTimeOffset]::Parse('2025-12-27T10:00:00+09:00') }
            $a.Policy = [AiNews.SourcePolicy]@{ AllowAiProcessing = $AllowAi; MaxExcerptLength = $Excerpt }
            $a
        }
    }

    It 'reads back SourceId and Policy from a comment that GitHub and browsers do not show' {
        $markdown = New-PolicyArticle 'AiTimes' $false 1500 | Export-AiDigest -TimeZone Asia/Seoul
        $markdown | Should -Match '(?m)^<!-- ainews:source id=AiTimes ai=no excerpt=1500 -->$'
        $back = ConvertFrom-AiDigest -InputObject $markdown -TimeZone Asia/Seoul
        $back.SourceId | Should -Be 'AiTimes'
        $back.Policy.AllowAiProcessing | Should -BeFalse
        $back.Policy.MaxExcerptLength | Should -Be 1500
        $html = New-PolicyArticle 'AiTimes' $false 1500 | Export-AiDigest -TimeZone Asia/Seoul -Format Html
        $html | Should -Not -Match 'ainews:source'
    }

    It 'writes no comment for an article that knows neither, so the old layout stays as it was' {
        $markdown = New-TestArticle | Export-AiDigest -TimeZone Asia/Seoul
        $markdown | Should -Not -Match 'ainews:source'
        (ConvertFrom-AiDigest -InputObject $markdown).SourceId | Should -BeNullOrEmpty
    }

    It 'keeps an id with comment-ending characters inside the comment' {
        $markdown = New-PolicyArticle 'x --> <b>y</b> = z' $true 0 | Export-AiDigest -TimeZone Asia/Seoul
        ([regex]::Matches($markdown, '-->')).Count | Should -Be 3   # the two TOC markers and the one comment
        (ConvertFrom-AiDigest -InputObject $markdown).SourceId | Should -Be 'x --> <b>y</b> = z'
    }

    It 'lets Add-AiSummary keep a read-back article extractive when its source forbids AI, whatever its display name' {
        $markdown = New-PolicyArticle 'NotInAnyCatalog' $false 1500 | Export-AiDigest -TimeZone Asia/Seoul
        # Port 9 (discard) has no server: any request to the endpoint would fail the summary.
        $out = ConvertFrom-AiDigest -InputObject $markdown | Add-AiSummary -Endpoint 'http://127.0.0.1:9/v1' -Model m -Force -Verbose -ErrorVariable errs -WarningVariable warns 4>&1
        $errs | Should -BeNullOrEmpty
        $warns | Should -BeNullOrEmpty
        @($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match 'forbids AI processing' }).Count | Should -Be 1
        @($out | Where-Object { $_ -is [AiNews.Article] })[0].Summary | Should -Not -BeNullOrEmpty
    }
}
