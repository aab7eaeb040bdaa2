BeforeDiscovery { . "$PSScriptRoot/SharedCorpus.ps1" }

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    function New-StoryArticle([string] $Title, [string] $Url, [string] $Source, [string] $Content, [string] $Published = '2026-01-15T09:00:00+09:00', [string] $Importance = '일반') {
        [pscustomobject]@{ Title = $Title; Url = $Url; Source = $Source; Content = $Content; Importance = $Importance
            Published = [DateTimeOffset]::Parse($Published); Tags = @('LLM'); Organization = 'OpenAI' }
    }
    $script:Rewritten = @(
        New-StoryArticle '오픈AI, 코딩 특화 모델 GPT-5.2 코덱스 공개' 'https://news-a.example.com/1' '가신문' `
            '오픈AI가 15일 코딩에 특화된 새 모델 GPT-5.2 코덱스를 공개했다. 회사는 이 모델이 SWE-bench 벤치마크에서 이전 모델보다 40% 높은 점수를 기록했다고 밝혔다. 새 모델은 챗GPT 유료 이용자에게 먼저 제공된다.'
        New-StoryArticle '오픈AI, 코딩 특화 ''GPT-5.2 코덱스'' 출시…"SWE-bench 40% 향상"' 'https://news-b.example.com/2' '나일보' `
            '오픈AI는 15일 코딩에 특화된 새 모델 GPT-5.2 코덱스를 출시한다고 발표했다. 이 모델은 SWE-bench 벤치마크에서 이전 모델보다 40% 높은 점수를 기록했다. 챗GPT 유료 이용자에게 먼저 제공된다.' `
            '2026-01-15T11:30:00+09:00'
        New-StoryArticle 'OpenAI launches GPT-5.2 Codex, a coding model' 'https://en.example.org/openai-gpt-5-2-codex' 'Example Tech' `
            'OpenAI on Thursday released GPT-5.2 Codex, a model tuned for coding. The company says it scores 40% higher than its predecessor on the SWE-bench benchmark. ChatGPT paid subscribers get it first.' `
            '2026-01-15T02:00:00Z'
        New-StoryArticle '오픈AI, 인도에 대규모 데이터센터 건설 추진' 'https://news-a.example.com/3' '가신문' `
            '오픈AI가 인도 정부와 손잡고 1기가와트 규모의 데이터센터 건설을 추진한다. 투자 규모는 아직 공개되지 않았다. 현지 파트너 선정은 상반기 중 마무리될 예정이다.'
    )
}

