BeforeDiscovery {
    . "$PSScriptRoot/Chromium.ps1"
    $script:HasChromium = [bool](Find-Chromium)
    if (-not $HasChromium) {
        Write-Host "NOTE: no Chromium here (apt-get install chromium, or set CHROMIUM_PATH); the browser tests are skipped." -ForegroundColor Yellow
    }
}

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/Chromium.ps1"
    $script:Artifacts = Join-Path $PSScriptRoot 'artifacts'
    New-Item -ItemType Directory -Force $Artifacts | Out-Null
    $hostile = @(
        [pscustomobject]@{ Title = '<script>window.__pwned=1;document.title="PWNED"</script> 오픈AI, 새 모델 공개'
            Url = 'https://example.com/1'; Summary = '<img src=x onerror="window.__pwned=1">요약'
            Content = "본문 첫 줄`n<iframe src=`"https://evil.example`"></iframe>`n<form action=`"https://evil.example`"><input name=q></form>`n<style>body{display:none}</style>`n[click](javascript:window.__pwned=1)`n<a href=`"javascript:window.__pwned=1`">x</a>`n</details><script>window.__pwned=1</script>"
            Organization = 'OpenAI'; Source = '<b onclick="window.__pwned=1">AI타임스</b>'; Tags = @('LLM'); Published = [DateTimeOffset]'2025-12-27T10:00:00+09:00' }
        [pscustomobject]@{ Title = '같은 제목'; Url = 'https://example.com/2'; Summary = 's'; Content = 'c'; Published = [DateTimeOffset]'2025-12-27T11:00:00+09:00' }
        [pscustomobject]@{ Title = '같은 제목'; Url = 'https://example.com/3'; Summary = 's'; Content = 'c'; Published = [DateTimeOffset]'2025-12-27T12:00:00+09:00' }
        [pscustomobject]@{ Title = '[AI웹툰] 사랑하면 그 사람이 된다 : 6화 – 🤖 “특별편”'; Url = 'https://example.com/4'; Summary = 's'
            Content = ((1..40 | ForEach-Object { "긴 본문의 $_ 번째 문단입니다." }) -join "`n`n"); Published = [DateTimeOffset]'2025-12-27T13:00:00+09:00' }
        [pscustomobject]@{ Title = 'Markdown *in* a `title` [x](https://evil.example) ~~del~~'; Url = 'https://example.com/5'; Summary = 's'
            Content = ((1..40 | ForEach-Object { "Paragraph $_ of a long English body." }) -join "`n`n"); Published = [DateTimeOffset]'2025-12-27T14:00:00+09:00' }
    )
    $script:Page = Join-Path $TestDrive 'hostile.html'
    $hostile | Export-AiDigest -Format Html -Path $Page -TimeZone Asia/Seoul
    $script:PageUrl = [Uri]::new([IO.Path]::GetFullPath($Page)).AbsoluteUri
}

Describe 'The HTML digest in a real browser' -Skip:(-not $HasChromium) {
    BeforeAll {
        $script:Browser = Start-HeadlessChromium (Find-Chromium)
        Open-BrowserPage $Browser $PageUrl
    }
    AfterAll { Stop-HeadlessChromium $Browser }

    It 'runs no script from the articles' {
        Invoke-BrowserScript $Browser 'typeof window.__pwned' | Should -Be 'undefined'
        Invoke-BrowserScript $Browser 'document.title' | Should -Be '🤖 AI 뉴스 - 2025년 12월 27일'
        Invoke-BrowserScript $Browser 'document.body.querySelectorAll("script,iframe,form,input,style,img,object,embed").length' | Should -Be 0
        Invoke-BrowserScript $Browser '[...document.body.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length' | Should -Be 0
        Invoke-BrowserScript $Browser '[...document.links].filter(a => !/^(https?:|file:.*#)/.test(a.href)).map(a => a.href).join(" ")' | Should -BeNullOrEmpty
        Invoke-BrowserScript $Browser '[...document.links].filter(a => a.protocol.startsWith("http")).every(a => a.rel === "noopener noreferrer")' | Should -BeTrue
    }

    It 'shows the article text that looked like markup as text' {
        Invoke-BrowserScript $Browser 'document.querySelectorAll("h3")[0].textContent' | Should -BeLike '<script>window.__pwned=1*오픈AI, 새 모델 공개'
        Invoke-BrowserScript $Browser 'document.querySelectorAll("h3").length' | Should -Be 5
        Invoke-BrowserScript $Browser 'document.querySelectorAll("details").length' | Should -Be 5
    }

    It 'lands every table-of-contents link on its heading' {
        $result = Invoke-BrowserScript $Browser @'
(async () => {
  const links = [...document.querySelectorAll("ol a[href^='#']")];
  const misses = [];
  for (const a of links) {
    a.click();
    await new Promise(r => requestAnimationFrame(() => r()));
    const target = document.querySelector(":target");
    const id = decodeURIComponent(a.hash.slice(1));
    if (!target || target.tagName !== "H3" || target.id !== id) misses.push(a.textContent);
  }
  return links.length + "|" + misses.join(" ; ");
})()
'@
        $result | Should -Be '5|'
    }

    It 'leaves a screenshot as a test artefact' {
        Invoke-BrowserScript $Browser 'window.scrollTo(0, 0); document.querySelector("details").open = true; true' | Should -BeTrue
        $shot = Join-Path $Artifacts 'digest-hostile.png'
        Save-BrowserScreenshot $Browser $shot
        (Get-Item $shot).Length | Should -BeGreaterThan 10KB
    }
}

Describe 'The HTML digest as text' {
    It 'has ids equal to the Markdown anchors and no active markup' {
        $html = Get-Content $Page -Raw
        $anchors = [regex]::Matches($html, '<li><a href="#([^"]+)"') | ForEach-Object { $_.Groups[1].Value }
        $ids = [regex]::Matches($html, '<h3 id="([^"]+)"') | ForEach-Object { $_.Groups[1].Value }
        $anchors | Should -Be $ids
        $ids[1..2] | Should -Be @('같은-제목', '같은-제목-1')
        $body = $html.Substring($html.IndexOf('<body>'))
        $body | Should -Not -Match '<(script|iframe|form|img|style|object|embed)\b'
        $html | Should -Not -Match '<a [^>]*href="javascript:'
        $html | Should -Not -Match '<[^>]*\son\w+\s*='
        $html | Should -Match '<meta http-equiv="Content-Security-Policy"'
    }
}
