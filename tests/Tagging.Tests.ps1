# Add-AiTag and the tagging engine: word matching, organization choice, AI relevance, the cmdlet, and the bench targets.
BeforeDiscovery { . "$PSScriptRoot/SharedCorpus.ps1" }

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:Fixtures = @{}
    Get-Content (Join-Path $FixturesRoot 'tagging-articles.json') -Raw -Encoding utf8 | ConvertFrom-Json |
        ForEach-Object { $_ } | ForEach-Object { $script:Fixtures[$_.Id] = $_ }
    function Get-Fixture([string] $Id) {
        $f = $script:Fixtures[$Id]
        [pscustomobject]@{ Title = $f.Title; Url = $f.Url; Source = $f.Source; Content = $f.Content }
    }
    function Find-Labels([string] $Text, [string[]] $Words, [string] $Label = 'x') {
        $terms = [AiNews.Tagging.Term[]]@($Words | ForEach-Object { [AiNews.Tagging.Term]::new($_, $Label, 1.0, $false) })
        $matcher = [AiNews.Tagging.TermMatcher]::new($terms)
        @($matcher.Match([AiNews.Tagging.Tokenizer]::Tokenize($Text)) | ForEach-Object { $_.Term.Text })
    }
}

Describe 'Word matching' {
    It 'matches Latin words whole: no "rl" in "world", no "meta" in "metadata"' {
        Find-Labels 'The world of metadata and RL agents' @('rl', 'meta') | Should -Be @('rl')
        Find-Labels 'around the world, metadata everywhere' @('RL', 'Meta') | Should -BeNullOrEmpty
    }
    It 'matches Korean nouns followed by particles: <Text>' -ForEach @(
        @{ Text = '오픈AI의 새 모델'; Word = '오픈AI' }
        @{ Text = '메타가 발표했다'; Word = '메타' }
        @{ Text = '엔비디아는 밝혔다'; Word = '엔비디아' }
        @{ Text = '구글에서는 부인했다'; Word = '구글' }
    ) {
        Find-Labels $Text @($Word) | Should -Be @($Word)
    }
    It 'does not match longer words that start with a name: <Text>' -ForEach @(
        @{ Text = '메타버스 전시관'; Word = '메타' }
        @{ Text = '그의 사고방식은 독특하다'; Word = '사고' }
        @{ Text = 'AI웹툰 12화'; Word = 'AI' }
    ) {
        Find-Labels $Text @($Word) | Should -BeNullOrEmpty
    }
    It 'matches phrases across spaces, the particle on the last word' {
        Find-Labels '젠슨 황이 말했다' @('젠슨 황') | Should -Be @('젠슨 황')
        Find-Labels 'the Claude Code team' @('Claude Code', 'Claude') | Should -Be @('Claude Code')
    }
}

Describe 'Organization, tags and relevance' {
    It 'does not file a story about another company under Meta because it mentions "메타 엔지니어"' {
        $a = Get-Fixture 'motif-like' | Add-AiTag
        $a.Organization | Should -Be '국내 기업'
        $a.Organizations | Should -Not -Contain 'Meta'
        $a.IsAiRelated | Should -BeTrue
    }
    It 'finds no Meta and no reinforcement learning in "world" and "metadata"' {
        $a = Get-Fixture 'world-metadata' | Add-AiTag
        $a.Organizations | Should -Not -Contain 'Meta'
        $a.Organization | Should -Not -Be 'Meta'
        $a.Tags | Should -Not -Contain '강화학습'
        $a.IsAiRelated | Should -BeFalse
        $a.Importance | Should -Be '참고'
    }
    It 'does not take 메타버스 for Meta, nor 사고방식 for reasoning' {
        $a = Get-Fixture 'metaverse' | Add-AiTag
        $a.Organization | Should -Not -Be 'Meta'
        $a.Organizations | Should -Not -Contain 'Meta'
        $a.Tags | Should -Not -Contain '추론 AI'
    }
    It 'does not pass a webtoon page as AI news' {
        $a = Get-Fixture 'webtoon' | Add-AiTag
        $a.IsAiRelated | Should -BeFalse
    }
    It 'lets the headline subject win over a company mentioned in passing' {
        $a = Get-Fixture 'nvidia-subject' | Add-AiTag
        $a.Organization | Should -Be 'NVIDIA'
        $a.Tags | Should -Contain 'AI 반도체'
        $a.IsAiRelated | Should -BeTrue
    }
    It 'files a ministry under 정부 and a university team under 국내 연구기관' {
        (Get-Fixture 'government' | Add-AiTag).Organization | Should -Be '정부'
        $r = Get-Fixture 'research' | Add-AiTag
        $r.Organization | Should -Be '국내 연구기관'
        $r.Tags | Should -Contain '로보틱스'
        $r.Tags | Should -Contain '연구'
    }
    It 'reads 오픈AI의 as OpenAI and tags a reasoning model' {
        $a = Get-Fixture 'openai-particle' | Add-AiTag
        $a.Organization | Should -Be 'OpenAI'
        $a.Organizations | Should -Contain 'OpenAI'
        $a.Tags | Should -Contain '추론 AI'
        $a.Importance | Should -BeIn @('주요', '일반', '참고')
    }
}

