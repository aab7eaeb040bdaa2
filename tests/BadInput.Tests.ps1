# Bad input that must neither crash a run nor damage the archive (issue 8): dates out of range, day files that are
# not sound digests, failed writes, a read-only archive, digests that cannot be read. Each case asserts the error id
# the user sees and that every other article still arrives.

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/DigestTestHelpers.ps1"
    $script:Seoul = [AiNews.Common.TimeZoneResolver]::Find('Asia/Seoul')
    function Get-Verbose($Out) { @($Out | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message }
    # The error record a terminating error gives the caller (null when none).
    function Get-TerminatingError([scriptblock] $Script) { try { $null = & $Script; $null } catch { $_ } }
    # Three articles on 2025-12-27 (Seoul) in a fresh archive; returns the day file's path.
    function New-ThreeArticleDay([string] $Root) {
        1..3 | ForEach-Object { New-DayArticle -Title "기존 기사 $_ 번째 제목" -Url "https://example.com/old$_" -Content "본문 $_ 첫 문단.`n`n본문 $_ 둘째 문단." } |
            Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul
        Join-Path $Root '2025/12월/12-27.md'
    }
}

Describe 'Dates out of range' {
    It 'reads <Text> as no date, and says why' -ForEach @(
        @{ Text = 'Mon, 01 Jan 0001 00:00:00 GMT'; Why = '*before 1990*' }
        @{ Text = '1989-12-31T23:59:59Z'; Why = '*before 1990*' }
        @{ Text = '9999-12-31T23:59:59+14:00'; Why = '*more than 2 days ahead*' }
        @{ Text = 'Fri, 31 Dec 9999 23:59:59 -1200'; Why = '*more than 2 days ahead*' }
    ) {
        $value = [DateTimeOffset]::MinValue; $why = $null
        [AiNews.Common.DateParser]::TryParse($Text, $Seoul, [ref]$value, [ref]$why) | Should -BeFalse
        $why | Should -BeLike $Why
        [AiNews.Common.DateParser]::Find("입력 $Text", $Seoul) | Should -BeNullOrEmpty
    }

    It 'keeps the first moment of 1990 and a date a day ahead' {
        [AiNews.Common.DateParser]::Parse('1990-01-01T00:00:00Z', $Seoul) | Should -Be ([DateTimeOffset]::new(1990, 1, 1, 0, 0, 0, [TimeSpan]::Zero))
        $tomorrow = [DateTimeOffset]::UtcNow.AddDays(1)
        [AiNews.Common.DateParser]::Parse($tomorrow.ToString('yyyy-MM-ddTHH:mm:ssZ'), $Seoul) | Should -Not -BeNullOrEmpty
        $constants = [AiNews.Common.DateRange]
        $constants::EarliestYear | Should -Be 1990
        $constants::MaxDaysAhead | Should -Be 2
    }

    It 'treats an article''s out-of-range date as missing however it is set' {
        $a = [AiNews.Article]@{ Title = 't'; Url = 'https://example.com/t'; Published = [DateTimeOffset]::MinValue }
        $a.Published | Should -BeNullOrEmpty
        $a.Published = [DateTimeOffset]::MaxValue
        $a.Published | Should -BeNullOrEmpty
        $a.Published = [DateTimeOffset]::Parse('2025-12-27T10:00:00+09:00')
        $a.Published | Should -Be ([DateTimeOffset]::Parse('2025-12-27T10:00:00+09:00'))
    }

    It 'reads a feed item dated 0001 or 9999 as undated, says so with -Verbose, and archives every item' {
        $feed = Join-Path $TestDrive 'dates.xml'
        $items = @(
            @{ t = 'Zero year item'; d = 'Mon, 01 Jan 0001 00:00:00 GMT' }
            @{ t = 'Far future item'; d = 'Fri, 31 Dec 9999 23:59:59 +1400' }
            @{ t = 'Good item'; d = 'Sat, 27 Dec 2025 10:00:00 +0900' }
        ) | ForEach-Object -Begin { $i = 0 } -Process { $i++; "<item><title>$($_.t)</title><link>https://example.com/d$i</link><pubDate>$($_.d)</pubDate><description>Body $i.</description></item>" }
        Set-Content -Path $feed -Encoding utf8 -Value "<?xml version=`"1.0`" encoding=`"utf-8`"?><rss version=`"2.0`"><channel><title>T</title><link>https://example.com/</link>$($items -join '')</channel></rss>"
        $out = Get-AiArticle -Path $feed -SkipContent -TimeZone Asia/Seoul -Verbose 4>&1
        $articles = @($out | Where-Object { $_ -is [AiNews.Article] })
        $articles.Count | Should -Be 3
        ($articles | Where-Object Title -eq 'Zero year item').Published | Should -BeNullOrEmpty
        ($articles | Where-Object Title -eq 'Far future item').Published | Should -BeNullOrEmpty
        ($articles | Where-Object Title -eq 'Good item').Published | Should -Be ([DateTimeOffset]::Parse('2025-12-27T10:00:00+09:00'))
        @((Get-Verbose $out) -like '*Mon, 01 Jan 0001*treated as missing*before 1990*').Count | Should -Be 1
        @((Get-Verbose $out) -like '*9999*treated as missing*ahead*').Count | Should -Be 1

        $root = Join-Path $TestDrive 'dates-archive'
        $articles | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        @(ConvertFrom-AiDigest -ArchivePath $root -TimeZone Asia/Seoul).Title | Sort-Object | Should -Be @('Far future item', 'Good item', 'Zero year item')
    }

    It 'takes the next date of a page when its first one is out of range' {
        $page = Join-Path $TestDrive 'page-dates.html'
        Set-Content -Path $page -Encoding utf8 -Value ('<html><head><title>Page title for dates</title><meta property="article:published_time" content="0001-01-01T00:00:00Z">' +
            '<meta name="pubdate" content="2025-12-27T10:00:00+09:00"></head><body><article><h1>Page title for dates</h1>' +
            ('<p>A paragraph of body text that is long enough to be the content of the article, with commas, and more words.</p>' * 5) + '</article></body></html>')
        (Get-AiArticle -Path $page -TimeZone Asia/Seoul).Published | Should -Be ([DateTimeOffset]::Parse('2025-12-27T10:00:00+09:00'))
    }

    It 'reads a page whose only date is out of range as undated, and says so with -Verbose' {
        $page = Join-Path $TestDrive 'page-0001.html'
        Set-Content -Path $page -Encoding utf8 -Value ('<html><head><title>Page dated year one</title><meta property="article:published_time" content="0001-01-01T00:00:00Z">' +
            '</head><body><article><h1>Page dated year one</h1>' +
            ('<p>A paragraph of body text that is long enough to be the content of the article, with commas, and more words.</p>' * 5) + '</article></body></html>')
        $out = Get-AiArticle -Path $page -TimeZone Asia/Seoul -Verbose 4>&1
        @($out | Where-Object { $_ -is [AiNews.Article] })[0].Published | Should -BeNullOrEmpty
        Get-Verbose $out | Should -Contain "$([Uri]::new($page).AbsoluteUri): The page's date is treated as missing: 0001-01-01 00:00 +00:00 is before 1990."
    }

    It 'archives a batch with an article dated <Name> without an exception, filing it under the run''s day' -ForEach @(
        @{ Name = 'DateTimeOffset.MinValue'; Published = [DateTimeOffset]::MinValue }
        @{ Name = 'DateTimeOffset.MaxValue'; Published = [DateTimeOffset]::MaxValue }
        @{ Name = '0001-01-01 as text'; Published = 'Mon, 01 Jan 0001 00:00:00 GMT' }
    ) {
        $root = Join-Path $TestDrive ([guid]::NewGuid())
        $bad = [pscustomobject]@{ Title = '날짜가 잘못된 기사'; Url = 'https://example.com/bad-date'; Content = 'x'; Published = $Published }
        $good = New-DayArticle -Title '날짜가 맞는 기사' -Url 'https://example.com/good-date'
        $out = $bad, $good | Export-AiDigest -ArchivePath $root -TimeZone Pacific/Kiritimati -Verbose -ErrorVariable errs 4>&1
        $errs | Should -BeNullOrEmpty
        @((Get-Verbose $out) -like "The date of '날짜가 잘못된 기사' is treated as missing*").Count | Should -Be 1
        $back = @(ConvertFrom-AiDigest -ArchivePath $root -TimeZone Pacific/Kiritimati)
        $back.Title | Sort-Object | Should -Be @('날짜가 맞는 기사', '날짜가 잘못된 기사')
        $runDay = [AiNews.Common.TimeZoneResolver]::DayOf([DateTimeOffset]::Now, [AiNews.Common.TimeZoneResolver]::Find('Pacific/Kiritimati'))
        ($back | Where-Object Title -eq '날짜가 잘못된 기사').Published.Date | Should -Be $runDay
    }

    It 'refuses -Date <Date> -TimeZone <Zone> with AiNews.DateOutOfRange, and never titles a digest with it' -ForEach @(
        @{ Date = '9999-12-31'; Zone = 'Pacific/Kiritimati' }, @{ Date = '1989-12-31'; Zone = 'Asia/Seoul' }, @{ Date = '0001-01-01'; Zone = 'Pacific/Kiritimati' }
    ) {
        $good = New-DayArticle -Title '제목 날짜 시험' -Url 'https://example.com/title-date'
        $script:text = $null
        $err = Get-TerminatingError { $script:text = $good | Export-AiDigest -Date $Date -TimeZone $Zone }
        $err.FullyQualifiedErrorId | Should -BeLike 'AiNews.DateOutOfRange,*'
        $err.Exception.Message | Should -BeLike "*-Date $Date*"
        $script:text | Should -BeNullOrEmpty
        # The last day allowed works, and is the title.
        $last = [AiNews.Common.TimeZoneResolver]::DayOf([DateTimeOffset]::Now, [AiNews.Common.TimeZoneResolver]::Find($Zone)).AddDays(2)
        $good | Export-AiDigest -Date $last -TimeZone $Zone | Should -BeLike "# 🤖 AI 뉴스 - $($last.ToString('yyyy년 MM월 dd일'))*"

    }

    It 'computes days at the ends of DateTimeOffset in any zone without overflowing' {
        foreach ($zone in 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Seoul', 'UTC') {
            $z = [AiNews.Common.TimeZoneResolver]::Find($zone)
            [AiNews.Common.TimeZoneResolver]::DayOf([DateTimeOffset]::MinValue, $z) | Should -Be ([DateTime]::MinValue.Date)
            [AiNews.Common.TimeZoneResolver]::DayOf([DateTimeOffset]::MaxValue, $z) | Should -Be ([DateTime]::MaxValue.Date)
            [AiNews.Common.TimeZoneResolver]::StartOfDay([DateTime]::MinValue, $z) | Should -BeOfType [DateTimeOffset]
            [AiNews.Common.TimeZoneResolver]::StartOfDay([DateTime]::MaxValue, $z) | Should -BeOfType [DateTimeOffset]
        }
        [AiNews.Common.TimeZoneResolver]::AddDays([DateTime]::MinValue, -366) | Should -Be ([DateTime]::MinValue)
        [AiNews.Common.TimeZoneResolver]::AddDays([DateTime]::MaxValue, 1) | Should -Be ([DateTime]::MaxValue.Date)
        [AiNews.Common.TimeZoneResolver]::AddDays([DateTime]'2025-12-27', -7) | Should -Be ([DateTime]'2025-12-20')
    }

    It 'writes and reads back articles at the edges of the range, in the zones farthest apart' {
        $first = [DateTimeOffset]::new(1990, 1, 1, 0, 0, 0, [TimeSpan]::Zero)
        $ahead = [DateTimeOffset]::UtcNow.AddDays(1.9)
        foreach ($zone in 'Pacific/Kiritimati', 'Pacific/Pago_Pago') {
            $z = [AiNews.Common.TimeZoneResolver]::Find($zone)
            $root = Join-Path $TestDrive "edges-$($zone -replace '/', '-')"
            $articles = @(
                New-DayArticle -Title '범위의 첫 순간 기사' -Url 'https://example.com/first' -Published $first
                New-DayArticle -Title '이틀 가까이 앞선 기사' -Url 'https://example.com/ahead' -Published $ahead
            )
            $articles | Export-AiDigest -ArchivePath $root -TimeZone $zone -ErrorVariable errs
            $errs | Should -BeNullOrEmpty
            $back = @(ConvertFrom-AiDigest -ArchivePath $root -TimeZone $zone)
            $back.Url | Sort-Object | Should -Be @('https://example.com/ahead', 'https://example.com/first')
            ($back | Where-Object Url -eq 'https://example.com/first').Published.Date | Should -Be ([AiNews.Common.TimeZoneResolver]::DayOf($first, $z))
            ($back | Where-Object Url -eq 'https://example.com/ahead').Published.Date | Should -Be ([AiNews.Common.TimeZoneResolver]::DayOf($ahead, $z))
        }
    }

    It 'reads a digest whose date line says 0001-01-01 as undated, with a warning' {
        $md = New-DayArticle -Title '옛 날짜 줄' -Url 'https://example.com/old-line' | Export-AiDigest -TimeZone Asia/Seoul
        $md = $md -replace '📅 \*\*2025-12-27\*\*', '📅 **0001-01-01**'
        $a = $md | ConvertFrom-AiDigest -TimeZone Pacific/Kiritimati -WarningVariable warns -WarningAction SilentlyContinue
        $a.Url | Should -Be 'https://example.com/old-line'
        $a.Published | Should -BeNullOrEmpty
        "$warns" | Should -BeLike '*treated as missing*before 1990*'
    }
}

