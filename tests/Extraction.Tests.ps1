# Full-text extraction (AiNews.Extraction): our own small pages in Fixtures/pages, plus a quality floor on
# the shared corpora aeb-dev and trafilatura-eval (skipped when ../shared or python3 is missing).
BeforeDiscovery { . "$PSScriptRoot/SharedCorpus.ps1" }

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:Extractor = [AiNews.Extraction.ArticleExtractor]::new()
    $script:Pages = Join-Path $FixturesRoot 'pages'
    function Read-Page([string] $Name, [string] $Url = 'https://www.example.org/news/articleView.html?idxno=1001') {
        $html = [IO.File]::ReadAllText((Join-Path $script:Pages $Name), [Text.Encoding]::UTF8)
        $script:Extractor.Extract($html, [Uri]$Url)
    }
    function Get-Paragraphs([string] $Content) { @($Content -split "`n`n" | Where-Object { $_ }) }
}

Describe 'Korean news CMS (site rule)' {
    BeforeAll { $script:a = Read-Page 'ndsoft-article.html' }

    It 'is recognised by markup and reports the rule' {
        $a.Method | Should -Be ([AiNews.Extraction.ExtractionMethod]::SiteRule)
        $a.Rule | Should -Be 'ndsoft-news-cms'
    }
    It 'keeps the body as separate paragraphs, in order' {
        $p = Get-Paragraphs $a.Content
        $p.Count | Should -Be 5
        $p[0] | Should -BeLike '가상 연구소(대표 박가상)는 27일*'
        $p[2] | Should -Be '성능은 어떤가'
        $p[4] | Should -Be '한편 연구소는 내년 상반기 이미지 생성 모델도 공개할 계획이다.'
    }
    It 'drops related articles, keywords, reporter box, likes, copyright, ads and photo credits' {
        foreach ($junk in '관련기사', '키워드', '#인공지능', '저작권자', '무단전재', '다른기사 보기', 'test@example.com', '좋아요', '(사진=', 'AD ', '많이 본 뉴스', '페이스북', '김테스트 기자', 'Util.') {
            $a.Content | Should -Not -BeLike "*$junk*" -Because "'$junk' is not body text"
        }
    }
    It 'does not repeat the headline in the body' {
        $a.Content | Should -Not -BeLike "*바람 3B' 공개*"
        $a.Title | Should -Be "가상 연구소, 소형 언어모델 '바람 3B' 공개"
    }
    It 'finds date, author, language and an absolute lead image' {
        $a.Published | Should -Be ([DateTimeOffset]::new(2025, 12, 27, 10, 15, 0, [TimeSpan]::FromHours(9)))
        $a.Author | Should -Be '김테스트'
        $a.Language | Should -Be 'ko'
        $a.LeadImage | Should -Be 'https://www.example.org/news/photo/202512/1001_2001_1.jpg'
    }
    It 'works on any host, e.g. a local test site' {
        $local = Read-Page 'ndsoft-article.html' 'http://127.0.0.1:8080/news/articleView.html?idxno=1001'
        $local.Method | Should -Be ([AiNews.Extraction.ExtractionMethod]::SiteRule)
        $local.Content | Should -Be $a.Content
        $local.Images | Should -Contain 'http://127.0.0.1:8080/news/photo/202512/1001_2001_1.jpg'
    }
    It 'gives an image-only article (webtoon) no body instead of the junk around it' {
        $w = Read-Page 'ndsoft-webtoon.html'
        $w.Content | Should -BeNullOrEmpty
        $w.Images.Count | Should -Be 2
        $w.Published | Should -Not -BeNullOrEmpty
    }
}

Describe 'General extractor on a Korean wire story with <br> paragraphs' {
    It 'splits paragraphs at blank lines, cuts the dateline and drops e-mail and copyright lines' {
        $k = Read-Page 'korean-wire.html' 'https://news.example.com/article/1'
        $k.Method | Should -Be ([AiNews.Extraction.ExtractionMethod]::ContentScoring)
        $p = Get-Paragraphs $k.Content
        $p.Count | Should -Be 3
        $p[0] | Should -BeLike '첫 문단입니다.*'
        $k.Content | Should -Not -BeLike '*@example.com*'
        $k.Content | Should -Not -BeLike '*저작권자*'
        $k.Content | Should -Not -BeLike '*다른 기사*'
        $k.Title | Should -Be '테스트 기사 제목입니다'
        $k.Language | Should -Be 'ko'
    }
}

Describe 'General extractor on a WordPress-style post' {
    BeforeAll { $script:w = Read-Page 'wordpress-post.html' 'https://blog.example.com/2025/12/20/small-models/' }

    It 'uses content scoring' {
        $w.Method | Should -Be ([AiNews.Extraction.ExtractionMethod]::ContentScoring)
    }
    It 'keeps paragraphs, the subheading and list items as paragraphs' {
        $p = Get-Paragraphs $w.Content
        $p[0] | Should -BeLike 'Running a language model on a phone*'
        $p | Should -Contain 'What changed'
        $p | Should -Contain 'Quantisation cut memory needs by a factor of four.'
        $p[-1] | Should -BeLike 'None of this makes large models obsolete*'
    }
    It 'drops share buttons, related posts, tags, author box, comments, sidebar, newsletter and captions' {
        foreach ($junk in 'Share this', 'Twitter', 'Related', 'A gentle guide', 'Tagged', 'About Jane', 'Great post', 'Recent Posts', 'newsletter', 'Latency of three models', 'Proudly powered', 'Why small models are winning') {
            $w.Content | Should -Not -BeLike "*$junk*" -Because "'$junk' is not body text"
        }
    }
    It 'finds date, author, language and images' {
        $w.Published | Should -Be ([DateTimeOffset]::new(2025, 12, 20, 8, 30, 0, [TimeSpan]::Zero))
        $w.Author | Should -Be 'Jane Doe'
        $w.Language | Should -Be 'en'
        $w.LeadImage | Should -Be 'https://blog.example.com/wp-content/uploads/2025/12/edge.jpg'
        $w.Images | Should -Contain 'https://blog.example.com/wp-content/uploads/2025/12/chart.png'
    }
}