Describe 'Merge-AiArticle' {
    It 'merges a rewritten story and its English report, and keeps a different story of the same company apart' {
        $stories = @($Rewritten | Merge-AiArticle)
        $stories.Count | Should -Be 2
        $codex = $stories | Where-Object { $_.Sources.Count -eq 3 }
        $codex | Should -Not -BeNullOrEmpty
        @($codex.Sources.Url) | Should -Be @('https://news-a.example.com/1', 'https://news-b.example.com/2', 'https://en.example.org/openai-gpt-5-2-codex')
        $codex.Language | Should -Be 'ko' -Because 'the body comes from the language most reports are in'
        $codex.Importance | Should -Be '주요' -Because 'three outlets carried it'
        $codex.Published | Should -Be ([DateTimeOffset]::Parse('2026-01-15T09:00:00+09:00')) -Because 'the earliest report counts'
        ($stories | Where-Object Title -like '*인도*').Sources.Count | Should -Be 0
    }

    It 'does not merge across languages on a single shared name' {
        $a = New-StoryArticle '오픈AI, 새 음성 모델 공개' 'https://k.example.com/v' '가신문' '오픈AI가 새 음성 모델을 공개했다. GPT 기반이다.'
        $b = New-StoryArticle 'OpenAI raises prices for API' 'https://e.example.com/p' 'Example Tech' 'OpenAI raised GPT API prices for enterprise customers.'
        @($a, $b | Merge-AiArticle).Count | Should -Be 2
    }

    It 'merges the same URL however it is dressed' {
        $a = New-StoryArticle '같은 기사' 'https://www.example.com/news/articleView.html?idxno=7' 'A' 'x'
        $b = New-StoryArticle '같은 기사 (모바일)' 'https://m.example.com/news/articleView.html?idxno=7&utm_source=feed' 'A' 'y'
        @($a, $b | Merge-AiArticle).Count | Should -Be 1
    }

    It 'shows every source''s link in the digest and reads them back' {
        $md = $Rewritten | Merge-AiArticle | Export-AiDigest -TimeZone Asia/Seoul
        $md | Should -Match '🔗 \[원문 보기\]\(https://news-a\.example\.com/1\) · \[나일보\]\(https://news-b\.example\.com/2\) · \[Example Tech\]\(https://en\.example\.org/openai-gpt-5-2-codex\)'
        $back = $md | ConvertFrom-AiDigest -TimeZone Asia/Seoul | Where-Object { $_.Sources.Count }
        @($back.Sources.Name) | Should -Be @('가신문', '나일보', 'Example Tech')
    }

    It 'collapses repeated URLs across the days of the archive' -Skip:(-not $HasShared) {
        $articles = @(ConvertFrom-AiDigest -ArchivePath (Join-Path $SharedRoot 'corpus/seed-archive') -TimeZone Asia/Seoul)
        $merged = @($articles | Merge-AiArticle -Window ([TimeSpan]::FromDays(7)))
        $repeated = @($articles | Group-Object { [AiNews.Articles.CanonicalUrl]::Key($_.Url) } | Where-Object Count -gt 1)
        $repeated.Count | Should -BeGreaterThan 0
        @($merged | Group-Object { [AiNews.Articles.CanonicalUrl]::Key($_.Url) } | Where-Object Count -gt 1).Count | Should -Be 0
        foreach ($g in $repeated) {
            @($merged | Where-Object { $_.Sources.Url -contains $g.Group[0].Url -or $_.Url -eq $g.Group[0].Url }).Count | Should -Be 1
        }
        $merged.Count | Should -BeGreaterThan (($articles.Count - 100))
    }
}