Describe 'A day file that is not a sound digest' {
    BeforeEach {
        $script:Root = Join-Path $TestDrive ([guid]::NewGuid())
        $script:Day = New-ThreeArticleDay $Root
        $script:Others = @(
            New-DayArticle -Title '같은 날 새 기사' -Url 'https://example.com/new-same-day'
            New-DayArticle -Title '다른 날의 새 기사' -Url 'https://example.com/new-other-day' -Published '2025-12-29T10:00:00+09:00'
        )
    }

    It 'is left as it is and reported when <Case>, and other days still get their articles' -ForEach @(
        @{ Case = 'it is cut off inside <details>'; Damage = { param($t) $t.Substring(0, $t.IndexOf('본문 2 첫 문단') + 4) } }
        @{ Case = 'its sections have ## headings'; Damage = { param($t) $t -replace '(?m)^### ', '## ' } }
        @{ Case = 'its sections have #### headings'; Damage = { param($t) $t -replace '(?m)^### ', '#### ' } }
        @{ Case = 'a section lost its link line'; Damage = { param($t) $t -replace '(?m)^🔗 \[원문 보기\]\(https://example.com/old2\)\n', '' } }
    ) {
        $damaged = & $Damage ([IO.File]::ReadAllText($Day))
        [IO.File]::WriteAllText($Day, $damaged, [Text.UTF8Encoding]::new($false))
        $before = [IO.File]::ReadAllBytes($Day)
        $all = @(1..3 | ForEach-Object { New-DayArticle -Title "기존 기사 $_ 번째 제목" -Url "https://example.com/old$_" }) + $Others
        $all | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -ErrorVariable errs -ErrorAction SilentlyContinue
        @($errs).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.ArchiveFileMalformed,*'
        $errs[0].TargetObject | Should -Be $Day
        [IO.File]::ReadAllBytes($Day) | Should -Be $before
        $other = @(ConvertFrom-AiDigest (Join-Path $Root '2025/12월/12-29.md'))
        $other.Title | Should -Be '다른 날의 새 기사'
        # No article of the damaged day is filed again anywhere else.
        @(Get-ChildItem $Root -Recurse -Filter '??-??.md' | Where-Object FullName -ne $Day | ForEach-Object { ConvertFrom-AiDigest $_.FullName }).Url |
            Should -Be @('https://example.com/new-other-day')
    }

    It 'gets its articles and keeps its page when Markdown cannot render it, and the run goes on' {
        # Edited by hand: brackets and quotes nested deeper than Markdig renders (it reads the file, but will not make HTML of it).
        $text = [IO.File]::ReadAllText($Day)
        $at = $text.IndexOf('본문 2 첫 문단')
        [IO.File]::WriteAllText($Day, $text.Insert($at, ('[' * 3000) + ('>' * 3000) + ' '), [Text.UTF8Encoding]::new($false))
        $page = [IO.Path]::ChangeExtension($Day, '.html')
        Set-Content $page '<p>the page as it was</p>'
        $Others | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -Format Markdown, Html -ErrorVariable errs -ErrorAction SilentlyContinue
        @($errs).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.PageNotRendered,*'
        $errs[0].TargetObject | Should -Be $Day
        $errs[0].Exception.Message | Should -BeLike '*nested*run again*'
        (ConvertFrom-AiDigest $Day).Url | Should -Contain 'https://example.com/new-same-day'
        Get-Content $page -Raw | Should -Match 'the page as it was'
        $other = Join-Path $Root '2025/12월/12-29.md'
        (ConvertFrom-AiDigest $other).Title | Should -Be '다른 날의 새 기사'
        Test-Path ([IO.Path]::ChangeExtension($other, '.html')) | Should -BeTrue
        Get-Content (Join-Path $Root 'index.html') -Raw | Should -Match '2025-12-29'
        # Without a page to keep, index.html links the day file itself: no broken link.
        Remove-Item $page
        New-DayArticle -Title '또 다른 새 기사' -Url 'https://example.com/new-again' | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -Format Markdown, Html -ErrorAction SilentlyContinue
        Test-Path $page | Should -BeFalse
        $index = Get-Content (Join-Path $Root 'index.html') -Raw
        $index | Should -Match 'href="2025/12%EC%9B%94/12-27\.md"'
        $index | Should -Not -Match '12-27\.html'
    }

    It 'is left byte for byte and reported when it was re-saved as CP949' {
        $cp949 = [AiNews.Text.TextDecoder]::Cp949
        $bytes = $cp949.GetBytes([IO.File]::ReadAllText($Day))
        [IO.File]::WriteAllBytes($Day, $bytes)
        $Others | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.ArchiveFileMalformed,*'
        $errs[0].Exception.Message | Should -BeLike '*not UTF-8*'
        [IO.File]::ReadAllBytes($Day) | Should -Be $bytes
        (ConvertFrom-AiDigest (Join-Path $Root '2025/12월/12-29.md')).Title | Should -Be '다른 날의 새 기사'
        [IO.File]::ReadAllText((Join-Path $Root '2025/12월/README.md')) | Should -Not -Match ([char]0xFFFD)
    }

    It 'still keeps its articles from being filed again on a later day' {
        [IO.File]::WriteAllText($Day, ([IO.File]::ReadAllText($Day) -replace '(?m)^### ', '## '))
        $later = New-DayArticle -Title '기존 기사 1 번째 제목' -Url 'https://example.com/old1?utm_source=rss' -Published '2025-12-28T10:00:00+09:00'
        $out = $later | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -Verbose -ErrorVariable errs -ErrorAction SilentlyContinue 4>&1
        @((Get-Verbose $out) -like 'Skipped*already in the archive in 2025/12월/12-27.md*').Count | Should -Be 1
        Test-Path (Join-Path $Root '2025/12월/12-28.md') | Should -BeFalse
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.ArchiveFileMalformed,*'
    }
}

