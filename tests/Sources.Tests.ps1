BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
}

Describe 'Get-AiSource' {
    AfterEach { Remove-Item Env:AINEWS_SOURCES -ErrorAction SilentlyContinue }

    It 'lists the shipped catalog with the sources users expect' {
        $sources = Get-AiSource
        foreach ($id in 'AiTimes', 'AiTimesKr', 'TheVergeAI', 'MitTechReviewAI', 'VentureBeatAI', 'TechCrunchAI', 'OpenAINews',
            'GoogleAIBlog', 'DeepMindBlog', 'HuggingFaceBlog', 'ArxivCsAI', 'Bloter', 'Etnews', 'ZDNetKorea') {
            $sources.Id | Should -Contain $id
        }
        $aitimes = Get-AiSource AiTimes
        $aitimes.Name | Should -Be 'AI타임스'
        $aitimes.FeedUri | Should -Be 'https://www.aitimes.com/rss/allArticle.xml'
        $aitimes.TimeZone | Should -Be 'Asia/Seoul'
        $aitimes.Default | Should -BeTrue
        $aitimes.Policy.AllowAiProcessing | Should -BeFalse
        $aitimes.Policy.MaxExcerptLength | Should -BeGreaterThan 0
        foreach ($s in $sources) { [AiNews.Common.TimeZoneResolver]::Find($s.TimeZone) | Should -Not -BeNullOrEmpty }
    }

    It 'filters by wildcard and reports an unknown id' {
        (Get-AiSource 'Google*').Id | Should -Be @('GoogleAIBlog')
        Get-AiSource 'NoSuchSource' -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.SourceNotFound,*'
    }

    It 'adds and overrides sources from a catalog file or $env:AINEWS_SOURCES' {
        $file = Join-Path $TestDrive 'mine.json'
        @'
[ { "Id": "MyBlog", "Name": "My Blog", "FeedUri": "https://blog.example.com/feed.xml", "Language": "en", "TimeZone": "UTC", "AllowPrivateNetwork": true },
  { "Id": "AiTimes", "Name": "AI타임스 (mirror)", "FeedUri": "https://mirror.example.com/rss.xml", "Language": "ko", "TimeZone": "Asia/Seoul",
    "Policy": { "AllowAiProcessing": false } } ]
'@ | Set-Content -Path $file -Encoding utf8
        (Get-AiSource MyBlog -SourceFile $file).FeedUri | Should -Be 'https://blog.example.com/feed.xml'
        (Get-AiSource MyBlog -SourceFile $file).Policy.AllowAiProcessing | Should -BeTrue
        (Get-AiSource MyBlog -SourceFile $file).AllowPrivateNetwork | Should -BeTrue
        (Get-AiSource AiTimes -SourceFile $file).AllowPrivateNetwork | Should -BeFalse
        (Get-AiSource AiTimes -SourceFile $file).Name | Should -Be 'AI타임스 (mirror)'
        $env:AINEWS_SOURCES = $file
        (Get-AiSource MyBlog).Name | Should -Be 'My Blog'
        @(Get-AiSource).Count | Should -Be 15
    }

    It 'says which catalog file is wrong and why' {
        $file = Join-Path $TestDrive 'bad.json'
        '[ { "Id": "X", "FeedUri": "ftp://example.com/feed" } ]' | Set-Content -Path $file
        { Get-AiSource -SourceFile $file -ErrorAction Stop } | Should -Throw '*bad.json*not an http or https URL*'
        '{ not json' | Set-Content -Path $file
        { Get-AiSource -SourceFile $file -ErrorAction Stop } | Should -Throw '*bad.json*'
        "[`n  { `"Id`": `"X`" `"FeedUri`": `"https://example.com/feed`" }`n]" | Set-Content -Path $file
        { Get-AiSource -SourceFile $file -ErrorAction Stop } | Should -Throw '*bad.json*line 2*'
        '[ { "Id": "X", "FeedUri": "https://example.com/feed", "Default": "yes" } ]' | Set-Content -Path $file
        { Get-AiSource -SourceFile $file -ErrorAction Stop } | Should -Throw -ErrorId 'AiNews.SourceCatalogInvalid*'
    }

    It 'reads a catalog saved with a byte order mark (Notepad, Windows PowerShell 5.1 Set-Content -Encoding UTF8)' {
        $file = Join-Path $TestDrive 'bom.json'
        $json = '[ { "Id": "MyBom", "Name": "BOM 블로그", "FeedUri": "https://blog.example.com/feed.xml", "Policy": { "MaxExcerptLength": 300 } } ]'
        [IO.File]::WriteAllBytes($file, [byte[]](0xEF, 0xBB, 0xBF) + [Text.Encoding]::UTF8.GetBytes($json))
        $s = Get-AiSource MyBom -SourceFile $file
        $s.Name | Should -Be 'BOM 블로그'
        $s.Policy.MaxExcerptLength | Should -Be 300
        $s.Policy.AllowAiProcessing | Should -BeTrue
        (Get-AiSource AiTimes -SourceFile $file).Policy.AllowAiProcessing | Should -BeFalse
    }

    It 'completes source ids on Tab' {
        $result = TabExpansion2 -inputScript 'Get-AiSource -Id Ai' -cursorColumn 'Get-AiSource -Id Ai'.Length
        $result.CompletionMatches.CompletionText | Should -Contain 'AiTimes'
        $result.CompletionMatches.CompletionText | Should -Contain 'AiTimesKr'
    }
}

Describe 'Source policy in the digest' {
    It 'cuts the body at the source''s excerpt limit when it is shorter' {
        $a = [AiNews.Article]@{ Title = 'T'; Url = 'https://example.com/p'; Content = ('x' * 500); Published = [DateTimeOffset]::Now
            Policy = [AiNews.SourcePolicy]@{ MaxExcerptLength = 100 } }
        ($a | Export-AiDigest | ConvertFrom-AiDigest).Content | Should -Be (('x' * 100) + '...')
    }
}