Describe 'Story prints' {
    BeforeAll {
        $flags = [Reflection.BindingFlags]'NonPublic,Public,Static,Instance'
        $shingles = [AiNews.Stories.StoryShingles]
        $script:TokensOf = $shingles.GetMethod('Tokens', $flags)
        $script:StopWords = $shingles.GetField('StopWords', $flags).GetValue($null)
        $script:PrintField = { param($print, [string] $name) [AiNews.Stories.StoryPrint].GetField($name, $flags).GetValue($print) }
        # The token rule, as a regular expression: the independent oracle the hand-written scanner is held to.
        $script:TokenRule = [regex]::new('[가-힣ㄱ-ㆎ]+|[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*', 'CultureInvariant')
        function script:Get-RuleToken([string] $Lowered) { @($TokenRule.Matches($Lowered) | ForEach-Object Value) }
        function script:Get-ScannedToken([string] $Lowered) {
            @(foreach ($t in $TokensOf.Invoke($null, @($Lowered))) { $Lowered.Substring($t.Start, $t.Length) })
        }
        # A token of Hangul letters (syllables 가-힣, compatibility jamo ㄱ-ㆎ), told by its first character.
        function script:Test-HangulStart([string] $Token) {
            $c = [int] $Token[0]
            ($c -ge 0xAC00 -and $c -le 0xD7A3) -or ($c -ge 0x3131 -and $c -le 0x318E)
        }
        # The sets a print holds, made from the rule's tokens and the public hash (see StoryShingles' documentation).
        function script:Get-ExpectedShingle([AllowEmptyCollection()] [string[]] $Tokens) {
            $Tokens = @($Tokens | Where-Object { $_ })
            $hangul = -join @($Tokens | Where-Object { Test-HangulStart $_ })
            $words = @($Tokens | Where-Object { -not (Test-HangulStart $_) })
            $set = [Collections.Generic.SortedSet[uint64]]::new()
            for ($i = 0; $i + 3 -le $hangul.Length; $i++) { $null = $set.Add([AiNews.Stories.StoryShingles]::Hash('k:' + $hangul.Substring($i, 3))) }
            for ($i = 0; $i + 1 -lt $words.Count; $i++) { $null = $set.Add([AiNews.Stories.StoryShingles]::Hash('w:' + $words[$i] + ' ' + $words[$i + 1])) }
            if ($words.Count -eq 1) { $null = $set.Add([AiNews.Stories.StoryShingles]::Hash('w:' + $words[0])) }
            , [uint64[]] @($set)
        }
        # Strings that probe each part of the rule, then random ones over an alphabet of the same hard cases: dots and
        # dashes inside and at the ends of words, Hangul syllables and jamo next to Latin, letter and other numbers
        # (Ⅻ, ٣, ¼), a modifier letter, a combining mark, a surrogate pair and lone surrogates, letters whose lowercase
        # differs by culture (İ, ẞ).
        $script:Probes = [Collections.Generic.List[string]]@(
            'OpenAI의 GPT-5.2 코덱스', 'gpt-5.', '-gpt', 'a.b-c.d', 'a..b', 'a-.b', '3.5% 향상', 'gpt가 나왔다', '가gpt', 'ㅋㅋ 웃김ㄱ자',
            'Ⅻ장 ٣٤ ¼ x²', 'ʰello', "cafe$([char]0x0301)s", "$([char]0xD835)$([char]0xDC00)x", "a$([char]0xD800)b", 'İstanbul ẞ', '', ' ', 'The AI and the new')
        $random = [Random]::new(20261202)
        $alphabet = 'aZ9.-_ 가힣ㄱㆎ' + [char]0x00AA + [char]0x2160 + [char]0x0663 + [char]0xD800 + [char]0xDC00 + "`n" + 'ÉİẞK¼ʰ' + [char]0x0301
        for ($i = 0; $i -lt 400; $i++) {
            $probe = [Text.StringBuilder]::new()
            for ($k = $random.Next(0, 40); $k -gt 0; $k--) { $null = $probe.Append($alphabet[$random.Next($alphabet.Length)]) }
            $Probes.Add($probe.ToString())
        }
    }

    It 'splits text into tokens exactly as the token rule does' {
        foreach ($probe in $Probes) {
            $lowered = $probe.ToLowerInvariant()
            Get-ScannedToken $lowered | Should -Be (Get-RuleToken $lowered) -Because "the tokens of '$probe'"
        }
    }

    It 'fingerprints title and body as the sets of their tokens' {
        for ($i = 0; $i + 1 -lt $Probes.Count; $i += 2) {
            $article = [AiNews.Article]@{ Title = $Probes[$i]; Url = "https://example.com/$i"; Content = $Probes[$i + 1] + ' 오픈AI가 GPT-5를 공개했다. The AI model ships.' }
            $print = [AiNews.Stories.StoryPrint]::Of($article)
            $title = @(Get-RuleToken $article.Title.ToLowerInvariant())
            $all = @(Get-RuleToken ($article.Title + "`n" + $article.Content).ToLowerInvariant())
            $expectedTitle = if ($article.Title) { Get-ExpectedShingle $title } else { [uint64[]] @() }
            [uint64[]] (& $PrintField $print 'Title') | Should -Be $expectedTitle -Because "the title shingles of '$($article.Title)'"
            [uint64[]] (& $PrintField $print 'Body') | Should -Be (Get-ExpectedShingle $all) -Because "the body shingles of probe $i"
            $anchors = [Collections.Generic.SortedSet[uint64]]::new()
            foreach ($t in $all) { if (-not (Test-HangulStart $t) -and $t.Length -ge 2 -and -not $StopWords.Contains($t)) { $null = $anchors.Add([AiNews.Stories.StoryShingles]::Hash($t)) } }
            [uint64[]] (& $PrintField $print 'Anchors') | Should -Be ([uint64[]] @($anchors)) -Because "the anchors of probe $i"
            $numbers = [Collections.Generic.SortedSet[uint64]]::new()
            foreach ($t in $title) { if ($t.ToCharArray() | Where-Object { [char]::IsDigit($_) }) { $null = $numbers.Add([AiNews.Stories.StoryShingles]::Hash($t)) } }
            [uint64[]] (& $PrintField $print 'TitleNumbers') | Should -Be ([uint64[]] @($numbers)) -Because "the title numbers of '$($article.Title)'"
        }
    }
}
