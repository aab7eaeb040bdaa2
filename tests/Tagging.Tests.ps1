# Add-AiTag and the tagging engine: word matching, organization choice, AI relevance, the cmdlet, training, and quality in cross-validation.
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
    It 'does not take a company inside a relative clause of the headline for its subject ("엔비디아 ... 거절한 X")' {
        $tagger = [AiNews.Tagging.Tagger]::new([AiNews.Tagging.Taxonomy]::Default)
        $text = '칩 설계 스타트업 세레노바가 새 투자를 유치했다고 3일 밝혔다. 세레노바는 지난해 엔비디아의 인수 제안을 거절한 바 있다. 세레노바는 이번 투자로 AI 추론 칩 양산에 나선다.'
        $r = $tagger.Tag('엔비디아 인수 제안을 거절한 칩 설계 스타트업 세레노바, 기업가치 3배로', $text)
        $r.Subject | Should -Not -BeLike '*엔비디아*'
        $tagger.Tag('엔비디아, 새 AI 추론 칩 공개', '엔비디아가 새 AI 추론 칩을 공개했다. 엔비디아는 이 칩을 내년에 출시한다.').Subject | Should -BeLike '엔비디아*'
    }
    It 'takes an unknown word opening the headline with any subject particle for its subject ("세레노바도 ...", as "세레노바가 ...")' {
        $tagger = [AiNews.Tagging.Tagger]::new([AiNews.Tagging.Taxonomy]::Default)
        $text = '칩 설계 스타트업 세레노바가 새 AI 추론 칩을 공개했다. 세레노바는 이 칩을 내년에 양산한다.'
        $tagger.Tag('세레노바가 AI 추론 칩 공개', $text).Subject | Should -BeLike '세레노바*'
        $tagger.Tag('세레노바도 AI 추론 칩 공개', $text).Subject | Should -BeLike '세레노바*'
    }
    It 'reads a country acting in the headline with the same subject particles as a company ("영국도 ...", as "영국이 ...")' {
        # Internal: the description the model reads. The bucket candidates carry the headline's context features.
        $tagger = [AiNews.Tagging.Tagger]::new([AiNews.Tagging.Taxonomy]::Default)
        $describe = [AiNews.Tagging.Tagger].GetMethod('Describe', [Reflection.BindingFlags]'NonPublic,Instance')
        $acts = {
            param([string] $Title)
            $d = $describe.Invoke($tagger, @($Title, '정부는 인공지능 안전 연구 예산을 늘린다고 밝혔다. 예산은 내년부터 집행된다.', 'ko'))
            $government = $d.Candidates | Where-Object Label -EQ '정부'
            $government.Features.Names -contains 'b:government:countryActsInTitle'
        }
        & $acts '영국도 AI 안전 연구 예산 두 배로' | Should -BeTrue
        & $acts '영국이 AI 안전 연구 예산 두 배로' | Should -BeTrue
        & $acts '영국산 AI 칩 수출 두 배로' | Should -BeFalse
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
    It 'judges with the user''s -Taxonomy in Get-AiArticle -AiOnly, as Add-AiTag -Taxonomy does' {
        $path = Join-Path $TestDrive 'ai-only.json'
        @{ organizations = @(@{ name = 'Nurivision'; country = 'KR'; names = @('누리비전') }); aiRelevance = @{ strongCues = @('웹툰') } } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $path -Encoding utf8
        $pages = Join-Path $FixturesRoot 'pages/*.html'
        $expected = @(Get-AiArticle -Path $pages | Add-AiTag -Taxonomy $path | Where-Object IsAiRelated)
        $kept = @(Get-AiArticle -Path $pages -AiOnly -Taxonomy $path)
        $kept.Url | Should -Be $expected.Url
        $broken = Join-Path $TestDrive 'broken-ai-only.json'
        Set-Content -LiteralPath $broken -Value '{ "organizations": [ { "names": ["x"] } ] }' -Encoding utf8
        { Get-AiArticle -Path $pages -AiOnly -Taxonomy $broken -ErrorAction Stop } | Should -Throw -ErrorId 'AiNews.TaxonomyInvalid*'
    }
    It 'judges the English test-site stories about language models and AI chips as AI news' {
        $phone = [pscustomobject]@{ Title = 'Why small models are winning on phones'; Url = 'https://example.com/en/1'; Source = 'x'
            Content = "Phone makers are shipping language models small enough to run without a network connection.`n`nRunning locally keeps personal data on the device and removes the wait for a server round trip." }
        $chip = [pscustomobject]@{ Title = 'Chip startup raises money for inference accelerators'; Url = 'https://example.com/en/2'; Source = 'x'
            Content = "A chip startup has raised a new round to build accelerators aimed only at running trained models.`n`nThe company says its design trades training speed for lower power draw per answer." }
        $out = @($phone, $chip | Add-AiTag)
        $out | ForEach-Object { $_.IsAiRelated | Should -BeTrue -Because $_.Title }
        $out[1].Tags | Should -Contain 'AI 반도체'
    }
    It 'leaves AI-unrelated articles to a Where-Object IsAiRelated step' {
        $kept = @($script:Fixtures.Keys | ForEach-Object { Get-Fixture $_ } | Add-AiTag | Where-Object IsAiRelated)
        $kept.Url | Should -Not -Contain 'https://example.com/webtoon/12'
        $kept.Url | Should -Contain 'https://example.com/news/5'
    }
}

