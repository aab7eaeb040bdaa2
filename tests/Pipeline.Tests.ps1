# Issue 13: pipeline binding, -Path/-LiteralPath, -WhatIf without a webhook, and the archive's month README.md.
BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/TestSite.ps1"
    $script:Site = Start-TestSite -FixturesOnly
    $script:Samples = Get-Content (Join-Path $FixturesRoot 'sample-articles.json') -Raw -Encoding utf8 | ConvertFrom-Json
    $script:Feed = Join-Path $FixturesRoot 'feeds/rss-dates.xml'
    $script:FeedCount = @(Get-AiArticle -Path $Feed -SkipContent).Count
}
AfterAll { if ($script:Site) { Stop-TestSite $script:Site } }

Describe 'Get-AiArticle binding' {
    It 'reads a file given as the only positional argument (no clash with -Source)' {
        Push-Location (Split-Path $Feed)
        try { $articles = @(Get-AiArticle ./rss-dates.xml -SkipContent -ErrorVariable errs -ErrorAction SilentlyContinue) } finally { Pop-Location }
        $errs.Count | Should -Be 0
        $articles.Count | Should -Be $FeedCount
        $FeedCount | Should -BeGreaterThan 1
    }

    It 'takes Get-AiSource output by its Id, one source per piped object' {
        $catalog = Join-Path $TestDrive 'pipe-sources.json'
        ConvertTo-Json -Depth 5 -InputObject @(
            [ordered]@{ Id = 'PipeA'; Name = 'Pipe A'; FeedUri = "$($Site.Url)wp/feed/?count=2"; Language = 'en'; AllowPrivateNetwork = $true }
            [ordered]@{ Id = 'PipeB'; Name = 'Pipe B'; FeedUri = "$($Site.Url)wp/feed/?count=3"; Language = 'en'; AllowPrivateNetwork = $true }
        ) | Set-Content -Path $catalog -Encoding utf8
        $articles = @(Get-AiSource Pipe* -SourceFile $catalog | Get-AiArticle -SourceFile $catalog -SkipContent -IgnoreRobots -NoCache -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs.Count | Should -Be 0
        @($articles | Where-Object SourceId -eq 'PipeA').Count | Should -Be 2
        @($articles | Where-Object SourceId -eq 'PipeB').Count | Should -Be 3
    }

    It 'reads Get-ChildItem output and -LiteralPath names with [ ] as they are' {
        $dir = New-Item (Join-Path $TestDrive 'lit') -ItemType Directory -Force
        $odd = Join-Path $dir 'feed[1].xml'
        [IO.File]::Copy($Feed, $odd, $true)
        @(Get-AiArticle -LiteralPath $odd -SkipContent).Count | Should -Be $FeedCount
        @(Get-ChildItem -LiteralPath $odd | Get-AiArticle -SkipContent).Count | Should -Be $FeedCount
        # As a -Path the brackets are a wildcard class: feed[1].xml matches a file named feed1.xml, which is absent.
        @(Get-AiArticle -Path $odd -SkipContent -ErrorAction SilentlyContinue).Count | Should -Be 0
    }
}

Describe 'Send-AiDigest files' {
    BeforeAll {
        $script:Dir = New-Item (Join-Path $TestDrive 'digests') -ItemType Directory -Force
        $Samples[0..1] | Export-AiDigest -TimeZone Asia/Seoul -Path (Join-Path $Dir 'a.md')
        $Samples[2..3] | Export-AiDigest -TimeZone Asia/Seoul -Path (Join-Path $Dir 'b.md')
        $Samples[0..1] | Export-AiDigest -TimeZone Asia/Seoul -Path (Join-Path $Dir 'c[1].md')
    }

    It 'sends a file piped from Get-ChildItem' {
        $hook = New-TestSiteHook $Site
        $r = @(Get-ChildItem (Join-Path $Dir 'a.md') | Send-AiDigest -Kind Slack -WebhookUri $hook.Uri -PassThru -WarningVariable warns)
        $warns.Count | Should -Be 0
        $r.Count | Should -Be 1
        $r[0].Succeeded | Should -BeTrue
        (@(Get-TestSiteHookRequest $hook)[0].Body | ConvertFrom-Json).text | Should -Match 'news\.example\.com/articles/1001'
    }

    It 'expands -Path wildcards, sends each file, and reports a missing path without stopping' {
        $hook = New-TestSiteHook $Site
        $r = @(Send-AiDigest -Path (Join-Path $Dir '?.md'), (Join-Path $Dir 'missing.md') -Kind Slack -WebhookUri $hook.Uri -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.DigestNotFound,*'
        @($r | Where-Object Succeeded).Count | Should -Be 2
        @(Get-TestSiteHookRequest $hook).Count | Should -Be 2
    }

    It 'reads a -LiteralPath name with [ ] as it is' {
        $hook = New-TestSiteHook $Site
        @(Send-AiDigest -LiteralPath (Join-Path $Dir 'c[1].md') -Kind Discord -WebhookUri $hook.Uri -PassThru).Count | Should -Be 1
        @(Get-TestSiteHookRequest $hook).Count | Should -Be 1
    }

    It 'takes the webhook as a SecureString (Get-Secret without -AsPlainText)' {
        $hook = New-TestSiteHook $Site
        $secret = ConvertTo-SecureString $hook.Uri -AsPlainText -Force
        $r = Send-AiDigest -Path (Join-Path $Dir 'a.md') -Kind Slack -WebhookUri $secret -PassThru
        $r.Succeeded | Should -BeTrue
        @(Get-TestSiteHookRequest $hook).Count | Should -Be 1
        { Send-AiDigest -Path (Join-Path $Dir 'a.md') -Kind Slack -WebhookUri (ConvertTo-SecureString 'not a url' -AsPlainText -Force) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,AiNews.Commands.SendAiDigestCommand'
    }

    It '-WhatIf needs no webhook, says what it would post, and posts nothing' {
        Remove-Item Env:AINEWS_WEBHOOK_URI -ErrorAction SilentlyContinue
        # (What if: lines go straight to the host, so only the absence of an error can be asserted here.)
        { Send-AiDigest -Path (Join-Path $Dir 'a.md') -Kind Teams -WhatIf -ErrorAction Stop } | Should -Not -Throw
        $hook = New-TestSiteHook $Site
        Get-ChildItem $Dir -Filter *.md | Send-AiDigest -Kind Teams -WebhookUri $hook.Uri -WhatIf
        @(Get-TestSiteHookRequest $hook).Count | Should -Be 0
    }
}

Describe 'The archive''s month README.md' {
    BeforeAll {
        $script:News = Join-Path $TestDrive 'news'
        $Samples | Export-AiDigest -ArchivePath $News -TimeZone Asia/Seoul
        $script:Readmes = @(Get-ChildItem $News -Recurse -Filter README.md)
    }

    It 'reads back as no articles, so a recursive read returns only the real ones' {
        $Readmes.Count | Should -BeGreaterThan 0
        $all = @(Get-ChildItem $News -Recurse -Filter *.md | ConvertFrom-AiDigest -TimeZone Asia/Seoul -ErrorVariable errs -WarningVariable warns)
        $errs.Count | Should -Be 0
        $all.Count | Should -Be @($Samples).Count
        @($all | Where-Object Url -like './*').Count | Should -Be 0
        @($all.Url | Sort-Object) | Should -Be @($Samples.Url | Sort-Object)
    }

    It 'is read as no articles by -Path wildcards over the YYYY/MM월 layout, and sent as nothing' {
        @(ConvertFrom-AiDigest -Path (Join-Path $News '*/*/*.md') -TimeZone Asia/Seoul).Count | Should -Be @($Samples).Count
        $hook = New-TestSiteHook $Site
        Send-AiDigest -LiteralPath $Readmes[0].FullName -Kind Slack -WebhookUri $hook.Uri -WarningVariable warns
        @(Get-TestSiteHookRequest $hook).Count | Should -Be 0
    }
}

Describe 'CSV round trip' {
    BeforeAll {
        $script:Articles = @($Samples | ForEach-Object { [AiNews.Commands.ArticleTransformationAttribute]::ToArticle($_) })
        $Articles[0].Sources = @([AiNews.ArticleSource]::new('예제뉴스', $Articles[0].Url), [AiNews.ArticleSource]::new('Other Wire', 'https://wire.example.org/a?id=1'))
        $Articles[0].Images = 'https://img.example.com/a,b.png', 'https://img.example.com/c.png'
        $Articles[0].Organizations = '국내 기업', 'OpenAI'
    }

    It 'writes list properties as "a; b" text, never a type name' {
        $csv = $Articles | ConvertTo-Csv
        ($csv -join "`n") | Should -Not -Match 'System\.String\[\]|AiNews\.ArticleSource|AiNews\.TextList'
        $row = ($csv | ConvertFrom-Csv)[0]
        $row.Tags | Should -BeExactly ($Articles[0].Tags -join '; ')
        $row.Organizations | Should -BeExactly '국내 기업; OpenAI'
        $row.Images | Should -BeExactly 'https://img.example.com/a,b.png; https://img.example.com/c.png'
        $row.Sources | Should -BeExactly "예제뉴스 <$($Articles[0].Url)>; Other Wire <https://wire.example.org/a?id=1>"
    }

    It 'binds back from Import-Csv so that Export-AiDigest writes the same digest' {
        $file = Join-Path $TestDrive 'articles.csv'
        $Articles | Export-Csv -Path $file -Encoding utf8
        $fromCsv = Import-Csv -Path $file -Encoding utf8 | Export-AiDigest -TimeZone Asia/Seoul -MaxContentLength 0
        $fromCsv | Should -BeExactly ($Articles | Export-AiDigest -TimeZone Asia/Seoul -MaxContentLength 0)
        $fromCsv | Should -Match '\[Other Wire\]\(https://wire\.example\.org/a\?id=1\)'
        $back = @($fromCsv | ConvertFrom-AiDigest -TimeZone Asia/Seoul)
        $back.Count | Should -Be $Articles.Count
        ($back | Where-Object Url -eq $Articles[0].Url).Tags | Should -Be @($Articles[0].Tags)
    }

    It 'keeps lists usable as lists in scripts' {
        $a = [AiNews.Article]::new()
        $a.Tags = 'LLM', '에이전트'
        $a.Tags += '반도체'
        $a.Tags.Count | Should -Be 3
        $a.Tags[1] | Should -Be '에이전트'
        $a.Tags -contains '반도체' | Should -BeTrue
        $a.Tags = $null
        $a.Tags.Count | Should -Be 0
        ($a | ConvertTo-Json -Compress) | Should -Match '"Tags":\[\]'
    }

    It 'reads a date exported under de-DE as the same day (3 April stays 3 April)' {
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $a = [AiNews.Commands.ArticleTransformationAttribute]::ToArticle($Samples[0])
            $a.Published = [DateTimeOffset]::new(2026, 4, 3, 10, 0, 0, [TimeSpan]::FromHours(2))
            $row = $a | ConvertTo-Csv | ConvertFrom-Csv
            $row.Published | Should -Match '^03\.04\.2026'
            $digest = $row | Export-AiDigest -TimeZone Europe/Berlin
            $digest | Should -Match '2026-04-03'
            ($digest | ConvertFrom-AiDigest -TimeZone Europe/Berlin).Published.Month | Should -Be 4
            # ISO 8601 comes first, whatever the culture.
            ([pscustomobject]@{ Title = 't'; Url = 'https://e.com/1'; Published = '2026-04-03T10:00:00+02:00' } | Export-AiDigest -TimeZone Europe/Berlin) | Should -Match '2026-04-03'
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
    }
}
