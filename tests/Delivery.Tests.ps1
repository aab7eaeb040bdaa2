BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/TestSite.ps1"
    $script:Site = Start-TestSite -FixturesOnly
    $script:Digest = (1..30 | ForEach-Object {
        [pscustomobject]@{ Title = "기사 $_ 번: 오픈AI *새 모델* <b>공개</b> @everyone"; Url = "https://example.com/news/$_"; Source = 'AI타임스'
            Organization = 'OpenAI'; Summary = ('요약 문장입니다. ' * 20); Content = 'x'; Published = [DateTimeOffset]'2025-12-27T10:00:00+09:00' }
    } | Export-AiDigest -TimeZone Asia/Seoul)
}

AfterAll { if ($script:Site) { Stop-TestSite $script:Site } }

Describe 'Send-AiDigest' {
    It 'posts <Kind> messages within the service''s size limit, each article exactly once' -ForEach @(
        @{ Kind = 'Slack'; Limit = 3000; Field = 'text' }
        @{ Kind = 'Discord'; Limit = 2000; Field = 'content' }
        @{ Kind = 'Teams'; Limit = 7000; Field = $null }
    ) {
        $script:Receiver = New-TestSiteHook $Site
        $results = $Digest | Send-AiDigest -Kind $Kind -WebhookUri $Receiver.Uri -PassThru
        $requests = @(Get-TestSiteHookRequest $Receiver)
        $requests.Count | Should -BeGreaterThan 1
        @($results | Where-Object Succeeded).Count | Should -Be $requests.Count
        $texts = foreach ($r in $requests) {
            $json = $r.Body | ConvertFrom-Json
            $r.ContentType | Should -BeLike 'application/json*'
            if ($Field) { $json.$Field } else { $json.attachments[0].content.body[0].text }
        }
        foreach ($t in $texts) { $t.Length | Should -BeLessOrEqual $Limit }
        foreach ($i in 1..30) { @($texts | Where-Object { $_ -match "example\.com/news/$i\b" }).Count | Should -Be 1 }
        $texts[0] | Should -Match '\(1/\d+\)'
    }

    It 'escapes markup and mentions for Discord and does not let it ping anyone' {
        $script:Receiver = New-TestSiteHook $Site
        $Digest | Send-AiDigest -Kind Discord -WebhookUri $Receiver.Uri
        $json = @(Get-TestSiteHookRequest $Receiver)[0].Body | ConvertFrom-Json
        $json.allowed_mentions.parse.Count | Should -Be 0
        $json.content | Should -Match '\\\*새 모델\\\*'
        $json.content | Should -Match '\\@everyone'
    }

    It 'escapes Slack''s control characters' {
        $script:Receiver = New-TestSiteHook $Site
        $Digest | Send-AiDigest -Kind Slack -WebhookUri $Receiver.Uri
        (@(Get-TestSiteHookRequest $Receiver)[0].Body | ConvertFrom-Json).text | Should -Match '&lt;b&gt;공개&lt;/b&gt;'
    }

    It 'retries 429 with Retry-After and 5xx, then delivers' {
        $script:Receiver = New-TestSiteHook $Site -Answers @(
            @{ Status = 429; RetryAfter = 1 }
            @{ Status = 503 }
            @{ Status = 200 }
        )
        $one = ($Digest | ConvertFrom-AiDigest | Select-Object -First 2 | Export-AiDigest)
        $result = $one | Send-AiDigest -Kind Slack -WebhookUri $Receiver.Uri -PassThru -Verbose 4>&1
        $r = $result | Where-Object { $_ -is [AiNews.Delivery.WebhookResult] }
        $r.Succeeded | Should -BeTrue
        $r.Attempts | Should -Be 3
        $requests = @(Get-TestSiteHookRequest $Receiver)
        $requests.Count | Should -Be 3
        ($requests[1].At - $requests[0].At).TotalSeconds | Should -BeGreaterOrEqual 0.9
        ($result | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Not -Match 'secret-token'
    }

    It 'honours Discord''s retry_after in the body' {
        $script:Receiver = New-TestSiteHook $Site -Answers @(
            @{ Status = 429; Body = '{"message":"You are being rate limited.","retry_after":0.5,"global":false}' }
        )
        $r = ($Digest | ConvertFrom-AiDigest | Select-Object -First 1 | Export-AiDigest) | Send-AiDigest -Kind Discord -WebhookUri $Receiver.Uri -PassThru
        $r.Attempts | Should -Be 2
        $r.Succeeded | Should -BeTrue
    }

    It 'reports a message that cannot be delivered and still sends the others' {
        $script:Receiver = New-TestSiteHook $Site -Answers @(@{ Status = 400; Body = 'invalid_payload' })
        $results = $Digest | Send-AiDigest -Kind Discord -WebhookUri $Receiver.Uri -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.WebhookFailed,*'
        $errs[0].Exception.Message | Should -Match '400'
        $errs[0].Exception.Message | Should -Not -Match 'secret-token'
        @($results | Where-Object Succeeded).Count | Should -Be ($results.Count - 1)
    }

    It 'never shows a reply that echoes the secret, in errors, -Verbose or -PassThru, even with a bogus charset (issue 8)' {
        $echo = '{"message":"bad token secret-token at /hook/secret-token","retry_after":0}'
        $script:Receiver = New-TestSiteHook $Site -Answers @(
            @{ Status = 500; Body = $echo; ContentType = 'application/json; charset=no-such-charset' }
            @{ Status = 400; Body = $echo + (' ' * 200000); ContentType = 'application/json; charset=no-such-charset' })
        $out = $Digest | Send-AiDigest -Kind Discord -WebhookUri $Receiver.Uri -PassThru -Verbose -ErrorVariable errs -ErrorAction SilentlyContinue 4>&1
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.WebhookFailed,*'
        $errs[0].Exception.Message | Should -Match '400'
        $text = @($errs.Exception.Message) + @($out | ForEach-Object { if ($_ -is [Management.Automation.VerboseRecord]) { $_.Message } else { $_.Error } })
        ($text -join "`n") | Should -Not -Match 'secret-token|bad token|/hook'
        @($out | Where-Object { $_ -is [AiNews.Delivery.WebhookResult] -and $_.Succeeded }).Count | Should -BeGreaterThan 0
    }

    It 'reports a relative -WebhookUri as AiNews.WebhookMissing without echoing it (issue 8)' {
        $script:Receiver = New-TestSiteHook $Site
        { $Digest | Send-AiDigest -Kind Slack -WebhookUri ([uri]::new('hook/secret-token', [UriKind]::Relative)) -ErrorAction Stop } |
            Should -Throw -ErrorId 'AiNews.WebhookMissing,AiNews.Commands.SendAiDigestCommand'
        try { $Digest | Send-AiDigest -Kind Slack -WebhookUri ([uri]::new('hook/secret-token', [UriKind]::Relative)) -ErrorAction Stop } catch { $_.Exception.Message | Should -Not -Match 'secret-token' }
    }

    It 'refuses a -Path file over 10 MB (or /dev/zero) with AiNews.FileTooLarge and sends nothing (issue 8)' {
        $script:Receiver = New-TestSiteHook $Site
        $huge = if (Test-Path '/dev/zero') { '/dev/zero' } else {
            $f = Join-Path $TestDrive 'huge.md'; [IO.File]::WriteAllBytes($f, [byte[]]::new(11MB)); $f }
        { Send-AiDigest -Path $huge -Kind Slack -WebhookUri $Receiver.Uri -ErrorAction Stop } |
            Should -Throw -ErrorId 'AiNews.FileTooLarge,AiNews.Commands.SendAiDigestCommand'
        @(Get-TestSiteHookRequest $Receiver).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf, and says what to do without a webhook' {
        $script:Receiver = New-TestSiteHook $Site
        $Digest | Send-AiDigest -Kind Teams -WebhookUri $Receiver.Uri -WhatIf
        @(Get-TestSiteHookRequest $Receiver).Count | Should -Be 0
        Remove-Item Env:AINEWS_WEBHOOK_URI -ErrorAction SilentlyContinue
        { $Digest | Send-AiDigest -Kind Teams -ErrorAction Stop } | Should -Throw '*AINEWS_WEBHOOK_URI*'
    }
}