Describe 'Training' {
    BeforeAll {
        # Our own fixture articles with labels of our own: enough for every model part to get weights.
        $labels = @{
            'motif-like'      = @{ Ai = $true; Org = '국내 기업'; Tags = @('보안/안전', 'LLM') }
            'world-metadata'  = @{ Ai = $false; Org = '기타'; Tags = @() }
            'metaverse'       = @{ Ai = $false; Org = '국내 기업'; Tags = @() }
            'webtoon'         = @{ Ai = $false; Org = '기타'; Tags = @() }
            'nvidia-subject'  = @{ Ai = $true; Org = 'NVIDIA'; Tags = @('AI 반도체') }
            'government'      = @{ Ai = $true; Org = '정부'; Tags = @('정책/규제', 'AI 반도체') }
            'research'        = @{ Ai = $true; Org = '국내 연구기관'; Tags = @('로보틱스', '연구') }
            'openai-particle' = @{ Ai = $true; Org = 'OpenAI'; Tags = @('추론 AI', 'LLM') }
        }
        $id = 0
        $script:Labelled = [Collections.Generic.List[AiNews.Tagging.LabelledArticle]]::new()
        foreach ($key in ($labels.Keys | Sort-Object)) {
            $f = $script:Fixtures[$key]; $l = $labels[$key]
            $script:Labelled.Add([AiNews.Tagging.LabelledArticle]@{
                    Id = ++$id; Title = $f.Title; Text = $f.Content; AiRelated = $l.Ai; Organization = $l.Org; Tags = [string[]]$l.Tags })
        }
    }
    It 'is deterministic: training twice gives the same weights, byte for byte' {
        $first = [AiNews.Tagging.TaggerTrainer]::new().Train($script:Labelled, 'fixtures').ToJson()
        $second = [AiNews.Tagging.TaggerTrainer]::new().Train($script:Labelled, 'fixtures').ToJson()
        $second | Should -BeExactly $first
        $w = [AiNews.Tagging.TaggerWeights]::Parse($first, 'fixtures')
        $w.Organization.Count | Should -BeGreaterThan 0
        $w.Tags.Keys | Should -Contain 'AI 반도체'
    }
    It 'learns from its labels: weights trained on the fixtures label them as labelled' {
        $trainer = [AiNews.Tagging.TaggerTrainer]::new()
        $e = $trainer.Evaluate($trainer.Train($script:Labelled), $script:Labelled)
        $e.AiRelevanceAccuracy | Should -Be 1
        $e.OrganizationAccuracy | Should -BeGreaterOrEqual 0.8
    }
    It 'puts each article in the same fold whatever the file order' {
        $folds = 1..1000 | ForEach-Object { [AiNews.Tagging.TaggerTrainer]::FoldOf($_, 5) }
        $folds | Group-Object | ForEach-Object { $_.Count | Should -BeGreaterThan 150 }
        [AiNews.Tagging.TaggerTrainer]::FoldOf(936, 5) | Should -Be ([AiNews.Tagging.TaggerTrainer]::FoldOf(936, 5))
    }
    It 'draws other folds for another fold assignment, and the same folds for the same one' {
        $foldsOf = { param([int] $Assignment) (1..1000 | ForEach-Object { [AiNews.Tagging.TaggerTrainer]::FoldOf($_, 5, $Assignment) }) -join ',' }
        $bench = 1..1000 | ForEach-Object { [AiNews.Tagging.TaggerTrainer]::FoldOf($_, 5) }
        & $foldsOf 0 | Should -BeExactly ($bench -join ',') -Because 'assignment 0 is the bench''s own folds'
        & $foldsOf 2 | Should -BeExactly (& $foldsOf 2)
        $one = (& $foldsOf 1) -split ','
        $moved = @(0..999 | Where-Object { $one[$_] -ne $bench[$_] }).Count
        $moved | Should -BeGreaterThan 600 -Because 'an unrelated draw moves about four articles in five'
        (& $foldsOf 3) | Should -Not -BeExactly ($one -join ',')
        $one | Group-Object | ForEach-Object { $_.Count | Should -BeGreaterThan 150 }
    }
    It 'draws a learning curve: the whole share is plain cross-validation, a part of it is drawn the same way twice, an empty share is refused' {
        $trainer = [AiNews.Tagging.TaggerTrainer]::new()
        $figures = { param($e) '{0} {1} {2}' -f $e.OrganizationAccuracy, $e.TagMicroF1, $e.AiRelevanceAccuracy }
        & $figures $trainer.CrossValidate($script:Labelled, 0, 1.0) | Should -BeExactly (& $figures $trainer.CrossValidate($script:Labelled))
        & $figures $trainer.CrossValidate($script:Labelled, 0, 0.5) | Should -BeExactly (& $figures ([AiNews.Tagging.TaggerTrainer]::new().CrossValidate($script:Labelled, 0, 0.5)))
        { $trainer.CrossValidate($script:Labelled, 0, 0.0) } | Should -Throw '*training share*'
        { $trainer.CrossValidate($script:Labelled, 0, 1.5) } | Should -Throw '*training share*'
    }
    It 'gives a user''s organization the same features as a shipped one' {
        $path = Join-Path $TestDrive 'user-org.json'
        @{ organizations = @(@{ name = 'Hanbit'; country = 'KR'; names = @('한빛로보틱스') }) } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $path -Encoding utf8
        $a = [pscustomobject]@{ Title = '한빛로보틱스, 물류 로봇용 AI 모델 공개'; Url = 'https://example.com/news/hanbit'; Source = 'x'
            Content = '한빛로보틱스가 물류 창고에서 쓰는 로봇을 위한 인공지능 모델을 공개했다. 한빛로보틱스는 이 모델이 로봇 팔의 작업 속도를 두 배로 높였다고 밝혔다. 회사는 올해 안에 국내 물류 기업 세 곳에 이 AI 모델을 공급할 계획이다.' } |
            Add-AiTag -Taxonomy $path
        $a.Organization | Should -Be 'Hanbit'
        $a.Organizations | Should -Contain 'Hanbit'
        $a.IsAiRelated | Should -BeTrue
    }
}