Describe 'Add-AiTag' {
    It 'emits every article it receives as AiNews.Article, also for [pscustomobject] input' {
        $out = @($script:Fixtures.Keys | Sort-Object | ForEach-Object { Get-Fixture $_ } | Add-AiTag)
        $out.Count | Should -Be $script:Fixtures.Count
        $out | ForEach-Object { $_ | Should -BeOfType ([AiNews.Article]) }
        $out | ForEach-Object { $_.IsAiRelated | Should -Not -BeNullOrEmpty }
    }
    It 'adds labels by hand with -Tag and -Organization' {
        $a = Get-Fixture 'nvidia-subject' | Add-AiTag -Tag '투자/비즈니스' -Organization 'Samsung'
        $a.Tags | Should -Contain '투자/비즈니스'
        $a.Tags | Should -Contain 'AI 반도체'
        $a.Organization | Should -Be 'Samsung'
        $a.Organizations | Should -Contain 'Samsung'
    }
    It 'merges a -Taxonomy file over the shipped one' {
        $path = Join-Path $TestDrive 'extra.json'
        @{ organizations = @(@{ name = 'Nurivision'; country = 'KR'; names = @('누리비전') }) } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $path -Encoding utf8
        $a = Get-Fixture 'motif-like' | Add-AiTag -Taxonomy $path
        $a.Organization | Should -Be 'Nurivision'
        (Get-Fixture 'openai-particle' | Add-AiTag -Taxonomy $path).Organization | Should -Be 'OpenAI'
    }
    It 'stops with AiNews.TaxonomyInvalid on a broken taxonomy file' {
        $path = Join-Path $TestDrive 'broken.json'
        Set-Content -LiteralPath $path -Value '{ "organizations": [ { "names": ["x"] } ] }' -Encoding utf8
        { Get-Fixture 'webtoon' | Add-AiTag -Taxonomy $path -ErrorAction Stop } |
            Should -Throw -ErrorId 'AiNews.TaxonomyInvalid*'
    }
    It 'keeps only AI stories with Get-AiArticle -AiOnly, marked IsAiRelated, as Add-AiTag judges them' {
        $pages = Join-Path $FixturesRoot 'pages/*.html'
        $tagged = @(Get-AiArticle -Path $pages | Add-AiTag)
        $kept = @(Get-AiArticle -Path $pages -AiOnly)
        $kept.Count | Should -BeGreaterThan 0
        $kept.Count | Should -BeLessThan $tagged.Count
        $kept.Url | Should -Be @($tagged | Where-Object IsAiRelated | ForEach-Object Url)
        $kept | ForEach-Object { $_.IsAiRelated | Should -BeTrue }
        $kept.Title | Should -Not -Contain '[AI웹툰] 가상 이야기 : 2화'
    }
    It 'leaves AI-unrelated articles to a Where-Object IsAiRelated step' {
        $kept = @($script:Fixtures.Keys | ForEach-Object { Get-Fixture $_ } | Add-AiTag | Where-Object IsAiRelated)
        $kept.Url | Should -Not -Contain 'https://example.com/webtoon/12'
        $kept.Url | Should -Contain 'https://example.com/news/5'
    }
}

Describe 'Quality on the hand-labelled articles' {
    It 'meets the targets: organization >= 0.85, tag micro-F1 >= 0.75, AI relevance >= 0.95' -Skip:(-not $HasShared) {
        $tagger = [AiNews.Tagging.Tagger]::new([AiNews.Tagging.Taxonomy]::Default)
        $rows = Get-Content (Join-Path $SharedRoot 'corpus/labels/dev.jsonl') -Encoding utf8 | Where-Object { $_.Trim() } | ForEach-Object { $_ | ConvertFrom-Json }
        $orgOk = 0; $orgN = 0; $aiOk = 0; $tp = 0; $fp = 0; $fn = 0
        foreach ($row in $rows) {
            $r = $tagger.Tag($row.title, $row.text, $null)
            if ($r.IsAiRelated -eq [bool]$row.ai_related) { $aiOk++ }
            if (-not $row.ai_related) { continue }
            $orgN++
            if ($r.Organization -eq $row.org) { $orgOk++ }
            $p = @($r.Tags); $e = @($row.tags)
            $tp += @($p | Where-Object { $e -contains $_ }).Count
            $fp += @($p | Where-Object { $e -notcontains $_ }).Count
            $fn += @($e | Where-Object { $p -notcontains $_ }).Count
        }
        ($orgOk / $orgN) | Should -BeGreaterOrEqual 0.85
        (2 * $tp / (2 * $tp + $fp + $fn)) | Should -BeGreaterOrEqual 0.75
        ($aiOk / $rows.Count) | Should -BeGreaterOrEqual 0.95
    }
}

Describe 'The shipped taxonomy' {
    BeforeAll { $script:Tx = [AiNews.Tagging.Taxonomy]::Default }
    It 'holds the organizations, buckets and tags of the labelling guide' {
        $orgs = 'OpenAI', 'Google', 'Anthropic', 'Meta', 'Microsoft', 'NVIDIA', 'Amazon', 'Apple', 'xAI', 'Samsung', 'SK', 'LG',
            'Naver', 'Kakao', 'DeepSeek', 'Alibaba', 'Tesla'
        @($script:Tx.Organizations.Name) | Should -Be $orgs
        @($script:Tx.OrganizationLabels) | Should -Be ($orgs + @('국내 연구기관', '정부', '국내 기업', '해외 기업', '기타'))
        @($script:Tx.Tags.Name | Sort-Object) | Should -Be (@('LLM', '이미지 생성', '영상 생성', '추론 AI', '에이전트', '멀티모달', '오픈소스',
                '강화학습', '로보틱스', '음성/오디오', 'AI 반도체', '정책/규제', '투자/비즈니스', '연구', '보안/안전') | Sort-Object)
    }
    It 'names every organization in Korean and in English' {
        foreach ($o in $script:Tx.Organizations) {
            @($o.Names | Where-Object { $_ -match '[가-힣]' }).Count | Should -BeGreaterThan 0 -Because $o.Name
            @($o.Names | Where-Object { $_ -match '^[A-Za-z]' }).Count | Should -BeGreaterThan 0 -Because $o.Name
        }
    }
}