Describe 'Indexes after a failed write' {
    It 'lists in README.md and index.html only the day files that were written' {
        $root = Join-Path $TestDrive 'failed-write'
        # A folder where the new day file must go: the write fails for root too, like a full disk.
        $blocked = Join-Path $root '2025/12월/12-28.md'
        New-Item -ItemType Directory $blocked -Force | Out-Null
        $articles = @(
            New-DayArticle -Title '쓰기에 실패할 날의 기사' -Url 'https://example.com/blocked' -Published '2025-12-28T10:00:00+09:00'
            New-DayArticle -Title '쓰기에 성공할 날의 기사' -Url 'https://example.com/written' -Published '2025-12-29T10:00:00+09:00'
        )
        $articles | Export-AiDigest -ArchivePath $root -Format Markdown, Html -TimeZone Asia/Seoul -ErrorVariable errs -ErrorAction SilentlyContinue
        @($errs).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.WriteFailed,*'
        $errs[0].TargetObject | Should -Be $blocked
        $errs[0].Exception.Message | Should -BeLike '*a folder has that name; rename or remove it*'
        (ConvertFrom-AiDigest (Join-Path $root '2025/12월/12-29.md')).Title | Should -Be '쓰기에 성공할 날의 기사'
        $readme = [IO.File]::ReadAllText((Join-Path $root '2025/12월/README.md'))
        @([regex]::Matches($readme, '쓰기에 성공할 날의 기사')).Count | Should -Be 1
        $readme | Should -Not -Match '쓰기에 실패할 날의 기사'
        $readme | Should -Not -Match '12-28'
        $index = [IO.File]::ReadAllText((Join-Path $root 'index.html'))
        @([regex]::Matches($index, '2025-12-29')).Count | Should -Be 1
        $index | Should -Not -Match '2025-12-28'
        Test-Path (Join-Path $root '2025/12월/12-28.html') | Should -BeFalse

        # Once the way is clear, the next run files the article and its indexes.
        Remove-Item $blocked
        $articles | Export-AiDigest -ArchivePath $root -Format Markdown, Html -TimeZone Asia/Seoul
        $readme = [IO.File]::ReadAllText((Join-Path $root '2025/12월/README.md'))
        @([regex]::Matches($readme, '쓰기에 실패할 날의 기사')).Count | Should -Be 1
        @([regex]::Matches($readme, '쓰기에 성공할 날의 기사')).Count | Should -Be 1
        @([regex]::Matches([IO.File]::ReadAllText((Join-Path $root 'index.html')), '2025-12-2[89]')).Count | Should -Be 2
    }
}