Describe 'Structured data' {
    It 'takes date, authors, image and language from JSON-LD in an @graph when nothing else has them' {
        $j = Read-Page 'jsonld-date.html' 'https://news.example.net/2025/12/lab'
        $j.Published | Should -Be ([DateTimeOffset]::new(2025, 12, 26, 14, 5, 0, [TimeSpan]::FromHours(9)))
        $j.Author | Should -Be 'Lee Example, Kim Sample'
        $j.Title | Should -Be 'Chip maker opens a research lab in Seoul'
        $j.LeadImage | Should -Be 'https://news.example.net/img/lab.jpg'
        $j.Description | Should -Be 'The lab will work on AI accelerators.'
        (Get-Paragraphs $j.Content).Count | Should -Be 3
    }
    It 'uses a complete articleBody when the markup has almost no text' {
        $body = 'First paragraph of a story that only the structured data carries in full, long enough to count as a real body of text.' +
            "`n`nSecond paragraph, equally long, so that the page markup with its one short teaser line is clearly the lesser source here."
        $json = @{ '@type' = 'NewsArticle'; headline = 'Teaser page'; articleBody = $body } | ConvertTo-Json -Compress
        $html = "<html><head><script type='application/ld+json'>$json</script></head><body><p>Teaser line.</p></body></html>"
        $r = $Extractor.Extract($html, [Uri]'https://example.com/t')
        $r.Method | Should -Be ([AiNews.Extraction.ExtractionMethod]::StructuredData)
        (Get-Paragraphs $r.Content).Count | Should -Be 2
    }
    It 'reads a date without offset on a Korean page as Korean time, and prefers a date that states its offset' {
        $ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-27 10:15:00"}</script>'
        $loose = $Extractor.Extract("<html lang='ko'><head>$ld</head><body><p>본문</p></body></html>", $null)
        $loose.Published | Should -Be ([DateTimeOffset]::new(2025, 12, 27, 10, 15, 0, [TimeSpan]::FromHours(9)))
        $meta = '<meta property="article:published_time" content="2025-12-27T10:16:00+09:00">'
        $both = $Extractor.Extract("<html lang='ko'><head>$ld$meta</head><body><p>본문</p></body></html>", $null)
        $both.Published | Should -Be ([DateTimeOffset]::new(2025, 12, 27, 10, 16, 0, [TimeSpan]::FromHours(9)))
    }
    It 'ignores broken JSON-LD' {
        $r = $Extractor.Extract("<html><head><script type='application/ld+json'>{ broken</script></head><body><p>Hello.</p></body></html>", $null)
        $r.Content | Should -Be 'Hello.'
    }
}

Describe 'Images' {
    It 'resolves relative, root-relative, protocol-relative and lazy-loaded image URLs' {
        $r = Read-Page 'relative-images.html' 'https://www.example.org/news/2025/fair.html'
        $r.Images | Should -Be @(
            'https://www.example.org/news/img/hall-a.jpg'
            'https://www.example.org/media/parcel-robot.png'
            'https://www.example.org/news/2025/chef.jpg')
        $r.LeadImage | Should -Be 'https://www.example.org/news/img/hall-a.jpg'
        $r.Content | Should -BeLike 'The robotics fair filled three halls*'
    }
    It 'honours the base element' {
        $r = $Extractor.Extract("<html><head><base href='https://static.example.com/a/'></head><body><article><p>$('Text of the story. ' * 10)</p><img src='b.png'></article></body></html>", [Uri]'https://www.example.com/x')
        $r.Images | Should -Contain 'https://static.example.com/a/b.png'
    }
}

Describe 'Edge cases and hand-over' {
    It 'returns an empty result for empty input' {
        $r = $Extractor.Extract($null, $null)
        $r.Content | Should -BeNullOrEmpty
        $r.Method | Should -Be ([AiNews.Extraction.ExtractionMethod]::None)
    }
    It 'takes the headline from <title> without the site name when nothing better exists' {
        $r = $Extractor.Extract('<title>Big news about small models - Example Blog</title><p>Hi there.</p>', $null)
        $r.Title | Should -Be 'Big news about small models'
    }
    It 'completes a feed article with its page: the page body replaces the excerpt, the feed''s title and date stay' {
        $r = Read-Page 'jsonld-date.html' 'https://news.example.net/2025/12/lab'
        $published = [DateTimeOffset]'2025-12-20T08:00:00+09:00'
        $article = [AiNews.Article]@{ Title = 'Feed title'; Url = 'https://news.example.net/2025/12/lab'; Content = 'A short excerpt.'; Published = $published }
        $done = [AiNews.Articles.ArticleAssembler]::WithPage($article, $r)
        $done.Title | Should -Be 'Feed title'
        $done.Published | Should -Be $published
        $done.Content | Should -Be $r.Content
        $done.Images | Should -Be @('https://news.example.net/img/lab.jpg')
        $fromPage = [AiNews.Articles.ArticleAssembler]::FromPage($r, [Uri] 'https://news.example.net/2025/12/lab', $null)
        $fromPage.Title | Should -Be 'Chip maker opens a research lab in Seoul'
        $fromPage.Published | Should -Be $r.Published
    }
}

