# Add-AiSummary and the extractive summarizer: sentence splitting, what a summary may hold, the archive corpus.
BeforeDiscovery { . "$PSScriptRoot/SharedCorpus.ps1" }

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:Fixtures = @{}
    Get-Content (Join-Path $FixturesRoot 'summary-articles.json') -Raw -Encoding utf8 | ConvertFrom-Json |
        ForEach-Object { $_ } | ForEach-Object { $script:Fixtures[$_.Id] = $_ }
    function Get-Fixture([string] $Id) {
        $f = $script:Fixtures[$Id]
        [pscustomobject]@{ Title = $f.Title; Url = $f.Url; Content = $f.Content }
    }
    function Split-Sentence([string] $Text) { @([AiNews.Summaries.SentenceSplitter]::Split($Text)) }
}

Describe 'Sentence splitting' {
    It 'ends Korean sentences at 다. and keeps numbers like 3.5 whole' {
        Split-Sentence '성능이 3.5배 올랐다. 가격은 1.5달러다.' | Should -Be @('성능이 3.5배 올랐다.', '가격은 1.5달러다.')
    }
    It 'keeps a quotation with its own full stops inside one sentence' {
        $s = Split-Sentence '그는 "시작입니다. 더 하겠습니다."라고 말했다. 회사도 동의했다.'
        $s | Should -Be @('그는 "시작입니다. 더 하겠습니다."라고 말했다.', '회사도 동의했다.')
        $c = Split-Sentence '대표는 “올해는 다르다. 기대해 달라”고 밝혔다. 다음 문장이다.'
        $c.Count | Should -Be 2
    }
    It 'ends a sentence at … after a Korean ending, not inside a clause' {
        Split-Sentence '계약을 맺었다… 새 로봇은 빠르다.' | Should -Be @('계약을 맺었다…', '새 로봇은 빠르다.')
        (Split-Sentence 'AI…그리고 로봇이 온다.').Count | Should -Be 1
    }
    It 'does not end English sentences at abbreviations or decimals' {
        Split-Sentence 'Dr. Ada Park joined the U.S. lab in 2024. The model has 3.5 billion parameters.' |
            Should -Be @('Dr. Ada Park joined the U.S. lab in 2024.', 'The model has 3.5 billion parameters.')
    }
}

Describe 'Extractive summaries' {
    It 'picks three sentences by default, none of them a photo credit, byline, e-mail or the title' {
        $a = Get-Fixture 'korean' | Add-AiSummary
        $a | Should -BeOfType ([AiNews.Article])
        $a.Summary | Should -Not -BeNullOrEmpty
        $sentences = Split-Sentence $a.Summary
        $sentences.Count | Should -Be 3
        $a.Summary | Should -Not -Match '사진='
        $a.Summary | Should -Not -Match '@'
        $a.Summary | Should -Not -Match '기자'
        $a.Summary | Should -Not -Match '무단전재'
        $sentences | Should -Not -Contain $a.Title
        $a.Summary.StartsWith($a.Title) | Should -BeFalse
    }
    It 'honours -SentenceCount and works for English' {
        $a = Get-Fixture 'english' | Add-AiSummary -SentenceCount 2
        (Split-Sentence $a.Summary).Count | Should -Be 2
        $a.Summary | Should -Not -Match 'Jane Doe'
        $a.Summary | Should -Not -Match 'press@example.com'
    }
    It 'leaves the summary empty rather than repeat the title' {
        $a = Get-Fixture 'title-only' | Add-AiSummary
        $a.Summary | Should -BeNullOrEmpty
    }
    It 'replaces a summary that only repeats the title, keeps a real one unless -Force' {
        $f = Get-Fixture 'korean'
        $broken = [pscustomobject]@{ Title = $f.Title; Url = $f.Url; Content = $f.Content; Summary = $f.Title }
        ($broken | Add-AiSummary).Summary | Should -Not -Be $f.Title
        $own = [pscustomobject]@{ Title = $f.Title; Url = $f.Url; Content = $f.Content; Summary = '사람이 쓴 요약.' }
        ($own | Add-AiSummary).Summary | Should -Be '사람이 쓴 요약.'
        ($own | Add-AiSummary -Force).Summary | Should -Not -Be '사람이 쓴 요약.'
    }
    It 'emits every article it receives' {
        $out = @($script:Fixtures.Keys | ForEach-Object { Get-Fixture $_ } | Add-AiSummary)
        $out.Count | Should -Be $script:Fixtures.Count
        $out | ForEach-Object { $_ | Should -BeOfType ([AiNews.Article]) }
    }
}

Describe 'The archive corpus' {
    It 'gives every archived article with two or more sentences a summary that is not its title' -Skip:(-not $HasShared) {
        $files = Get-ChildItem (Join-Path $SharedRoot 'corpus/seed-archive') -Recurse -Filter '*.md' |
            Where-Object Name -Match '^\d\d-\d\d\.md$' | Sort-Object FullName
        $articles = @($files | ForEach-Object { ConvertFrom-AiDigest -LiteralPath $_.FullName -WarningAction SilentlyContinue })
        $articles.Count | Should -Be 994
        $failed = @($articles | Where-Object { ([AiNews.Summaries.SentenceSplitter]::Split($_.Content)).Count -ge 2 } |
            Add-AiSummary -Force |
            Where-Object { -not $_.Summary -or $_.Summary -eq $_.Title } | ForEach-Object Title)
        $failed | Should -BeNullOrEmpty
    }
}
