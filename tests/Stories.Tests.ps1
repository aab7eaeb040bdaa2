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