Describe 'Rules file' {
    It 'ships in module/data and loads beside the assembly' {
        [AiNews.Extraction.ExtractionRules]::DefaultPath | Should -Exist
        [AiNews.Extraction.ExtractionRules]::Default.Sites.Name | Should -Contain 'ndsoft-news-cms'
    }
    It 'accepts custom rules as data' {
        $rules = [AiNews.Extraction.ExtractionRules]::Parse('{ "sites": [ { "name": "demo", "container": [ ".story" ], "remove": [ ".promo" ], "boilerplateLines": [ "^END$" ] } ] }', 'test')
        $x = [AiNews.Extraction.ArticleExtractor]::new($rules)
        $r = $x.Extract('<html><body><div class="story"><p>Body text.</p><p class="promo">Buy now</p><p>END</p></div><div class="other"><p>' + ('Long other text. ' * 30) + '</p></div></body></html>', $null)
        $r.Rule | Should -Be 'demo'
        $r.Content | Should -Be 'Body text.'
    }
    It 'reports a bad rules file with its origin' {
        { [AiNews.Extraction.ExtractionRules]::Parse('{ "sites": [ { "name": "x" } ] }', 'my-rules.json') } | Should -Throw '*my-rules.json*container*'
    }
    It 'refuses a missing or broken rules file with an error naming the file and the line, instead of running without rules' {
        $missing = Join-Path $TestDrive 'no-rules.json'
        $e = { [AiNews.Extraction.ExtractionRules]::Load($missing) } | Should -Throw -PassThru
        $e.Exception.InnerException | Should -BeOfType [AiNews.Common.ModuleDataException]
        $e.Exception.InnerException.File | Should -Be $missing
        $broken = Join-Path $TestDrive 'broken-rules.json'
        Set-Content -LiteralPath $broken -Value "{`n  `"remove`": [ `".ad`" ]`n  `"sites`": []`n}" -Encoding utf8
        $e = { [AiNews.Extraction.ExtractionRules]::Load($broken) } | Should -Throw -PassThru
        $e.Exception.InnerException.Line | Should -Be 3
        $e.Exception.InnerException.Message | Should -BeLike '*broken-rules.json*line 3*'
    }
}

Describe 'Failure classes of the general extractor (issue 12)' {
    It 'puts the standfirst the header holds in front of the body, once' {
        $r = Read-Page 'standfirst-header.html' 'https://coast.example.org/2025/ferry'
        $p = Get-Paragraphs $r.Content
        $p[0] | Should -BeLike 'For three weeks a small electric ferry without a crew*'
        $p[1] | Should -BeLike 'The ferry makes the crossing every twenty minutes*'
        $p.Count | Should -Be 4
        $r.Notes | Should -Contain 'The standfirst after the headline (<p> marked as a lead) was put in front of the body.'
    }
    It 'finds the standfirst after a byline of many short pieces (name, bio link, profiles, dates), which do not count as blocks searched' {
        $r = Read-Page 'standfirst-after-byline.html' 'https://city.example.org/guide/bicycles'
        $p = Get-Paragraphs $r.Content
        $p[0] | Should -BeLike 'The city rents bicycles from docks on almost every square*'
        $p[1] | Should -BeLike 'The docks hold about two thousand bicycles*'
        $p.Count | Should -Be 4
        $r.Content | Should -Not -BeLike '*Full Bio*'
    }
    It 'leaves a one-line dek that restates the headline out of the body' {
        $html = '<html><body><header><h1>Ferry runs without crew</h1><h2 class="dek">A robot steers the boat for three weeks.</h2></header>' +
            '<div class="text"><p>' + ('The ferry crosses the harbour every twenty minutes, watched from the quay. ' * 4) + '</p></div></body></html>'
        $r = $Extractor.Extract($html, $null)
        $r.Content | Should -Not -BeLike '*robot steers*'
    }
    It 'puts the page description shown outside the body in front of it, and leaves a description only the meta tags hold out' {
        $summary = 'Our bakery opens a second shop by the river this spring, with a wood oven, a reading corner and bread from the same sourdough the old shop has kept alive since nineteen ninety-one.'
        $story = '<p>' + ('The new shop sells bread, cakes and coffee from seven in the morning until six in the evening, every day but Sunday. ' * 4) + '</p>'
        $shown = "<html><head><meta property='og:description' content='$summary'></head><body><div class='hero'><p>$summary</p></div>" +
            "<h1>A second shop by the river</h1><div class='text'>$story</div></body></html>"
        $r = $Extractor.Extract($shown, $null)
        $p = Get-Paragraphs $r.Content
        $p[0] | Should -Be $summary
        $p[1] | Should -BeLike 'The new shop sells bread*'
        $p.Count | Should -Be 2
        $r.Notes | Should -Contain "The page's description, shown on the page outside the located body, was put in front of it as its standfirst."
        $hidden = "<html><head><meta property='og:description' content='$summary'></head><body><h1>A second shop by the river</h1><div class='text'>$story</div></body></html>"
        $h = $Extractor.Extract($hidden, $null)
        $h.Content | Should -BeLike 'The new shop sells bread*'
        $h.Content | Should -Not -BeLike '*wood oven*'
    }
    It 'keeps a short story whose whole text fits next to the headline (it came back empty)' {
        $r = Read-Page 'short-story.html' 'https://school.example.org/blog/puzzle'
        $p = Get-Paragraphs $r.Content
        $p | Should -Be @('Do you remember how loops work? Here is a page from our course book!', 'Loops are easy for you? Then try to solve our puzzle of the week!')
    }
    It 'reads a page whose <noscript> a stray open tag left unclosed, and a story only a <noscript> carries' {
        $r = Read-Page 'noscript-unclosed.html' 'https://park.example.org/news/wolves'
        (Get-Paragraphs $r.Content).Count | Should -Be 3
        $r.Content | Should -BeLike 'Rangers counted at least six wolves*'
        $story = '<p>' + ('The blog post is rendered by script; without it the reader sees this copy of the text. ' * 4) + '</p>'
        $js = $Extractor.Extract("<html><body><div id='app'></div><noscript>$story</noscript><noscript>Please enable JavaScript.</noscript></body></html>", $null)
        $js.Content | Should -BeLike 'The blog post is rendered by script*'
        $js.Content | Should -Not -BeLike '*enable JavaScript*'
    }
    It 'drops short furniture lines after the last sentence, but not a list the story ends with' {
        $story = '<p>' + ('The council opened the new bridge on Monday after two years of work. ' * 3) + '</p>'
        $r = $Extractor.Extract("<html><body><article>$story<p>More from the newsroom</p><p>Share this story</p></article></body></html>", $null)
        @(Get-Paragraphs $r.Content).Count | Should -Be 1
        $r.Content | Should -Not -BeLike '*newsroom*'
        $list = '<ul><li>Bridge length 210 m</li><li>Two lanes</li><li>Cycle path</li><li>Opened 2025</li><li>Cost 40 million</li></ul>'
        $l = $Extractor.Extract("<html><body><article>$story$list</article></body></html>", $null)
        @(Get-Paragraphs $l.Content).Count | Should -Be 6
        $l.Content | Should -BeLike '*Cost 40 million'
    }
    It 'drops a short same-site teaser with a label before its link, keeps a link to elsewhere' {
        $story = '<p>' + ('The council opened the new bridge on Monday after two years of work. ' * 3) + '</p>'
        $teaser = '<p>Read also: <a href="/news/old-bridge-closes">The old bridge closes for good in spring</a></p>'
        $source = '<p>Details: <a href="https://council.example.net/report">the council''s report on the bridge project</a>.</p>'
        $r = $Extractor.Extract("<html><body><article>$story$teaser$story$source</article></body></html>", [Uri]'https://news.example.org/bridge')
        $r.Content | Should -Not -BeLike '*old bridge closes*'
        $r.Content | Should -BeLike "*Details: the council's report on the bridge project."
    }
    It 'drops blocks whose class or id names them furniture (ratings, disclaimer, author box, form, comments, teasers, subscription offer), keeps the story and its lead' {
        $r = Read-Page 'furniture-blocks.html' 'https://valley.example.org/2025/harvest'
        $p = Get-Paragraphs $r.Content
        $p.Count | Should -Be 4
        $p[0] | Should -BeLike 'Warm weather brought the fruit on quickly*'
        $p[3] | Should -BeLike 'The cooperative will open its cider press*'
        $r.Content | Should -Not -BeLike '*Pumpkin season*'
        $r.Content | Should -Not -BeLike '*commission*'
        $r.Content | Should -Not -BeLike '*without paying*'
        $r.Content | Should -Not -BeLike '*stars below*'
        $r.Content | Should -Not -BeLike '*views expressed*'
        $r.Content | Should -Not -BeLike '*covered farming*'
        $r.Content | Should -Not -BeLike '*e-mail address*'
        $r.Content | Should -Not -BeLike '*wonderful afternoon*'
    }
    It 'drops a comment thread whose class names it in the site''s language ("kommentare"), keeps the story' {
        $r = Read-Page 'localized-comments.html' 'https://see.example.org/2026/faehre'
        $p = Get-Paragraphs $r.Content
        $p.Count | Should -Be 3
        $p[0] | Should -BeLike 'Die Gemeinde hat am Samstag*'
        $p[2] | Should -BeLike 'Die Fahrpreise bleiben gleich*'
        $r.Content | Should -Not -BeLike '*Benutzerkonto*'
        $r.Content | Should -Not -BeLike '*2 Kommentare*'
    }
    It 'keeps a live ticker whose entries are all marked "comment" (they are the story)' {
        $entries = (1..5 | ForEach-Object { "<div class=`"live-comment`"><p>Minute $($_ * 10): " + ('The home side pressed high again and forced another corner on the left wing. ' * 2) + '</p></div>' }) -join ''
        $r = $Extractor.Extract("<html><body><article><p>Kick-off was delayed by ten minutes because of the rain.</p>$entries</article></body></html>", $null)
        @(Get-Paragraphs $r.Content).Count | Should -Be 6
    }
    It 'drops a dateline in digits among the first lines ("date | section"), keeps a sentence that holds a date' {
        $story = '<p>' + ('Die Gemeinde hat die neue Brücke am Montag nach zwei Jahren Bauzeit eröffnet. ' * 3) + '</p>'
        $r = $Extractor.Extract("<html><body><article><p>16.10.2021 | Aktuelles</p>$story<p>Am 3. Mai 2022 folgt der zweite Abschnitt.</p>$story</article></body></html>", $null)
        $p = Get-Paragraphs $r.Content
        $p.Count | Should -Be 3
        $p[0] | Should -BeLike 'Die Gemeinde hat die neue Brücke*'
        $p[1] | Should -Be 'Am 3. Mai 2022 folgt der zweite Abschnitt.'
    }
    It 'shows the headline repeated under kicker labels, and a standfirst repeated right after itself, once; keeps short repeats (table values)' {
        $title = 'Harbour town opens its first tidal power station'
        $dek = "The plant will supply a third of the town's homes, its operators say."
        $story = '<p>' + ('Engineers spent four winters fitting the turbines under the old pier. ' * 3) + '</p>'
        $end = '<p>' + ('The council expects the station to pay for itself within twelve years. ' * 3) + '</p>'
        $html = "<html><head><title>$title</title></head><body><article><p>Energy</p><p>News</p><p>$title</p>" +
            "<p>$([char]0xFEFF)$dek</p><p>$dek</p>$story<ul><li>Licensed: yes</li><li>Licensed: yes</li></ul>$end</article></body></html>"
        $r = $Extractor.Extract($html, $null)
        $p = Get-Paragraphs $r.Content
        $p[0] | Should -Be $dek
        $p[1] | Should -BeLike 'Engineers spent four winters*'
        @($p | Where-Object { $_ -eq $dek }).Count | Should -Be 1
        $r.Content | Should -Not -BeLike "*$title*"
        $r.Content | Should -Not -BeLike "*$([char]0xFEFF)*"
        $r.Content | Should -BeLike '*Licensed: yes*Licensed: yes*twelve years.'
    }
    It 'keeps a recipe''s steps that each carry a picture, drops a strip of captioned pictures' {
        $intro = '<p>' + ('This bread needs no kneading and only four things from the cupboard, so it suits a busy week. ' * 10) + '</p>'
        $steps = '<div class="method"><h3>Method</h3><ul>' +
            '<li>Stir the flour, salt and yeast together in a bowl.<img src="s1.jpg"></li>' +
            '<li>Pour in the warm water and mix to a wet dough.<img src="s2.jpg"></li>' +
            '<li>Cover and leave it overnight.<img src="s3.jpg"></li>' +
            '<li>Bake in a hot pot for forty minutes.<img src="s4.jpg"></li></ul></div>'
        $strip = '<div class="pictures"><ul><li><img src="p1.jpg">Old town © City archive</li><li><img src="p2.jpg">Market hall © City archive</li>' +
            '<li><img src="p3.jpg">River bank © City archive</li></ul></div>'
        $r = $Extractor.Extract("<html><body><article>$intro$steps$strip</article></body></html>", $null)
        $r.Content | Should -BeLike '*Stir the flour, salt and yeast together in a bowl.*'
        $r.Content | Should -BeLike '*Bake in a hot pot for forty minutes.*'
        $r.Content | Should -Not -BeLike '*City archive*'
    }
    It 'does not merge a sibling block whose class calls it a header (citation box, dateline) into the story' {
        $story = '<p>' + ('Timber from the hills was floated down the river to the coast, where shipyards paid well for long straight trunks. ' * 3) + '</p>'
        $box = '<div class="article-info-header"><strong>First printed in:</strong><p>Forest Notes 12 (2021), pages 3 to 5, with a map of the old floating routes.</p>' +
            '<strong>Online since</strong><p>21 January 2022</p></div>'
        $r = $Extractor.Extract("<html><body>$box<div class='article-body'>$story$story$story</div></body></html>", $null)
        $r.Content | Should -BeLike 'Timber from the hills*'
        $r.Content | Should -Not -BeLike '*Forest Notes*'
        $r.Content | Should -Not -BeLike '*Online since*'
    }
    It 'keeps the story in a Drupal field whose class says its label is hidden (field--label-hidden), drops a "hidden" block' {
        $para = { param($t) "<div class='paragraph paragraph--type--text'><div class='text-formatted'><p>$t</p></div></div>" }
        $intro = '<div class="intro"><p>' + ('The three parties agreed on Tuesday to end the emergency rules by the end of the month, and to keep only the mask rule on trains. ' * 5) + '</p></div>'
        $fields = "<div class='field field--name-field-paragraphs field--label-hidden field__items'>" +
            (& $para ('Schools stay open whatever the figures, the leaders of the three groups said at a joint press conference in the capital. ' * 2)) +
            (& $para ('The health minister is to report to parliament every two weeks on the number of patients in intensive care units. ' * 2)) +
            (& $para ('Local councils may still close clubs and large events when hospitals in their area are full, the paper says. ' * 2)) + '</div>'
        $hidden = "<div class='hidden'><p>Your browser is out of date, please update it to read this page, or come back later.</p></div>"
        $r = $Extractor.Extract("<html><body><div class='node__content'>$intro$fields$hidden</div><div class='links'><a href='/a'>About us</a></div></body></html>", $null)
        $p = Get-Paragraphs $r.Content
        $p.Count | Should -Be 4
        $p[1] | Should -BeLike 'Schools stay open*'
        $p[3] | Should -BeLike 'Local councils may still close*'
    }
    It 'keeps a very short story rather than a slightly longer headline box found once the class weights are off' {
        $dek = '<p>The mayor, who steps down in May, said the council had kept her out of the talks, changed the plans, cut the budget, closed the library, sold the old school, and ignored the petition of a thousand voters.</p>'
        $story = '<p>The mayor of Riverton said on Tuesday that the town council had tried to silence her. She will not stand again. She asked the council to publish the minutes of its last three meetings so that voters can judge for themselves.</p>'
        $html = "<html><body><div class='top'><div class='row'><div class='article-header'><h1>Mayor says council tried to silence her</h1>$dek<p>Tuesday 10 May 2022</p></div></div></div>" +
            "<div class='main-col'><div class='row'><div class='col'><div class='article-body'>$story</div></div></div></div></body></html>"
        $r = $Extractor.Extract($html, $null)
        $r.Content | Should -BeLike '*She asked the council to publish the minutes*'
        $r.Content | Should -Not -BeLike '*Mayor says council tried*'
    }
    It 'reads every story of a page of several article-like blocks of one class (a newsletter issue), not only the longest' {
        $card = { param($h, $t, $n) "<div class='card'><h2>$h</h2><div class='item-copy'>" + ("<p>$t$t</p>" * $n) + "</div><div class='card-tools'><a href='/share'>Share</a></div></div>" }
        $html = '<html><body><div class="issue">' +
            (& $card 'Schools buy cameras' 'A new kind of camera is being put up in schools, with software that follows people across the yard, flags odd moves, and alerts staff. ' 4) +
            (& $card 'Songs get shorter' 'Streaming pays per play, so albums now put their short songs first, and the fifth song starts after twelve minutes instead of nineteen. ' 2) +
            (& $card 'Rents in the cities' 'Rents rose again in the largest cities, by five percent in a year, while wages, pensions and benefits rose by two. ' 2) +
            (& $card 'Trains on time' 'The railways ran more trains on time this winter than last, thanks to new tracks, fewer storms, and more staff. ' 2) +
            (& $card 'Bread costs more' 'Flour, energy and wages all cost more, so a loaf costs a third more than two years ago, the bakers say. ' 2) +
            '</div><div class="links"><a href="/a">About us</a></div></body></html>'
        $r = $Extractor.Extract($html, $null)
        $r.Content | Should -BeLike 'A new kind of camera*'
        $r.Content | Should -BeLike '*the fifth song starts after twelve minutes*'
        $r.Content | Should -BeLike '*a loaf costs a third more*'
    }
    It 'judges an <aside> of related links inside the body on its own, so that its links do not take the short story with them' {
        $story = '<p>The mayor of <a href="/t/riverton">Riverton</a> said on Tuesday that the <a href="/t/council">town council</a> had tried to silence her after she spoke against the new <a href="/t/bridge">bridge plans</a>, and that she would not stand again. She asked the council to publish the minutes of its last three meetings, so that voters can judge for themselves, and said she would give her own notes to the local paper.</p>'
        $aside = '<aside class="related-stories content-element"><h3>More:</h3><article><h4><a href="/n/1">Council votes on the bridge plans next week after months of delay and two public hearings</a></h4></article>' +
            '<article><h4><a href="/n/2">Riverton mayor opens the new library in the old railway station on the river bank</a></h4></article><article><h4><a href="/n/3">Bridge plans: what the council wants, what it costs and who pays for it</a></h4></article><article><h4><a href="/n/4">Letters: readers on the mayor, the council and the long story of the Riverton bridge</a></h4></article></aside>'
        $html = "<html><body><div class='top'><div class='row'><div class='article-header'><h1>Mayor says council tried to silence her</h1><p>The mayor, who steps down in May, says the council kept her out of the talks, changed the plans, cut the budget, closed the library, sold the old school, and ignored a petition.</p><p>Tuesday 10 May 2022</p></div></div></div>" +
            "<div class='main-col'><div class='row'><div class='col'><div class='article-body'>$story$aside</div></div></div></div></body></html>"
        $r = $Extractor.Extract($html, $null)
        $r.Content | Should -BeLike '*She asked the council to publish the minutes*'
        $r.Content | Should -Not -BeLike '*Mayor says council tried*'
        $r.Content | Should -Not -BeLike '*new library in the old railway station*'
    }
    It 'judges an <article> teaser card inside the story like a div (its links make it a teaser)' {
        $story = '<p>' + ('Batteries store the power of the panels on the roof for the evening, and most new systems are sold with one. ' * 3) + '</p>'
        $teaser = '<article class="card"><div class="card__text"><h3><a href="/lexicon/solar">Solar power for your own home</a></h3>' +
            '<p>More and more households put panels on their roofs to make their own power.</p><a href="/lexicon/solar">Read more</a></div></article>'
        $html = "<html><body><div class='entry-content'>$story$story$teaser$teaser</div></body></html>"
        $r = $Extractor.Extract($html, $null)
        $r.Content | Should -BeLike 'Batteries store the power*'
        $r.Content | Should -Not -BeLike '*households put panels*'
    }
    It 'gives the body in composed Unicode (NFC), so that a letter written as one code point or two compares the same' {
        $precomposed = "$([char]0x09A6)$([char]0x09C7)$([char]0x09B6)$([char]0x09DF) " * 30   # Bengali with U+09DF, which NFC writes as U+09AF U+09BC
        $r = $Extractor.Extract("<html lang='bn'><body><article><p>$precomposed</p></article></body></html>", $null)
        $r.Content | Should -Not -BeNullOrEmpty
        $r.Content.IsNormalized([Text.NormalizationForm]::FormC) | Should -BeTrue
        $r.Content | Should -BeLike "*$([char]0x09AF)$([char]0x09BC)*"
    }
    It 'puts back a hidden block inside the story (a collapsed "read more" part), but not a hidden gallery beside it nor a hidden inline label' {
        $r = Read-Page 'hidden-sections.html'
        $p = Get-Paragraphs $r.Content
        $p[0] | Should -BeLike 'The town library moved into the old railway station*'
        $r.Content | Should -BeLike "*The old ticket hall is now the children's corner*"
        $r.Content | Should -BeLike '*Opening hours are longer than in the old building*'
        $r.Content | Should -BeLike '*Sign language tours of the building*'
        $r.Content | Should -Not -BeLike '*British Sign Language*'
        $r.Content | Should -Not -BeLike '*The station in 1912*'
        $r.Content | Should -Not -BeLike '*ainews-hidden*'
    }
    It 'keeps the last line of a post that ends in an emoji or emoticon (chatty prose, not a label)' {
        $r = Read-Page 'blog-emoji-ending.html'
        $p = Get-Paragraphs $r.Content
        $p[-1] | Should -Be "I feel like a hero afterwards $([char]::ConvertFromUtf32(0x1F609))"
        $r.Content | Should -Not -BeLike '*Copyright*'
    }
    It 'keeps a list of lines broken by <br> that ends the story (years with titles), not taken for furniture' {
        $r = Read-Page 'timeline-ending.html'
        $p = Get-Paragraphs $r.Content
        $p[-1] | Should -Be "2012`nA new play by a member wins the county prize"
        $r.Content | Should -BeLike "*1998`nThe first play, in the school hall*"
        $r.Content | Should -Not -BeLike '*Copyright*'
    }
    It 'drops short blocks whose links all go to follow, share or app pages of social networks or messenger/mail share buttons, keeps a post the story cites' {
        $r = Read-Page 'social-follow-lines.html'
        $p = Get-Paragraphs $r.Content
        $p[-1] | Should -BeLike 'Residents can still send their comments*'
        $r.Content | Should -BeLike '*The mayor shared a short video of the first ride*'
        $r.Content | Should -Not -BeLike '*messenger*'
        $r.Content | Should -Not -BeLike '*Riverside app*'
        $r.Content | Should -Not -BeLike '*Pass it on*'
        $r.Content | Should -Not -BeLike '*Send it to a friend*'
    }
    It 'drops a short caption without markup that ends in a © credit, keeps a paragraph of the story with a © in it' {
        $r = Read-Page 'credited-captions.html'
        $p = Get-Paragraphs $r.Content
        $p.Count | Should -Be 4
        $r.Content | Should -Not -BeLike '*Jane Roe*'
        $r.Content | Should -BeLike '*the society turns fifty*'
        $p[-1] | Should -BeLike 'Tickets cost the same*'
    }
    It 'drops a breadcrumb line at the top of the body (Home > News > …), keeps a sentence with one ">" in it' {
        $r = Read-Page 'breadcrumb-line.html'
        $r.Content | Should -BeLike 'The village hall has a new roof*'
        $r.Content | Should -Not -BeLike '*Home > News*'
        $r.Content | Should -BeLike '*Speed > comfort was never*'
    }
    It 'keeps the captions of a gallery whose slides each hold two or more paragraphs of text, drops a one-line photo caption' {
        $r = Read-Page 'gallery-slides.html' 'https://weekend.example.org/picnic-spots'
        $r.Content | Should -BeLike 'Spring is here*'
        $r.Content | Should -BeLike '*Bring a blanket: the benches fill up before noon*'
        $r.Content | Should -BeLike '*Sit right by the water.*'
        $r.Content | Should -BeLike '*the fish stall next to it fries to order*'
        $r.Content | Should -BeLike '*reached on foot from the station*'
        $r.Content | Should -Not -BeLike '*seen from the bridge*'
    }
    It 'reads an articleBody that holds the story as HTML as text: no tags, no player, no "read also" teaser' {
        $r = Read-Page 'jsonld-html-body.html' 'https://valley.example.org/2025/04/night-buses'
        $r.Method | Should -Be ([AiNews.Extraction.ExtractionMethod]::StructuredData)
        $p = Get-Paragraphs $r.Content
        $p[0] | Should -BeLike 'The night buses between the valley towns will run again from May, the transport board*'
        $p[-1] | Should -BeLike 'Tickets bought for the day services stay valid at night*'
        $p.Count | Should -Be 3
        $r.Content | Should -Not -BeLike '*<*'
        $r.Content | Should -Not -BeLike '*train timetable*'
    }
    It 'drops the labels of CMS fields (field__label, field-label) from the body, keeps the story' {
        $r = Read-Page 'field-labels.html' 'https://town.example.org/press/museum-wing'
        $r.Content | Should -BeLike '*The town museum opens its new wing on Saturday*'
        $r.Content | Should -BeLike '*school classes keep visiting free of charge*'
        $r.Content | Should -BeLike '*on the corner of Mill Street*'
        $r.Content | Should -Not -BeLike '*Date of issue:*'
        $r.Content | Should -Not -BeLike "*`nVenue`n*"
        $r.Content | Should -Not -BeLike '*Topic:*'
    }
    It 'drops the label or heading of a teaser list or social block it removes ("Read also:"), keeps labels and headings of text and a sentence around a removed inline element' {
        $r = Read-Page 'orphan-labels.html' 'https://www.valleycourier.example/2025/04/mill-library'
        $r.Content | Should -Not -BeLike '*Read also:*'
        $r.Content | Should -Not -BeLike '*More on this topic*'
        $r.Content | Should -Not -BeLike '*Town buys the old mill*'
        $r.Content | Should -BeLike '*At the meeting the mayor said: "A mill that ground*'
        $r.Content | Should -Not -BeLike '*Follow the courier*'
        $r.Content | Should -Not -BeLike '*Elsewhere on the web*'
        $r.Content | Should -BeLike "*heritage fund.`n`nThree floors`n`nThe library will take up*"
        $r.Content | Should -BeLike "*in the architects' plan:`n`nthe entrance hall keeps*"
        $p = Get-Paragraphs $r.Content
        $p[-1] | Should -BeLike 'Until then the library stays*'
    }
    It 'drops the caption of a picture set in a block of its own without a caption class, keeps a row of pictured steps, a paragraph beside a picture and an icon inside a sentence' {
        $r = Read-Page 'image-blocks.html' 'https://allotment.example.org/spade'
        $r.Content | Should -Not -BeLike '*The old spade before the work*'
        $r.Content | Should -BeLike '*Clamp the spade in a vice*'
        $r.Content | Should -BeLike '*File from the middle towards each corner*'
        $r.Content | Should -BeLike '*take the burr off the back*'
        $r.Content | Should -BeLike '*Finish with a drop of oil*'
        $r.Content | Should -BeLike '*Use a flat file the kind with a wooden handle rather than a grinder*'
        (Get-Paragraphs $r.Content).Count | Should -Be 8
    }
    It 'keeps a short code block in a wrapper of its own (a one-line command in a copy box)' {
        $r = Read-Page 'code-blocks.html' 'https://tidyfiles.example.org/docs/start'
        $r.Content | Should -BeLike "*with pip:`n`npip install tidyfiles`n`nThen point it*"
        $r.Content | Should -BeLike "*says so:`n`ntidyfiles ~/Downloads --apply`n`nEvery run*"
    }
    It 'puts the ingredients of a recipe, set beside the directions as a list of links, in front of the body' {
        $r = Read-Page 'recipe-ingredients.html' 'https://kitchen.example.org/barley-soup'
        $r.Content | Should -BeLike "*150 g pearl barley`n`n3 leeks, sliced into rings*"
        $r.Content | Should -BeLike "*2 tablespoons butter`n`nMethod`n`nRinse the barley in a sieve*"
        $r.Content | Should -BeLike '*thin it with a little water when you warm it up the next day.'
        $r.Content | Should -Not -BeLike '*Pea soup*'
    }
    It 'puts the ingredients of a recipe in front once when the template repeats the list (one for phones, one for wide screens)' {
        $html = [IO.File]::ReadAllText((Join-Path $script:Pages 'recipe-ingredients.html'), [Text.Encoding]::UTF8)
        $start = $html.IndexOf('<article class="recipe-ingredients box">')
        $block = $html.Substring($start, $html.IndexOf('</article>', $start) + '</article>'.Length - $start)
        $html = $html.Replace('<h1>Barley and leek soup</h1>', '<h1>Barley and leek soup</h1>' + $block.Replace('recipe-ingredients box', 'recipe-ingredients phone-only'))
        $r = $script:Extractor.Extract($html, [Uri]'https://kitchen.example.org/barley-soup')
        ([regex]::Matches($r.Content, 'pearl barley')).Count | Should -Be 1
        $r.Content | Should -BeLike '*Rinse the barley in a sieve*'
    }
    It 'puts a standfirst written as a list of points (marked as a lead) in front of the body, one paragraph per point' {
        $r = Read-Page 'lead-points.html' 'https://citypost.example.org/tram'
        $p = Get-Paragraphs $r.Content
        $p[0] | Should -Be 'The new tram line to the university opens on Monday, a year later than planned.'
        $p[2] | Should -Be 'The old bus line 14 stops running at the end of the month.'
        $p[3] | Should -BeLike 'After four years of building work*'
        $p.Count | Should -Be 7
    }
    It 'reads a short page again with fewer filters when the first pass finds less than 650 characters, and keeps the longer story' {
        $r = Read-Page 'short-first-pass.html'
        $r.Content | Should -BeLike 'The ferry company will run a new timetable*'
        $r.Content | Should -BeLike '*Season tickets will cost the same as last year*'
        $r.Content | Should -BeLike '*Cyclists no longer need to book a place*'
        $r.Content | Should -Not -BeLike '*Copyright*'
    }
}

