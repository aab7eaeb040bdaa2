# Add-AiSummary and the extractive summarizer: sentence splitting, what a summary may hold, the archive corpus.
BeforeDiscovery { . "$PSScriptRoot/SharedCorpus.ps1" }

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:Fixtures = @{}
    Get-Content (Join-Path $FixturesRoot 'summary-articles.json') -Raw -Encoding utf8 | ConvertFrom-Json |
        ForEach-Object { $_ } | ForEach-Object { $script:Fixtures[$_.Id] = $_ }
    function Get-Fixture([string] $Id) {
        $f = $script:Fixtures[$Id]
        [pscustomobject]@{ Title = $f.Title; Url = $f.Url; Content = $f.Content; Language = $f.PSObject.Properties['Language']?.Value }
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
    It 'keeps a German quotation („…“) inside its sentence, and ends the sentence after it' {
        Split-Sentence 'Die Firma stellte einen Chip vor. „Wir sind zufrieden. Sehr sogar“, sagte die Chefin. Der Preis fehlt.' |
            Should -Be @('Die Firma stellte einen Chip vor.', '„Wir sind zufrieden. Sehr sogar“, sagte die Chefin.', 'Der Preis fehlt.')
    }
    It 'does not end a sentence inside parentheses' {
        Split-Sentence '가온(Gaon Corp. 대표 김가온)이 새 칩을 공개했다고 9일 밝혔다. 양산은 내년에 시작된다.' |
            Should -Be @('가온(Gaon Corp. 대표 김가온)이 새 칩을 공개했다고 9일 밝혔다.', '양산은 내년에 시작된다.')
        Split-Sentence '아폴론(Apollon. 대표 홍아람)이 특허 2건을 등록했다. 회사는 기뻐했다.' |
            Should -Be @('아폴론(Apollon. 대표 홍아람)이 특허 2건을 등록했다.', '회사는 기뻐했다.')
        # A parenthesis that never closes does not swallow the sentences after it.
        (Split-Sentence '목록(첫째. 둘째. 셋째. 새 문장이다.').Count | Should -Be 4
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

Describe 'Summaries a reader can skim (issue 11)' {
    BeforeAll {
        function Get-WordCount([string] $Text) { @($Text -split '\s+' | Where-Object { $_ }).Count }
        # Whether $Summary is made of whole sentences of $Content, in their order: no sentence cut in the middle.
        function Test-WholeSentences([string] $Summary, [string] $Content) {
            $whole = Split-Sentence $Content
            $at = -1
            foreach ($s in (Split-Sentence $Summary)) {
                $i = [array]::IndexOf($whole, $s, $at + 1)
                if ($i -le $at) { return $false }
                $at = $i
            }
            $true
        }
    }
    It 'fits a Korean summary into 300 characters of whole sentences, the most it can hold' {
        $f = Get-Fixture 'long-korean'
        $a = $f | Add-AiSummary
        $a.Summary.Length | Should -BeLessOrEqual 300
        Test-WholeSentences $a.Summary $f.Content | Should -BeTrue
        # Five sentences of about 100 characters: two fit, a third would pass 300.
        (Split-Sentence $a.Summary).Count | Should -Be 2
    }
    It 'fits an English summary into 60 words of whole sentences, and -MaxLength 350 into 70' {
        $f = Get-Fixture 'long-english'
        $a = $f | Add-AiSummary
        Get-WordCount $a.Summary | Should -BeLessOrEqual 60
        Test-WholeSentences $a.Summary $f.Content | Should -BeTrue
        $a.Summary | Should -Not -Match '…$'
        $b = $f | Add-AiSummary -MaxLength 350 -Force      # 70 words: two sentences of about 30 words
        Get-WordCount $b.Summary | Should -BeLessOrEqual 70
        (Split-Sentence $b.Summary).Count | Should -Be 2
        Test-WholeSentences $b.Summary $f.Content | Should -BeTrue
    }
    It 'never takes more than three sentences, even with room for more' {
        $a = Get-Fixture 'long-korean' | Add-AiSummary -MaxLength 5000
        (Split-Sentence $a.Summary).Count | Should -Be 3
    }
    It 'shortens the best sentence at a clause break, marked with …, only when no whole sentence fits' {
        $f = Get-Fixture 'over-long-korean'
        (Split-Sentence $f.Content | ForEach-Object Length | Measure-Object -Minimum).Minimum | Should -BeGreaterThan 300
        $a = $f | Add-AiSummary
        $a.Summary.Length | Should -BeLessOrEqual 300
        $a.Summary | Should -Match '[가-힣]…$'             # cut after a clause (…있으며), not inside a word
        $f.Content.StartsWith($a.Summary.TrimEnd('…')) | Should -BeTrue
        $e = Get-Fixture 'long-english' | Add-AiSummary -MaxLength 100   # 20 words; every sentence has about 30
        Get-WordCount $e.Summary | Should -BeLessOrEqual 20
        $e.Summary | Should -Match '\w…$'
    }
    It 'leaves out a sentence the source cut off with "..." and a line that starts mid-sentence' {
        $content = "회사는 새 로봇을 공개했다고 밝혔다.`n`n새 로봇은 이전 모델보다 빠르게 상자를 옮긴다.`n`n, 그리고 회사는 내년 해외 시장에 진출할 계획이다.`n`n김 대표는 `"앞으로는 물류 현장 전체를 AI로 연결하는 단계로 나아가 도시 물류의 지능화를..."
        $a = [pscustomobject]@{ Title = '로봇 공개'; Url = 'https://example.com/sum/9'; Content = $content; Language = 'ko' } | Add-AiSummary
        $a.Summary | Should -Be '회사는 새 로봇을 공개했다고 밝혔다. 새 로봇은 이전 모델보다 빠르게 상자를 옮긴다.'
        $e = [pscustomobject]@{ Title = 'A robot'; Url = 'https://example.com/sum/10'; Language = 'en'
            Content = "The company showed its new robot on Monday.`n`nThe robot moves boxes faster than the old model did.`n`nThe move comes as warehouses scramble to hire more workers, while" } | Add-AiSummary
        $e.Summary | Should -Be 'The company showed its new robot on Monday. The robot moves boxes faster than the old model did.'
    }
    It 'leaves out an author box the extraction kept, its name lost or not, and keeps a product described as an editor' {
        $boxes = @(
            "is a news writer who covers consumer tech and social media. Previously, she was a writer and editor at Example Weekly."
            "Jane Doe is a senior reporter for Example Daily, covering chips and AI policy. Previously, she worked at Example Wire."
        )
        $story = "Acme released a video app on Monday that writes captions by itself.`n`nThe app runs on phones and needs no account."
        $n = 20
        foreach ($box in $boxes) {
            $a = [pscustomobject]@{ Title = 'Acme app'; Url = "https://example.com/box/$(($n++))"; Language = 'en'; Content = "$box`n`n$story" } | Add-AiSummary
            $a.Summary | Should -Be 'Acme released a video app on Monday that writes captions by itself. The app runs on phones and needs no account.'
        }
        $p = [pscustomobject]@{ Title = 'A video tool'; Url = 'https://example.com/box/30'; Language = 'en'
            Content = "CapCut is a video editor from ByteDance with millions of users.`n`nIt added an AI voice feature this week." } | Add-AiSummary
        $p.Summary | Should -Match '^CapCut is a video editor from ByteDance'
    }
    It 'leaves out a photo caption that ends in its credit, keeps the text after a credit and a sentence that cites its source' {
        $content = "한빛전자 모델이 서울 전시관에서 새 물류 로봇을 소개하고 있다(사진:한빛전자).`n`n" +
            "한빛전자가 물류 창고용 로봇을 공개했다.`n`n(사진=한빛전자) 새 로봇은 상자를 이전 모델보다 두 배 빠르게 옮긴다.`n`n회사는 내년 해외 시장에 진출할 계획이다."
        $a = [pscustomobject]@{ Title = '로봇 공개'; Url = 'https://example.com/caption/1'; Content = $content; Language = 'ko' } | Add-AiSummary
        $a.Summary | Should -Not -Match '소개하고 있다'
        $a.Summary | Should -Match '^한빛전자가 물류 창고용 로봇을 공개했다\. 새 로봇은 상자를'
        # A source's credit cites data for the sentence it ends: the sentence stays, without the credit.
        $d = [pscustomobject]@{ Title = '시장 조사'; Url = 'https://example.com/caption/2'; Language = 'ko'
            Content = "국내 물류 로봇 시장은 지난해 3조원 규모로 성장한 것으로 나타났다(자료=한빛리서치).`n`n업계는 올해도 성장이 이어질 것으로 본다." } | Add-AiSummary
        $d.Summary | Should -Match '^국내 물류 로봇 시장은 지난해 3조원 규모로 성장한 것으로 나타났다'
        $d.Summary | Should -Not -Match '자료='
    }
    It 'leaves out the subtitle lines that open the body and a repeated standfirst' {
        $a = Get-Fixture 'subtitled-korean' | Add-AiSummary
        $a.Summary | Should -Not -Match '해외 진출도 추진'
        $a.Summary | Should -Not -Match '이제 시작"'
        $a.Summary | Should -Match '^한빛로보틱스가'
        $d = Get-Fixture 'repeated-dek' | Add-AiSummary
        $d.Summary | Should -Not -Match 'The agent fills in formulas'
        $d.Summary | Should -Match 'Example Corp said'
    }
    It 'leaves out the pieces of a quotation too long to be one sentence, sentences whose quotes do not pair, and the writer''s own questions' {
        # A quotation over 400 characters is split at its own full stops: its pieces are someone's words without the marks.
        $english = [pscustomobject]@{ Title = 'Example Pay cuts half its staff'; Url = 'https://example.com/sum/quote-en'; Language = 'en'; Content = @(
            'Example Pay is cutting its staff by nearly half, more than 4,000 jobs, as it bets its business on AI. The company will shrink from 10,000 people to less than 6,000 this year, its chief executive says. So why cut staff when the business is strong? AI.',
            '“Our business is strong and the AI tools we build let smaller teams do more. Gross profit continues to grow, we serve more customers every quarter, and profitability is improving every year. But something has changed in how our teams work with AI, and we would rather act now than wait. Smaller and flatter teams with AI tools are enabling a new way of working at the company. We expect to keep hiring engineers who build these AI tools,” he says.') -join "`n`n" }
        foreach ($count in 1..3) {
            $summary = ($english | Add-AiSummary -SentenceCount $count -Force).Summary
            $summary | Should -Match '^Example Pay is cutting'
            $summary | Should -Not -Match 'Our business|Gross profit|something has changed|new way of working|keep hiring|\?' -Because "a summary of $count sentence(s)"
        }
        # A quotation broken over two lines: neither line pairs its marks.
        $korean = [pscustomobject]@{ Title = '가온페이, 상담 업무에 AI 도입'; Url = 'https://example.com/sum/quote-ko'; Language = 'ko'; Content = @(
            '가온페이가 고객 상담 업무 전체에 AI 에이전트를 도입했다고 15일 밝혔다.',
            '김 대표는 “AI 에이전트 도입으로 상담 비용이 절반 가까이 줄었고 고객 응답 시간도 크게 짧아졌다.',
            '고객사에 더 나은 상담 서비스를 제공할 수 있게 됐다”고 말했다.',
            '회사는 올해 안에 AI 에이전트를 해외 고객 상담에도 적용할 계획이다.') -join "`n" }
        $summary = ($korean | Add-AiSummary).Summary
        $summary | Should -Be '가온페이가 고객 상담 업무 전체에 AI 에이전트를 도입했다고 15일 밝혔다. 회사는 올해 안에 AI 에이전트를 해외 고객 상담에도 적용할 계획이다.'
    }
    It 'leaves out a Korean line that ends in a noun (a caption) and one that opens with a postposition (a name lost before it)' {
        $article = [pscustomobject]@{ Title = '가온연구소, 저전력 칩 개발'; Url = 'https://example.com/sum/caption-ko'; Language = 'ko'; Content = @(
            '가온연구소 연구진이 개발한 저전력 AI 칩의 구조와 동작 원리를 보여주는 모식도.',
            '가온연구소는 저전력 AI 칩을 개발해 데이터센터의 전력 소비를 절반으로 줄였다고 15일 밝혔다.',
            '를 통해 가온연구소는 저전력 AI 칩의 전력 효율을 두 배로 높였다고 설명했다.',
            '연구진은 AI 칩 설계를 내년까지 상용화할 계획이다(표 1).') -join "`n" }
        ($article | Add-AiSummary).Summary | Should -Be '가온연구소는 저전력 AI 칩을 개발해 데이터센터의 전력 소비를 절반으로 줄였다고 15일 밝혔다. 연구진은 AI 칩 설계를 내년까지 상용화할 계획이다(표 1).'
    }
    It 'takes a sentence that leans on the one before it ("이는", "It") only together with that one' {
        $ko = "가온반도체가 15일 새 AI 칩 '누리'를 공개했다.`n`n이는 데이터센터의 AI 추론 전력 소비를 절반으로 줄이는 칩 설계를 적용한 첫 제품이다.`n`n" +
            "회사는 데이터센터 고객사의 AI 추론 전력 소비가 해마다 늘고 있다고 설명했다.`n`n그는 AI 칩 설계가 데이터센터 전력 소비를 줄이는 열쇠라고 말했다.`n`n양산은 내년 상반기에 시작된다."
        $en = "Example Chips unveiled a new AI accelerator on Monday.`n`nIt cuts the power that data centers spend on AI inference by half, the company says.`n`n" +
            "Data centers now spend more power on AI inference every year.`n`nThe accelerator ships to data center customers next spring."
        $korean = [pscustomobject]@{ Title = '가온반도체, 새 AI 칩 공개'; Url = 'https://example.com/sum/lean-ko'; Content = $ko; Language = 'ko' }
        $english = [pscustomobject]@{ Title = 'Example Chips unveils an accelerator'; Url = 'https://example.com/sum/lean-en'; Content = $en; Language = 'en' }
        # The most central sentence of each leans on the lead: alone it would name no one.
        ($korean | Add-AiSummary -SentenceCount 1).Summary | Should -Not -Match '^(이는|그는)'
        ($english | Add-AiSummary -SentenceCount 1).Summary | Should -Not -Match '^It '
        ($korean | Add-AiSummary -SentenceCount 2 -Force).Summary | Should -Be "가온반도체가 15일 새 AI 칩 '누리'를 공개했다. 이는 데이터센터의 AI 추론 전력 소비를 절반으로 줄이는 칩 설계를 적용한 첫 제품이다."
        ($english | Add-AiSummary -SentenceCount 2 -Force).Summary | Should -Be 'Example Chips unveiled a new AI accelerator on Monday. It cuts the power that data centers spend on AI inference by half, the company says.'
        # "그는" follows "회사는 …": never without it.
        foreach ($count in 1..3) {
            $summary = ($korean | Add-AiSummary -SentenceCount $count -Force).Summary
            if ($summary -match '그는') { $summary | Should -Match '설명했다\. 그는' }
        }
    }
}

Describe 'The archive corpus' {
    It 'gives every archived article with two or more sentences a short summary of whole sentences, never its title or standfirst' -Skip:(-not $HasShared) {
        $files = Get-ChildItem (Join-Path $SharedRoot 'corpus/seed-archive') -Recurse -Filter '*.md' |
            Where-Object Name -Match '^\d\d-\d\d\.md$' | Sort-Object FullName
        $articles = @($files | ForEach-Object { ConvertFrom-AiDigest -LiteralPath $_.FullName -WarningAction SilentlyContinue })
        $articles.Count | Should -Be 994
        $eligible = @($articles | Where-Object { (Split-Sentence $_.Content).Count -ge 2 })
        $eligible.Count | Should -BeGreaterThan 900
        $summarised = @($eligible | Add-AiSummary -Force)
        $problems = $summarised | Get-SummaryProblem
        $problems | Should -BeNullOrEmpty
        # A summary opens with a sentence a reader can take alone: not a pronoun or connective that points back to a
        # sentence the summary leaves out (allowed only when the article offers nothing else; 32 of 993 before the rule).
        $leaning = @($summarised | Where-Object { $_.Summary -cmatch '^(이는 |이들은 |이에 |이를 |그는 |그녀는 |그러나 |하지만 |또한 |특히 |한편 |He |She |They |It |This is |But |However|Also |Meanwhile)' })
        # Nor does it hold a piece of a quotation whose marks do not pair, or a question without its answer (11 and 9 before).
        $broken = @($summarised | Where-Object { foreach ($s in Split-Sentence $_.Summary) {
            if ((([regex]::Matches($s, '[“”]')).Count % 2) -or (([regex]::Matches($s, '"')).Count % 2) -or $s.TrimEnd('”', '"', ' ').EndsWith('?')) { $true; break } } })
        $broken.Count | Should -BeLessOrEqual ([math]::Ceiling($summarised.Count / 100)) -Because "$($broken.Count) summaries hold a quotation piece or a question: $(@($broken | Select-Object -First 3 | ForEach-Object Summary) -join ' / ')"
        $leaning.Count | Should -BeLessOrEqual ([math]::Ceiling($summarised.Count / 100)) -Because "$($leaning.Count) summaries open by pointing back: $(@($leaning | Select-Object -First 3 | ForEach-Object Summary) -join ' / ')"
    }
}

Describe 'LLM provider (loopback Chat Completions server)' {
    BeforeAll {
        . "$PSScriptRoot/TestSite.ps1"
        $script:Site = Start-TestSite -FixturesOnly
        $script:Endpoint = "$($script:Site.Url)v1"   # the site's Chat Completions endpoint (tests/TestSite/ChatCompletions.cs)
        $script:Key = 'sk-test-' + [guid]::NewGuid().ToString('N')
        $env:AINEWS_LLM_API_KEY = $script:Key
        $f = $script:Fixtures['korean']
        function New-LlmArticle([string] $Marker, [string] $Source = 'Example News') {
            [pscustomobject]@{ Title = "$($f.Title) $Marker"; Url = 'https://example.com/llm/' + [guid]::NewGuid(); Source = $Source; Content = $f.Content }
        }
        function Invoke-Llm([object[]] $Articles, [hashtable] $Extra = @{}) {
            $cache = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $p = @{ Endpoint = $script:Endpoint; Model = 'test-model'; CachePath = $cache }
            foreach ($k in $Extra.Keys) { $p[$k] = $Extra[$k] }
            $out = $Articles | Add-AiSummary @p -Verbose 6>&1 5>&1 3>&1 4>&1
            [pscustomobject]@{
                Articles = @($out | Where-Object { $_ -is [AiNews.Article] })
                Report   = @($out | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$($_.MessageData)" })
                Warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
                Verbose  = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
                Cache    = $cache
            }
        }
    }
    AfterAll {
        if ($script:Site) { Stop-TestSite $script:Site }
        Remove-Item Env:AINEWS_LLM_API_KEY -ErrorAction SilentlyContinue
    }

    It 'takes summary and labels from one structured request, sends the key from the environment, reports one line' {
        $before = @(Get-TestSiteChatRequest $Site).Count
        $r = Invoke-Llm @(New-LlmArticle '[ok]') @{ UseLlmLabels = $true }
        $a = $r.Articles[0]
        $a | Should -BeOfType ([AiNews.Article])
        $a.Summary | Should -Be '모델이 쓴 요약입니다. 두 번째 문장입니다.'
        $a.Organization | Should -Be 'OpenAI'
        $a.Organizations | Should -Be @('OpenAI')   # the organization index of the digest finds it
        $a.Tags | Should -Be @('LLM', '추론 AI')
        $a.Importance | Should -Be '주요'
        $r.Report | Should -Be @('LLM: 1 ok, 0 retried, 0 fell back')
        $req = @(Get-TestSiteChatRequest $Site)[$before]
        $req.Path | Should -Be '/v1/chat/completions'
        $req.Authorization | Should -Be "Bearer $($script:Key)"
        $req.Model | Should -Be 'test-model'
    }
    It 'never writes the API key into verbose output or warnings' {
        $r = Invoke-Llm @((New-LlmArticle '[ok]'), (New-LlmArticle '[bad-json]'))
        ($r.Verbose + $r.Warnings + $r.Report) -join "`n" | Should -Not -Match ([regex]::Escape($script:Key))
    }
    It 'takes -ApiKey as a SecureString over the environment variable' {
        $before = @(Get-TestSiteChatRequest $Site).Count
        $secure = ConvertTo-SecureString 'sk-from-parameter' -AsPlainText -Force
        $null = Invoke-Llm @(New-LlmArticle '[ok]') @{ ApiKey = $secure }
        @(Get-TestSiteChatRequest $Site)[$before].Authorization | Should -Be 'Bearer sk-from-parameter'
    }
    It 'retries once with a larger budget after finish_reason "length", a stray label, or HTTP 500' {
        $before = @(Get-TestSiteChatRequest $Site).Count
        $r = Invoke-Llm @((New-LlmArticle '[length-once]'), (New-LlmArticle '[stray-tag-once]'), (New-LlmArticle '[http500-once]'))
        $r.Report | Should -Be @('LLM: 0 ok, 3 retried, 0 fell back')
        $r.Articles.Summary | ForEach-Object { $_ | Should -Be '모델이 쓴 요약입니다. 두 번째 문장입니다.' }
        $requests = @(Get-TestSiteChatRequest $Site)[$before..($before + 5)]
        $requests.Count | Should -Be 6
        $requests[1].MaxTokens | Should -BeGreaterThan $requests[0].MaxTokens
    }
    It 'falls back with a warning, not a crash, when the answer or the whole response nests 50,000 brackets, and summarises the others' {
        $r = Invoke-Llm @((New-LlmArticle '[deep-json]'), (New-LlmArticle '[ok]'), (New-LlmArticle '[deep-body]'))
        $r.Articles.Count | Should -Be 3
        $r.Articles[1].Summary | Should -Be '모델이 쓴 요약입니다. 두 번째 문장입니다.'
        $r.Report | Should -Match '^LLM: 1 ok, \d+ retried, 2 fell back$'
        $r.Warnings.Count | Should -Be 2
        foreach ($i in 0, 2) { $r.Articles[$i].Summary | Should -Not -BeNullOrEmpty; $r.Articles[$i].Summary | Should -Not -Match '모델이 쓴' }
    }
    It 'falls back to the extractive summary with a warning when the answer stays invalid, or on HTTP 401 without a retry' {
        $before = @(Get-TestSiteChatRequest $Site).Count
        $r = Invoke-Llm @((New-LlmArticle '[bad-json]'), (New-LlmArticle '[http401]'))
        $r.Report | Should -Be @('LLM: 0 ok, 0 retried, 2 fell back')
        $r.Warnings.Count | Should -Be 2
        $r.Warnings[0] | Should -Match 'not a JSON object'
        $r.Articles | ForEach-Object {
            $_.Summary | Should -Not -BeNullOrEmpty
            $_.Summary | Should -Not -Be $_.Title
            $_.Summary | Should -Not -Match '모델이 쓴'
        }
        @(Get-TestSiteChatRequest $Site).Count - $before | Should -Be 3   # bad JSON twice, 401 once
    }
    It 'refuses an answer over 4 MB and a summary over 2,000 characters, and keeps every article (issue 8)' {
        $r = Invoke-Llm @((New-LlmArticle '[huge]'), (New-LlmArticle '[long-summary]'), (New-LlmArticle '[ok]'))
        $r.Articles.Count | Should -Be 3
        $r.Report | Should -Be @('LLM: 1 ok, 0 retried, 2 fell back')
        $r.Warnings[0] | Should -Match 'larger than 4 MB'
        $r.Warnings[1] | Should -Match 'more than the 2,000 allowed'
        $r.Articles[0].Summary.Length | Should -BeLessThan 2000
        $r.Articles[1].Summary | Should -Not -Match '긴 요약'
        $r.Articles[2].Summary | Should -Be '모델이 쓴 요약입니다. 두 번째 문장입니다.'
    }
    It 'bounds a slow endpoint by -TimeoutSec, without retries, and gives it up after two timeouts in a row (issue 8)' {
        $before = @(Get-TestSiteChatRequest $Site).Count
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $r = Invoke-Llm @((New-LlmArticle '[slow]'), (New-LlmArticle '[slow]'), (New-LlmArticle '[slow]'), (New-LlmArticle '[slow]')) @{ TimeoutSec = 1 }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 6   # was 2 × 120 s per article
        $r.Articles.Count | Should -Be 4
        $r.Articles | ForEach-Object { $_.Summary | Should -Not -BeNullOrEmpty }
        $r.Report | Should -Be @('LLM: 0 ok, 0 retried, 4 fell back')
        $r.Warnings[0] | Should -Match 'timed out'
        $r.Warnings[3] | Should -Match 'not asked again'
        @(Get-TestSiteChatRequest $Site).Count - $before | Should -BeLessOrEqual 2   # two asked, none retried, the rest not asked
    }
    It 'shows the endpoint without its query string in -Verbose (issue 8)' {
        $r = Invoke-Llm @(New-LlmArticle '[ok]') @{ Endpoint = "$($script:Endpoint)/chat/completions?key=sk-in-query-123" }
        $r.Articles[0].Summary | Should -Be '모델이 쓴 요약입니다. 두 번째 문장입니다.'
        ($r.Verbose -join "`n") | Should -Match 'chat/completions\?…'
        ($r.Verbose + $r.Warnings) -join "`n" | Should -Not -Match 'sk-in-query'
    }
    It 'answers an article it has seen from the cache (content hash + model + prompt version)' {
        $article = New-LlmArticle '[ok]'
        $cache = Join-Path $TestDrive 'shared-cache'
        $p = @{ Endpoint = $script:Endpoint; Model = 'test-model'; CachePath = $cache }
        $null = $article | Add-AiSummary @p 6>$null
        $before = @(Get-TestSiteChatRequest $Site).Count
        $report = $article | Add-AiSummary @p -Force 6>&1 | Where-Object { $_ -is [System.Management.Automation.InformationRecord] }
        @(Get-TestSiteChatRequest $Site).Count | Should -Be $before
        "$($report.MessageData)" | Should -Be 'LLM: 1 ok, 0 retried, 0 fell back (1 from cache)'
        $null = $article | Add-AiSummary @p -Force -Model 'other-model' 6>$null
        @(Get-TestSiteChatRequest $Site).Count | Should -Be ($before + 1)
    }
    It 'summarises extractively, and says why, when the source forbids AI processing' {
        $before = @(Get-TestSiteChatRequest $Site).Count
        $r = Invoke-Llm @(New-LlmArticle '[ok]' 'AI타임스')
        @(Get-TestSiteChatRequest $Site).Count | Should -Be $before
        $r.Articles[0].Summary | Should -Not -Match '모델이 쓴'
        $r.Verbose -join "`n" | Should -Match 'forbids AI processing'
        $r.Report | Should -Be @('LLM: 0 ok, 0 retried, 0 fell back; 1 extractive by source policy')
    }
    It 'asks again without response_format when the server rejects it with HTTP 400' {
        $before = @(Get-TestSiteChatRequest $Site).Count
        $r = Invoke-Llm @(New-LlmArticle '[no-json-mode]')
        $r.Report | Should -Be @('LLM: 1 ok, 0 retried, 0 fell back')
        $r.Articles[0].Summary | Should -Be '모델이 쓴 요약입니다. 두 번째 문장입니다.'
        @(Get-TestSiteChatRequest $Site).Count - $before | Should -Be 2
    }
    It 'keeps the tagger''s labels without -UseLlmLabels and takes the LLM''s (from the taxonomy) with it (issue 11)' {
        $tagged = New-LlmArticle '[ok]' | Add-AiTag
        $tagged.Organization | Should -Not -Be 'OpenAI'     # the tagger decides otherwise than the model's answer
        $organization, $tags, $importance = $tagged.Organization, @($tagged.Tags), $tagged.Importance
        $kept = (Invoke-Llm @($tagged)).Articles[0]
        $kept.Summary | Should -Be '모델이 쓴 요약입니다. 두 번째 문장입니다.'
        $kept.Organization | Should -Be $organization
        @($kept.Tags) | Should -Be $tags
        $kept.Importance | Should -Be $importance
        # The model's first answer has a tag outside the taxonomy: it is asked again, and only labels of the taxonomy are set.
        $taken = (Invoke-Llm @(New-LlmArticle '[stray-tag-once]' | Add-AiTag) @{ UseLlmLabels = $true }).Articles[0]
        $taken.Organization | Should -Be 'OpenAI'
        $taken.Organizations[0] | Should -Be 'OpenAI'
        $taken.Tags | Should -Be @('LLM', '추론 AI')
        $taken.Importance | Should -Be '주요'
        $taxonomyTags = @([AiNews.Tagging.Taxonomy]::Default.Tags | ForEach-Object Name)
        $taken.Tags | ForEach-Object { $taxonomyTags | Should -Contain $_ }
    }
    It 'refuses -KeepLabels with -UseLlmLabels, and warns that -KeepLabels is obsolete' {
        $p = @{ Endpoint = $script:Endpoint; Model = 'test-model'; CachePath = (Join-Path $TestDrive 'conflict') }
        { New-LlmArticle '[ok]' | Add-AiSummary @p -KeepLabels -UseLlmLabels -ErrorAction Stop } |
            Should -Throw -ErrorId 'AiNews.ConflictingParameters,AiNews.Commands.AddAiSummaryCommand'
        $out = New-LlmArticle '[ok]' | Add-AiSummary @p -KeepLabels 3>&1 6>$null
        @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -Match 'obsolete'
        @($out | Where-Object { $_ -is [AiNews.Article] }).Count | Should -Be 1
    }
    It 'falls back to an extractive summary within -MaxLength' {
        $r = Invoke-Llm @(New-LlmArticle '[bad-json]') @{ MaxLength = 60 }
        $r.Articles[0].Summary | Should -Not -BeNullOrEmpty
        $r.Articles[0].Summary.Length | Should -BeLessOrEqual 60
    }
    It 'writes -Debug lines with request and response sizes and cache hits, never the key, and a progress bar (issue 13)' {
        $article = New-LlmArticle '[ok]'
        $cache = Join-Path $TestDrive 'debug-cache'
        $p = @{ Endpoint = $script:Endpoint; Model = 'test-model'; CachePath = $cache }
        $DebugPreference = 'Continue'   # what -Debug asks for, without its prompt in a non-interactive host
        $first = @($article | Add-AiSummary @p 5>&1 6>$null | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        $first -join "`n" | Should -Match 'cache miss'
        $first -join "`n" | Should -Match 'LLM request for .*: [\d,]+ bytes sent .*HTTP 200, [\d,]+ bytes back'
        $second = @($article | Add-AiSummary @p -Force 5>&1 6>$null | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        $second -join "`n" | Should -Match 'cache hit'
        ($first + $second) -join "`n" | Should -Not -Match ([regex]::Escape($script:Key))
        # Progress: one record per article, then Completed (read through a PowerShell instance's Progress stream).
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($m, $a, $p) Import-Module $m; $a | Add-AiSummary @p').AddArgument((Join-Path $RepoRoot 'AiNews.psd1')).AddArgument(@((New-LlmArticle '[ok]'), (New-LlmArticle '[ok]'))).AddArgument($p)
            $out = $ps.Invoke()
            $out.Count | Should -Be 2
            $progress = @($ps.Streams.Progress | Where-Object Activity -Match 'test-model')
            @($progress | Where-Object RecordType -EQ 'Processing').Count | Should -Be 2
            $progress[-1].RecordType | Should -Be 'Completed'
        } finally { $ps.Dispose() }
    }
    It 'stops within seconds on Ctrl+C while the endpoint is silent (issue 13)' {
        $before = @(Get-TestSiteChatRequest $Site).Count
        $ps = [powershell]::Create()
        try {
            $p = @{ Endpoint = $script:Endpoint; Model = 'test-model'; CachePath = (Join-Path $TestDrive 'stop'); TimeoutSec = 60 }
            $null = $ps.AddScript('param($m, $a, $p) Import-Module $m; $a | Add-AiSummary @p').AddArgument((Join-Path $RepoRoot 'AiNews.psd1')).AddArgument(@((New-LlmArticle '[silent]'), (New-LlmArticle '[ok]'))).AddArgument($p)
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (@(Get-TestSiteChatRequest $Site).Count -eq $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            @(Get-TestSiteChatRequest $Site).Count | Should -Be ($before + 1)   # the request is in flight, unanswered
            # Stop is what Ctrl+C does; waited for with a limit, so a cmdlet that ignores it fails the test, not hangs it.
            $stopping = $ps.BeginStop($null, $null)
            $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(3)) | Should -BeTrue -Because 'Stop must cancel the request in flight'
            $async.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            @(Get-TestSiteChatRequest $Site).Count | Should -Be ($before + 1)   # the next article was not asked about
        } finally { $ps.Dispose() }
    }
    It 'asks for Korean summaries with -Language ko' {
        $before = @(Get-TestSiteChatRequest $Site).Count
        $null = Invoke-Llm @([pscustomobject]@{ Title = 'Example Labs releases a model [ok]'; Url = 'https://example.com/en'; Content = $script:Fixtures['english'].Content }) @{ Language = 'ko' }
        @(Get-TestSiteChatRequest $Site)[$before].System | Should -Match 'Korean'
    }
}

Describe 'Extractive summaries of pages with repeats' {
    BeforeAll {
        . "$PSScriptRoot/TestSetup.ps1"
        $f = Get-Content (Join-Path $FixturesRoot 'summary-articles.json') -Raw -Encoding utf8 | ConvertFrom-Json | ForEach-Object { $_ } |
            Where-Object Id -EQ 'repeated-dek'
        $script:Dek = [pscustomobject]@{ Title = $f.Title; Url = $f.Url; Content = $f.Content }
    }
    It 'leaves out a repeated standfirst and skips a sentence cut at its start' {
        $a = $script:Dek | Add-AiSummary
        ([regex]::Matches($a.Summary, 'The agent fills in formulas')).Count | Should -Be 0
        $a.Summary | Should -Not -Match 'but only for paying'
    }
}