Describe 'An archive that cannot be written' {
    It 'reports AiNews.ArchiveNotWritable at once when the lock cannot be created' -Skip:([Environment]::OSVersion.Platform -eq 'Win32NT') {
        $root = Join-Path $TestDrive 'no-lock'
        New-Item -ItemType Directory $root | Out-Null
        # The lock's path leads nowhere (a link into a missing folder): it cannot be created, by root either.
        New-Item -ItemType SymbolicLink -Path (Join-Path $root '.ainews.lock') -Target (Join-Path $TestDrive 'missing-folder/lock') | Out-Null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = Get-TerminatingError { New-DayArticle -Title '못 쓰는 아카이브의 기사' -Url 'https://example.com/ro' | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $err.FullyQualifiedErrorId | Should -BeLike 'AiNews.ArchiveNotWritable,*'
        $err.Exception.Message | Should -BeLike '*must be writable*'
        @(Get-ChildItem $root -Recurse -File).Count | Should -Be 0
    }

    It 'reports AiNews.ArchiveNotWritable at once for a read-only folder' -Skip:([Environment]::OSVersion.Platform -eq 'Win32NT' -or (id -u) -eq '0') {
        $root = Join-Path $TestDrive 'read-only'
        New-Item -ItemType Directory $root | Out-Null
        chmod 555 $root
        try {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $err = Get-TerminatingError { New-DayArticle -Title '읽기 전용 아카이브의 기사' -Url 'https://example.com/ro2' | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul }
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $err.FullyQualifiedErrorId | Should -BeLike 'AiNews.ArchiveNotWritable,*'
        }
        finally { chmod 755 $root }
    }

    It 'still waits for, and then names, a lock another job holds' {
        $root = Join-Path $TestDrive 'held'
        New-Item -ItemType Directory $root | Out-Null
        $lock = [AiNews.Digest.Archive.ArchiveLock]::Acquire($root, [TimeSpan]::FromSeconds(1), [Threading.CancellationToken]::None)
        try {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $err = Get-TerminatingError { New-DayArticle -Title '잠긴 기사' -Url 'https://example.com/held' | Export-AiDigest -ArchivePath $root -LockTimeout 1 }
            $err.FullyQualifiedErrorId | Should -BeLike 'AiNews.ArchiveLocked,*' -Because "$($err.Exception.Message)"
            $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.9
        }
        finally { $lock.Dispose() }
    }
}

Describe 'ConvertFrom-AiDigest with a bad file among good ones' {
    BeforeAll {
        $script:A = Join-Path $TestDrive 'a.md'
        $script:C = Join-Path $TestDrive 'c.md'
        New-DayArticle -Title '첫 파일의 기사' -Url 'https://example.com/a' | Export-AiDigest -Path $A -TimeZone Asia/Seoul
        New-DayArticle -Title '셋째 파일의 기사' -Url 'https://example.com/c' | Export-AiDigest -Path $C -TimeZone Asia/Seoul
    }

    It 'reports bad.md with <Id> when it is <Case>, and returns the articles of a.md and c.md' -ForEach @(
        @{ Case = 'nested too deeply for Markdown'; Id = 'AiNews.DigestMalformed'
            Bytes = { [Text.Encoding]::UTF8.GetBytes("# 🤖 AI 뉴스 - 2025년 12월 27일`n`n### 깊은 기사`n`n" + ('> ' * 20000) + "x`n") } }
        @{ Case = 'written with ## headings'; Id = 'AiNews.DigestMalformed'
            Bytes = { [Text.Encoding]::UTF8.GetBytes(([IO.File]::ReadAllText($A) -replace '(?m)^### ', '## ')) } }
        @{ Case = 'saved as CP949'; Id = 'AiNews.DigestUnreadable'
            Bytes = { [AiNews.Text.TextDecoder]::Cp949.GetBytes([IO.File]::ReadAllText($A)) } }
    ) {
        $bad = Join-Path $TestDrive 'bad.md'
        [IO.File]::WriteAllBytes($bad, (& $Bytes))
        $out = ConvertFrom-AiDigest -Path $A, $bad, $C -ErrorVariable errs -ErrorAction SilentlyContinue
        @($out).Url | Should -Be @('https://example.com/a', 'https://example.com/c')
        @($errs).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $errs[0].TargetObject | Should -Be $bad
    }

    It 'reports a section without its link line as AiNews.DigestMalformed and reads the other sections' {
        $md = @(
            New-DayArticle -Title '링크가 있는 기사' -Url 'https://example.com/with-link'
            New-DayArticle -Title '링크가 없는 기사' -Url 'https://example.com/without-link'
        ) | Export-AiDigest -TimeZone Asia/Seoul
        $md = $md -replace '(?m)^🔗 \[원문 보기\]\(https://example.com/without-link\)\n', ''
        $out = $md | ConvertFrom-AiDigest -ErrorVariable errs -ErrorAction SilentlyContinue
        @($out).Url | Should -Be @('https://example.com/with-link')
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.DigestMalformed,*'
        $errs[0].Exception.Message | Should -BeLike "*'링크가 없는 기사' has no link line*"
    }
}