Describe 'Never an empty body when the page holds text (fallbacks)' {
    It 'falls back to the JSON-LD articleBody, even a teaser, when no block of the markup holds text' {
        $json = @{ '@type' = 'NewsArticle'; headline = 'Gallery'; articleBody = 'Photos from the harbour festival, where boats were judged on their paint...' } | ConvertTo-Json -Compress
        $r = $Extractor.Extract("<html><head><script type='application/ld+json'>$json</script></head><body><img src='a.jpg'><img src='b.jpg'></body></html>", $null)
        $r.Method | Should -Be ([AiNews.Extraction.ExtractionMethod]::StructuredData)
        $r.Content | Should -BeLike 'Photos from the harbour festival*'
        $r.Notes | Should -Contain 'No block of the page won as its body; the articleBody of its structured data (JSON-LD) is used.'
    }
    It 'falls back to the longest run of paragraphs when clean-up left nothing of the winning block' {
        $p = '<p>' + ('Text that a template marked as a caption although it is the whole story of the page. ' * 2) + '</p>'
        $r = $Extractor.Extract("<html><body><div class='wp-caption-text'>$p$p</div></body></html>", $null)
        $r.Method | Should -Be ([AiNews.Extraction.ExtractionMethod]::ParagraphRun)
        (Get-Paragraphs $r.Content).Count | Should -Be 2
    }
    It 'falls back to the description on a page without any paragraph, and says so with -Verbose' {
        $file = Join-Path $TestDrive 'images-only.html'
        Set-Content -LiteralPath $file -Encoding utf8 -Value "<html><head><title>Harbour photos</title><meta name='description' content='Twelve photos of the harbour festival.'></head><body><img src='a.jpg'></body></html>"
        $out = Get-AiArticle -Path $file -Verbose 4>&1
        $article = @($out | Where-Object { $_ -is [AiNews.Article] })
        $article.Count | Should -Be 1
        $article[0].Content | Should -Be 'Twelve photos of the harbour festival.'
        @($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -like '*description (og:description or meta description) is used*' }).Count | Should -Be 1
    }
}