Describe 'Quality on the 746 hand-labelled articles (5-fold cross-validation)' {
    BeforeAll {
        if (-not $HasShared) { return }
        $script:Articles = [AiNews.Tagging.LabelledArticle]::Load((Join-Path $SharedRoot 'corpus/labels/dev-extended.jsonl'))
        $script:Trainer = [AiNews.Tagging.TaggerTrainer]::new()
        $script:Cv = $script:Trainer.CrossValidate($script:Articles)
        $script:Weights = $script:Trainer.Train($script:Articles, "dev-extended.jsonl ($($script:Articles.Count) articles)")
        $script:InSample = $script:Trainer.Evaluate($script:Weights, $script:Articles)
        Write-Host ("  CV: organization {0:0.000}, tag micro-F1 {1:0.000}, AI relevance {2:0.000}; in-sample {3:0.000} / {4:0.000} / {5:0.000}" -f
            $script:Cv.OrganizationAccuracy, $script:Cv.TagMicroF1, $script:Cv.AiRelevanceAccuracy,
            $script:InSample.OrganizationAccuracy, $script:InSample.TagMicroF1, $script:InSample.AiRelevanceAccuracy)
    }
    # Floors at what the learned tagger measures today (bench/RESULTS.md, ## Tagging), so that a change that makes it worse
    # on unseen articles fails. The issue's targets (0.88 / 0.82 / 0.96) are not reached yet; see RESULTS.md.
    It 'scores articles it was not trained on at least as well as recorded: organization >= 0.835, tags >= 0.782, AI relevance >= 0.948' -Skip:(-not $HasShared) {
        $script:Cv.Articles | Should -Be 746
        $script:Cv.OrganizationAccuracy | Should -BeGreaterOrEqual 0.835
        $script:Cv.TagMicroF1 | Should -BeGreaterOrEqual 0.782
        $script:Cv.AiRelevanceAccuracy | Should -BeGreaterOrEqual 0.948
    }
    It 'does not memorise: in-sample minus cross-validated stays small on each figure' -Skip:(-not $HasShared) {
        ($script:InSample.OrganizationAccuracy - $script:Cv.OrganizationAccuracy) | Should -BeLessOrEqual 0.03
        ($script:InSample.TagMicroF1 - $script:Cv.TagMicroF1) | Should -BeLessOrEqual 0.03
        ($script:InSample.AiRelevanceAccuracy - $script:Cv.AiRelevanceAccuracy) | Should -BeLessOrEqual 0.01
    }
    It 'beats the old keyword system on every figure' -Skip:(-not $HasShared) {
        $old = [AiNews.Tagging.TaggerTrainer]::EvaluateOldSystem($script:Articles)
        $script:Cv.OrganizationAccuracy | Should -BeGreaterThan $old.OrganizationAccuracy
        $script:Cv.TagMicroF1 | Should -BeGreaterThan $old.TagMicroF1
        $script:Cv.AiRelevanceAccuracy | Should -BeGreaterThan $old.AiRelevanceAccuracy
    }
    It 'ships the weights that training on all 746 articles gives (build.ps1 train-tagger is up to date)' -Skip:(-not $HasShared) {
        $shipped = Get-Content -LiteralPath (Join-Path $RepoRoot 'module/data/tagger-weights.json') -Raw -Encoding utf8
        $script:Weights.ToJson() | Should -BeExactly $shipped
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
