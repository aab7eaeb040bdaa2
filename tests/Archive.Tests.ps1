BeforeDiscovery { . "$PSScriptRoot/SharedCorpus.ps1" }

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/DigestTestHelpers.ps1"
    function Get-Snapshot([string] $Root) {
        Get-ChildItem $Root -Recurse -File | Where-Object Name -ne '.ainews.lock' | Sort-Object FullName |
            ForEach-Object { "$($_.FullName)|$((Get-FileHash $_.FullName).Hash)" }
    }
}

Describe 'Export-AiDigest -ArchivePath' {
    BeforeEach {
        $script:Root = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'files each article under its day, with a monthly index' {
        $articles = @(
            New-DayArticle -Title '첫 번째 기사 제목입니다' -Url 'https://example.com/1' -Published '2025-12-31T23:30:00+09:00'
            New-DayArticle -Title '두 번째 기사 제목입니다' -Url 'https://example.com/2' -Published '2025-12-31T15:30:00Z'   # 00:30 on Jan 1 in Seoul
        )
        $files = $articles | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -PassThru
        $files.Count | Should -Be 4
        $day1 = Join-Path $Root '2025/12월/12-31.md'
        $day2 = Join-Path $Root '2026/01월/01-01.md'
        (ConvertFrom-AiDigest $day1).Title | Should -Be '첫 번째 기사 제목입니다'
        (ConvertFrom-AiDigest $day2).Title | Should -Be '두 번째 기사 제목입니다'
        $index = Get-Content (Join-Path $Root '2026/01월/README.md') -Raw
        $index | Should -Match '# 🤖 AI 뉴스 아카이브 - 2026년 01월'
        $index | Should -Match '총 \*\*1건\*\*'
        $index | Should -Match '\[01-01\.md\]\(\./01-01\.md\)'
        $index | Should -Match '(?m)^- 두 번째 기사 제목입니다$'
    }

    It 'lists the same titles and counts in README.md and index.html whether a day''s articles came in one run or two' {
        # Titles that the Markdown escapes (emphasis, a trailing '#', an entity, a long one cut at 50) must be listed as the day file shows them.
        $articles = @(
            New-DayArticle -Title '첫 보도: *모델* 공개 & [속보] R&amp;D #' -Url 'https://example.com/t1' -Content 'Alpha beta gamma delta.'
            New-DayArticle -Title ('아주 긴 제목이 잘리는지 확인하는 기사 ' * 4) -Url 'https://example.com/t2' -Content 'Epsilon zeta eta theta.'
            New-DayArticle -Title '세 번째 기사 `code` <b>태그</b>' -Url 'https://example.com/t3' -Content 'Iota kappa lambda mu.'
        )
        $once = Join-Path $Root 'once'; $twice = Join-Path $Root 'twice'
        $articles | Export-AiDigest -ArchivePath $once -Format Markdown, Html -TimeZone Asia/Seoul
        $articles[0..1] | Export-AiDigest -ArchivePath $twice -Format Markdown, Html -TimeZone Asia/Seoul
        $articles[2] | Export-AiDigest -ArchivePath $twice -Format Markdown, Html -TimeZone Asia/Seoul
        foreach ($file in '2025/12월/README.md', 'index.html', '2025/12월/12-27.md') {
            [IO.File]::ReadAllText((Join-Path $twice $file)) | Should -BeExactly ([IO.File]::ReadAllText((Join-Path $once $file))) -Because $file
        }
        $readme = [IO.File]::ReadAllText((Join-Path $twice '2025/12월/README.md'))
        $readme | Should -Match '총 \*\*3건\*\*'
        $readme | Should -Match '(?m)^### 📅 12월 27일 \(3건\)$'
        @([regex]::Matches($readme, '(?m)^- (?!\[)')).Count | Should -Be 3
        $cut = $articles[1].Title.Trim().Substring(0, 50) + '...'
        $readme | Should -Match ('(?m)^- ' + [regex]::Escape($cut) + '$')
        [IO.File]::ReadAllText((Join-Path $twice 'index.html')) | Should -Match '📅 2025-12-27 \(3건\)</a>'
    }

    It 'writes nothing the second time the same job runs' {
        $articles = 1..3 | ForEach-Object { New-DayArticle -Title "같은 날의 기사 번호 $_" -Url "https://example.com/a$_" }
        $articles | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul
        $before = Get-Snapshot $Root
        $again = $articles | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -PassThru -Verbose 4>&1
        @($again | Where-Object { $_ -is [IO.FileInfo] }).Count | Should -Be 0
        ($again | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message | Should -Contain 'Nothing to write: the archive already has every article.'
        Get-Snapshot $Root | Should -Be $before
    }

    It 'keeps existing entries byte for byte, appends new ones and rebuilds the table of contents' {
        @(1, 2) | ForEach-Object { New-DayArticle -Title "기존 기사 제목 $_" -Url "https://example.com/old$_" } | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul
        $path = Join-Path $Root '2025/12월/12-27.md'
        $old = [IO.File]::ReadAllText($path)
        New-DayArticle -Title '새로 들어온 기사 제목' -Url 'https://example.com/new' | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul
        $new = [IO.File]::ReadAllText($path)
        $oldSections = $old.Substring($old.IndexOf('<!-- TOC_END -->'))
        $new.Substring($new.IndexOf('<!-- TOC_END -->')).StartsWith($oldSections) | Should -BeTrue
        @(ConvertFrom-AiDigest $path).Title | Should -Be @('기존 기사 제목 1', '기존 기사 제목 2', '새로 들어온 기사 제목')
        $report = Get-DigestLinkReport $new
        $report.Links | Should -Be 3
        $report.Broken | Should -BeNullOrEmpty
    }

    It 'skips an article already filed within the look-back window, however its URL is dressed, and says where' {
        New-DayArticle -Title '원래 기사의 제목입니다' -Url 'https://www.aitimes.com/news/articleView.html?idxno=100' | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul
        $variants = @(
            New-DayArticle -Title '다른 제목 하나 붙은 같은 기사' -Url 'https://m.aitimes.com/news/articleView.html?idxno=100&utm_source=rss#top' -Published '2025-12-29T09:00:00+09:00'
            New-DayArticle -Title '원래 기사의 제목입니다' -Url 'https://syndication.example.net/copy/100' -Published '2025-12-30T09:00:00+09:00'
            New-DayArticle -Title '다른 기사의 제목입니다' -Url 'https://example.com/story/' -Published '2025-12-30T09:00:00+09:00'
            New-DayArticle -Title '다른 기사의 제목, 재전송' -Url 'https://www.example.com/story?fbclid=abc' -Published '2025-12-30T10:00:00+09:00'
        )
        $out = $variants | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -Verbose 4>&1
        $messages = ($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message
        @($messages -like "Skipped*already in the archive in 2025/12월/12-27.md*").Count | Should -Be 2
        @($messages -like "Skipped*this run*").Count | Should -Be 1
        (ConvertFrom-AiDigest -ArchivePath $Root).Url | Should -Be @('https://www.aitimes.com/news/articleView.html?idxno=100', 'https://example.com/story/')
    }

    It 'files the same article again once it is older than -LookbackDays' {
        New-DayArticle -Title '오래된 기사의 제목입니다' -Url 'https://example.com/x' -Published '2025-12-01T09:00:00+09:00' | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul
        New-DayArticle -Title '오래된 기사의 제목입니다' -Url 'https://example.com/x' -Published '2025-12-20T09:00:00+09:00' | Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -LookbackDays 7
        @(ConvertFrom-AiDigest -ArchivePath $Root).Count | Should -Be 2
    }

    It 'files an article without a date under the run''s day and says so' {
        $out = New-DayArticle -Title '날짜가 없는 기사 제목' -Url 'https://example.com/nodate' -Published $null |
            Export-AiDigest -ArchivePath $Root -TimeZone Asia/Seoul -Verbose 4>&1
        ($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -match 'no publication date' | Should -Not -BeNullOrEmpty
        $today = [AiNews.Common.TimeZoneResolver]::DayOf([DateTimeOffset]::Now, [AiNews.Common.TimeZoneResolver]::Find('Asia/Seoul'))
        Test-Path (Join-Path $Root ([AiNews.Digest.Archive.ArchiveLayout]::new($null).RelativePathOf($today))) | Should -BeTrue
    }

    It 'writes nothing with -WhatIf' {
        New-DayArticle -Title '기사 제목 왓이프' -Url 'https://example.com/w' | Export-AiDigest -ArchivePath $Root -WhatIf
        @(Get-ChildItem $Root -Recurse -File -ErrorAction SilentlyContinue | Where-Object Name -ne '.ainews.lock').Count | Should -Be 0
    }

    # Core-only: ForEach-Object -Parallel is PowerShell 7's (the lock itself is the same on 5.1).
    It 'loses no article when several jobs write the same archive at once' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $module = Join-Path $RepoRoot 'AiNews.psd1'
        1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:module
            $job = $_
            1..5 | ForEach-Object {
                [pscustomobject]@{ Title = "동시 작업 $job 의 기사 $_ 번"; Url = "https://example.com/j$job/a$_"; Content = 'x'
                    Published = [DateTimeOffset]::Parse('2025-12-27T10:00:00+09:00') }
            } | Export-AiDigest -ArchivePath $using:Root -TimeZone Asia/Seoul
        }
        $all = @(ConvertFrom-AiDigest -ArchivePath $Root)
        $all.Count | Should -Be 20
        @($all.Url | Sort-Object -Unique).Count | Should -Be 20
        (Get-DigestLinkReport ([IO.File]::ReadAllText((Join-Path $Root '2025/12월/12-27.md')))).Broken | Should -BeNullOrEmpty
    }

    It 'gives a clear error when another job holds the lock too long, and writes nothing' {
        New-Item -ItemType Directory $Root | Out-Null
        $lock = [AiNews.Digest.Archive.ArchiveLock]::Acquire($Root, [TimeSpan]::FromSeconds(1), [Threading.CancellationToken]::None)
        try {
            { New-DayArticle -Title '잠긴 아카이브의 기사' -Url 'https://example.com/l' | Export-AiDigest -ArchivePath $Root -LockTimeout 1 -ErrorAction Stop } |
                Should -Throw '*archive lock*'
        }
        finally { $lock.Dispose() }
        @(Get-ChildItem $Root -Recurse -File | Where-Object Name -ne '.ainews.lock').Count | Should -Be 0
    }

    It 'leaves a day file that is not a digest alone and reports it' {
        $path = Join-Path $Root '2025/12월/12-27.md'
        New-Item -ItemType Directory (Split-Path $path) -Force | Out-Null
        Set-Content -Path $path -Value 'my own notes'
        New-DayArticle -Title '노트가 있는 날의 기사' -Url 'https://example.com/n' |
            Export-AiDigest -ArchivePath $Root -ErrorVariable errs -ErrorAction SilentlyContinue -TimeZone Asia/Seoul
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.ArchiveFileMalformed,*'
        (Get-Content $path -Raw).Trim() | Should -Be 'my own notes'
    }

    It 'supports another layout and rejects one without a day' {
        New-DayArticle -Title '다른 레이아웃의 기사' -Url 'https://example.com/lay' | Export-AiDigest -ArchivePath $Root -Layout '{yyyy}/{MM}/{dd}.md' -TimeZone Asia/Seoul
        Test-Path (Join-Path $Root '2025/12/27.md') | Should -BeTrue
        (ConvertFrom-AiDigest -ArchivePath $Root -Layout '{yyyy}/{MM}/{dd}.md').Title | Should -Be '다른 레이아웃의 기사'
        { New-DayArticle -Title 'x' -Url 'https://example.com/bad' | Export-AiDigest -ArchivePath $Root -Layout '{yyyy}/{MM}.md' -ErrorAction Stop } |
            Should -Throw '*{dd}*'
    }

    It 'files the day''s articles beside a file whose name has digits of another script or a year 0000' {
        $root = Join-Path $TestDrive 'odd-names'
        $folder = New-Item -ItemType Directory (Join-Path $root '2025/12월') -Force
        Set-Content (Join-Path $folder '12-٢٧.md') 'notes'          # Arabic-Indic digits: no day of the layout
        New-Item -ItemType Directory (Join-Path $root '0000/01월') -Force | Out-Null
        Set-Content (Join-Path $root '0000/01월/01-01.md') 'notes'     # no such year
        New-DayArticle -Title '이상한 이름 옆의 기사' -Url 'https://example.com/odd' | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul -ErrorAction Stop
        (ConvertFrom-AiDigest -Path (Join-Path $folder '12-27.md')).Title | Should -Be '이상한 이름 옆의 기사'
        Get-Content (Join-Path $folder '12-٢٧.md') | Should -Be 'notes'
    }

    It 'reads a day from a path as the regular expression of its layout would, for each layout' {
        # The oracle: the pattern turned into a regular expression (the layout's own parser until it matched by hand), with
        # ASCII digits, the last capture of a repeated token winning, and the day checked against the calendar.
        $oracle = {
            param([string] $Pattern, [string] $Path)
            $regex = '^' + (([regex]::Split($Pattern, '(\{(?:yyyy|MM|dd|M|d)\})') | ForEach-Object {
                switch -CaseSensitive ($_) {
                    '{yyyy}' { '(?<yyyy>[0-9]{4})' } '{MM}' { '(?<MM>[0-9]{2})' } '{dd}' { '(?<dd>[0-9]{2})' }
                    '{M}' { '(?<M>[0-9]{1,2})' } '{d}' { '(?<d>[0-9]{1,2})' } default { [regex]::Escape($_) }
                } }) -join '') + '\z'
            $m = [regex]::Match($Path.Replace('\', '/'), $regex)
            if (-not $m.Success) { return $null }
            $year = [int] $m.Groups['yyyy'].Value
            $month = [int] $(if ($m.Groups['MM'].Success) { $m.Groups['MM'].Value } else { $m.Groups['M'].Value })
            $date = [int] $(if ($m.Groups['dd'].Success) { $m.Groups['dd'].Value } else { $m.Groups['d'].Value })
            if ($year -lt 1 -or $month -lt 1 -or $month -gt 12 -or $date -lt 1 -or $date -gt [datetime]::DaysInMonth($year, $month)) { return $null }
            [datetime]::new($year, $month, $date)
        }
        $patterns = '{yyyy}/{MM}월/{MM}-{dd}.md', '{yyyy}/{MM}/{dd}.md', '{yyyy}/{M}/{d}.md', '{yyyy}{M}{d}.md', 'news-{yyyy}-{M}-{dd}.md', '{dd}.{MM}.{yyyy}.md'
        $paths = foreach ($pattern in $patterns) {
            $layout = [AiNews.Digest.Archive.ArchiveLayout]::new($pattern)
            foreach ($day in [datetime]'2024-02-29', [datetime]'2025-01-05', [datetime]'2025-11-11', [datetime]'2025-12-31') {
                $good = $layout.RelativePathOf($day)
                $good; $good.Replace('/', '\'); $good + 'x'; 'x' + $good; $good.Replace('.md', '.MD'); $good.Replace('2', '٢')
            }
        }
        $paths += '2025/12월/12-32.md', '2025/02월/02-29.md', '2024/02월/02-30.md', '0000/01월/01-01.md', '2025/13월/13-01.md', '2025/12월/11-05.md',
            '2025/1/1.md', '2025/1/011.md', '2025/111/1.md', '2025111.md', '202511.md', '20251231.md', '2025/12월/12-27.md`n', '', '.md', 'news-2025-1-05.md'
        $checked = 0
        foreach ($pattern in $patterns) {
            $layout = [AiNews.Digest.Archive.ArchiveLayout]::new($pattern)
            foreach ($path in $paths) {
                $expected = & $oracle $pattern $path
                $day = [datetime]::MinValue
                $layout.TryParse($path, [ref] $day) | Should -Be ($null -ne $expected) -Because "'$path' under '$pattern'"
                if ($expected) { $day | Should -Be $expected -Because "'$path' under '$pattern'" }
                # From an offset, as the archive reads each listed full path without cutting the root off first.
                $layout.TryParse('/some/root/' + $path, 11, [ref] $day) | Should -Be ($null -ne $expected) -Because "'$path' after a root"
                $checked++
            }
        }
        $checked | Should -BeGreaterThan 800
    }
}

Describe 'ConvertFrom-AiDigest -ArchivePath' {
    It 'reads the days between -Since and -Until' {
        $root = Join-Path $TestDrive 'range'
        1..5 | ForEach-Object {
            New-DayArticle -Title "범위 테스트 기사 $_ 번째" -Url "https://example.com/r$_" -Published ('2026-01-0{0}T09:00:00+09:00' -f $_)
        } | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul
        $got = ConvertFrom-AiDigest -ArchivePath $root -Since 2026-01-02 -Until 2026-01-04 -TimeZone Asia/Seoul
        $got.Title | Should -Be @('범위 테스트 기사 2 번째', '범위 테스트 기사 3 번째', '범위 테스트 기사 4 번째')
    }
}

Describe 'The seed archive, rebuilt' -Skip:(-not $HasShared) {
    It 'files the 994 archived articles without repeats and reads them back' {
        $root = Join-Path $TestDrive 'rebuilt'
        $seed = Join-Path $SharedRoot 'corpus/seed-archive'
        $articles = @(ConvertFrom-AiDigest -ArchivePath $seed -TimeZone Asia/Seoul)
        $articles.Count | Should -Be 994
        $out = $articles | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul -Verbose 4>&1
        $skipped = @($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -like 'Skipped*' })
        $back = @(ConvertFrom-AiDigest -ArchivePath $root -TimeZone Asia/Seoul)
        ($back.Count + $skipped.Count) | Should -Be 994
        # The Verge's CES 2026 story sits on four days of the old archive; ours has it once.
        $ces = @($articles | Where-Object Url -like '*theverge.com*ces-2026*' | Group-Object Url | Where-Object Count -ge 4)
        $ces.Count | Should -BeGreaterThan 0
        foreach ($g in $ces) { @($back | Where-Object Url -eq $g.Name).Count | Should -Be 1 }
        @($back | Group-Object { [AiNews.Articles.CanonicalUrl]::Key($_.Url) } | Where-Object Count -gt 1).Count | Should -Be 0
        foreach ($f in Get-ChildItem $root -Recurse -Filter '??-??.md') {
            (Get-DigestLinkReport ([IO.File]::ReadAllText($f.FullName))).Broken | Should -BeNullOrEmpty
        }
        # A second run changes nothing.
        @($articles | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul -PassThru).Count | Should -Be 0
    }
}

Describe 'The archive as web pages' {
    It 'writes a page beside each day file and an index that links them, and nothing the second time' {
        $root = Join-Path $TestDrive 'web'
        $articles = 1..3 | ForEach-Object {
            New-DayArticle -Title "웹 페이지 기사 $_ 번째" -Url "https://example.com/w$_" -Published ('2026-01-0{0}T09:00:00+09:00' -f $_)
        }
        $articles | Export-AiDigest -ArchivePath $root -Format Markdown, Html -TimeZone Asia/Seoul
        foreach ($d in '01', '02', '03') {
            Test-Path (Join-Path $root "2026/01월/01-$d.md") | Should -BeTrue
            Get-Content (Join-Path $root "2026/01월/01-$d.html") -Raw | Should -Match '<h3 id="웹-페이지-기사-\d-번째">'
        }
        $index = Get-Content (Join-Path $root 'index.html') -Raw
        $month = [Uri]::EscapeDataString('01월')
        $index | Should -Match "<a href=`"2026/$month/01-03.html`">📅 2026-01-03 \(1건\)</a>"
        $before = Get-Snapshot $root
        @($articles | Export-AiDigest -ArchivePath $root -Format Markdown, Html -TimeZone Asia/Seoul -PassThru).Count | Should -Be 0
        Get-Snapshot $root | Should -Be $before
    }
}

Describe 'An interrupted job' {
    It 'leaves every file either as it was or complete when the job is killed mid-write, and the next run completes it' {
        $articles = foreach ($i in 1..600) {
            [pscustomobject]@{ Title = "중단 시험 기사 $i 번째 제목"; Url = "https://example.com/kill/$i"; Source = '시험'; Organization = '기타'
                Summary = "요약 $i"; Content = ("본문 문장 $i 입니다. " * 80); Tags = @('LLM')
                Published = [DateTimeOffset]::Parse('2025-10-01T09:00:00+09:00').AddDays($i % 90) }
        }
        $json = Join-Path $TestDrive 'kill-articles.json'
        $articles | ConvertTo-Json -Depth 4 | Set-Content -Path $json -Encoding utf8
        $first = $articles | Select-Object -First 200

        # What a complete run produces, for comparison.
        $complete = Join-Path $TestDrive 'kill-complete'
        $first | Export-AiDigest -ArchivePath $complete -TimeZone Asia/Seoul
        $articles | Export-AiDigest -ArchivePath $complete -TimeZone Asia/Seoul
        $expected = @{}
        Get-ChildItem $complete -Recurse -File -Filter *.md | ForEach-Object { $expected[$_.FullName.Substring($complete.Length)] = [IO.File]::ReadAllText($_.FullName) }

        $shell = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($shell) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $module = Join-Path $RepoRoot 'AiNews.psd1'
        $killed = 0; $progressed = 0
        # The kill times count from the moment the child has imported the module (it writes a marker file then), not from
        # process start: on a loaded machine the import alone can take longer than the whole window.
        foreach ($killAfter in 300, 1000, 2000, 3500) {
            $root = Join-Path $TestDrive "killed-$killAfter"
            $first | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul
            $before = @{}
            Get-ChildItem $root -Recurse -File -Filter *.md | ForEach-Object { $before[$_.FullName.Substring($root.Length)] = [IO.File]::ReadAllText($_.FullName) }

            $marker = Join-Path $TestDrive "imported-$killAfter"
            $script = "Import-Module '$module'; New-Item -ItemType File '$marker' | Out-Null; Get-Content '$json' -Raw | ConvertFrom-Json | ForEach-Object { `$_ } | Export-AiDigest -ArchivePath '$root' -TimeZone Asia/Seoul"
            $start = [Diagnostics.ProcessStartInfo]::new($shell)
            foreach ($a in $prefix + @('-NoProfile', '-NonInteractive', '-Command', $script)) { $start.ArgumentList.Add($a) }
            $start.UseShellExecute = $false
            $job = [Diagnostics.Process]::Start($start)
            $waited = [Diagnostics.Stopwatch]::StartNew()
            while (-not (Test-Path $marker) -and -not $job.HasExited -and $waited.Elapsed.TotalSeconds -lt 120) { Start-Sleep -Milliseconds 20 }
            Start-Sleep -Milliseconds $killAfter
            if (-not $job.HasExited) { $job.Kill($true); $killed++ }
            $job.WaitForExit()

            foreach ($file in Get-ChildItem $root -Recurse -File -Filter *.md) {
                $key = $file.FullName.Substring($root.Length)
                $text = [IO.File]::ReadAllText($file.FullName)
                ($text -ceq $expected[$key] -or ($before.ContainsKey($key) -and $text -ceq $before[$key])) |
                    Should -BeTrue -Because "$key must be as it was or complete after a kill at $killAfter ms"
                if ($text -cne $before[$key]) { $progressed++ }
            }
            # The next run finishes the job and clears what the killed one left.
            $articles | Export-AiDigest -ArchivePath $root -TimeZone Asia/Seoul
            @(Get-ChildItem $root -Recurse -File -Filter '*.ainews.tmp').Count | Should -Be 0
            foreach ($key in $expected.Keys) { [IO.File]::ReadAllText((Join-Path $root $key)) | Should -BeExactly $expected[$key] }
        }
        $killed | Should -BeGreaterThan 0 -Because 'at least one job was still running when it was killed'
        $progressed | Should -BeGreaterThan 0 -Because 'the killed jobs had written something before they died'
    }
}