Describe 'Quality on the shared corpora (aeb-dev, trafilatura-eval)' {
    # One run of bench/extract.ps1 (Get-AiArticle -Path over the 88 + 990 pages, each corpus's own scorer); ~30 s.
    BeforeAll {
        if ($HasShared -and (Get-Command python3 -ErrorAction SilentlyContinue)) {
            $script:Figures = @(& (Join-Path $RepoRoot 'bench/extract.ps1') -SharedRoot $SharedRoot -PassThru 6>$null)
            function Get-Figure([string] $Corpus, [string] $Part) { $script:Figures | Where-Object { $_.Corpus -eq $Corpus -and $_.Part -like "$Part*" } }
        }
    }
    It 'keeps aeb-dev F1 of word 4-grams at or above 0.985' -Skip:(-not $HasShared -or -not (Get-Command python3 -ErrorAction SilentlyContinue)) {
        $aeb = Get-Figure 'aeb-dev' 'all'
        $aeb.F1 | Should -BeGreaterOrEqual 0.985
        $aeb.Empty | Should -Be 0
    }
    # Floors of trafilatura-eval: what the method reaches now (2026-12-02, sixth round: F1 0.955 even / 0.935 odd,
    # recall 0.964 / 0.938), a little below, so that a regression fails. Issue 12's target is 0.93 for both (see bench/RESULTS.md).
    # The scorer gives three decimals, so the gap between the halves is known to three decimals and compared as such.
    It 'keeps trafilatura-eval F1 and recall on both halves, with no empty page and the halves within 0.02' -Skip:(-not $HasShared -or -not (Get-Command python3 -ErrorAction SilentlyContinue)) {
        $minF1 = 0.933
        $minRecall = 0.936
        $maxGap = 0.02
        $even = Get-Figure 'trafilatura-eval' 'even'
        $odd = Get-Figure 'trafilatura-eval' 'odd'
        foreach ($half in $even, $odd) {
            $half.F1 | Should -BeGreaterOrEqual $minF1 -Because "$($half.Part) half"
            $half.Recall | Should -BeGreaterOrEqual $minRecall -Because "$($half.Part) half"
            $half.Empty | Should -Be 0 -Because "every page of the benchmark holds main text ($($half.Part) half)"
        }
        [Math]::Round([Math]::Abs($even.F1 - $odd.F1), 3) | Should -BeLessOrEqual $maxGap
    }
}
