# Issue 13: PowerShell conventions checked over every command the module exports, so a new cmdlet is held to them too.
BeforeDiscovery {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:CommandCases = @(Get-Command -Module AiNews -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
    # Cmdlets whose -Path names files they read (a -Path of Export-* is where they write).
    $script:ReaderCases = @(Get-Command -Module AiNews -CommandType Cmdlet |
        Where-Object { $_.Parameters.ContainsKey('Path') -and $_.Verb -notin 'Export', 'Out', 'New', 'Set' } | ForEach-Object { @{ Name = $_.Name } })
    $script:WriterCases = @(Get-Command -Module AiNews -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/TestSite.ps1"
    $script:Site = Start-TestSite -FixturesOnly
    $script:Samples = Get-Content (Join-Path $FixturesRoot 'sample-articles.json') -Raw -Encoding utf8 | ConvertFrom-Json

    # Cmdlets that write a file or send something; each must support -WhatIf/-Confirm. Add a cmdlet here when it starts to.
    $script:WritesOrSends = @{
        'Export-AiDigest'      = 'writes digest files and archives'
        'Send-AiDigest'        = 'posts to a webhook'
        'Invoke-AiNewsJob'     = 'writes the archive, its state and log'
        'Register-AiNewsJob'   = 'changes the crontab or Task Scheduler'
        'Unregister-AiNewsJob' = 'changes the crontab or Task Scheduler'
        'Add-AiSummary'        = 'sends article text to a model (-Endpoint) and caches its answers'
    }

    # Everything under a folder, with each file's hash: what "nothing changed" is compared on.
    function Get-TreeState([string] $Root) {
        if (-not (Test-Path -LiteralPath $Root)) { return @('<absent>') }
        @(Get-ChildItem -LiteralPath $Root -Recurse -Force | Sort-Object FullName | ForEach-Object {
            if ($_.PSIsContainer) { "$($_.FullName)/" } else { "$($_.FullName)|$((Get-FileHash -LiteralPath $_.FullName).Hash)" } })
    }

    # One -WhatIf run per writing cmdlet, against a temp folder and the test site: it returns what must not change.
    # Each case: Arrange (may write the starting state), Act (runs the cmdlet with -WhatIf), and the folders to watch.
    $script:WhatIfCases = @{
        'Export-AiDigest' = {
            $root = Join-Path $TestDrive 'whatif-export'
            $existing = Join-Path $root 'existing'
            $Samples[0..1] | Export-AiDigest -ArchivePath $existing -TimeZone Asia/Seoul
            $watch = @($root)
            $before = Get-TreeState $root
            $Samples | Export-AiDigest -Path (Join-Path $root 'new.md') -WhatIf
            $Samples | Export-AiDigest -ArchivePath (Join-Path $root 'NEW') -Format Markdown, Html -TimeZone Asia/Seoul -WhatIf
            $Samples | Export-AiDigest -ArchivePath $existing -Format Markdown, Html -TimeZone Asia/Seoul -WhatIf
            @{ Before = $before; After = Get-TreeState $root; Requests = 0 }
        }
        'Send-AiDigest' = {
            $hook = New-TestSiteHook $Site
            $file = Join-Path $TestDrive 'whatif-send.md'
            $Samples | Export-AiDigest -TimeZone Asia/Seoul | Set-Content -LiteralPath $file -Encoding utf8
            Send-AiDigest -Path $file -Kind Slack -WebhookUri $hook.Uri -WhatIf
            $Samples | Export-AiDigest -TimeZone Asia/Seoul | Send-AiDigest -Kind Discord -WebhookUri $hook.Uri -WhatIf
            @{ Before = 0; After = 0; Requests = @(Get-TestSiteHookRequest $hook).Count }
        }
        'Invoke-AiNewsJob' = {
            $root = Join-Path $TestDrive 'whatif-job'
            New-Item -ItemType Directory -Path $root -Force | Out-Null
            $catalog = Join-Path $TestDrive 'whatif-sources.json'
            ConvertTo-Json -Depth 5 -InputObject @(@{ Id = 'Newsroom'; Name = 'Newsroom'; FeedUri = "$($Site.Url)newsroom/feed.xml?now=$([uri]::EscapeDataString([DateTimeOffset]::Now.ToString('o')))"
                AllowPrivateNetwork = $true; Language = 'en'; TimeZone = 'Asia/Seoul' }) | Set-Content -LiteralPath $catalog -Encoding utf8
            $before = Get-TreeState $root
            $null = Invoke-AiNewsJob -ArchivePath (Join-Path $root 'news') -CachePath (Join-Path $root 'cache') -SourceFile $catalog -Source Newsroom -WhatIf -Notify Slack
            @{ Before = $before; After = Get-TreeState $root; Requests = 0 }
        }
        'Register-AiNewsJob' = { Invoke-WithFakeCrontab { Register-AiNewsJob -ArchivePath (Join-Path $TestDrive 'cron-news') -Name WhatIfJob -WhatIf } }
        'Unregister-AiNewsJob' = { Invoke-WithFakeCrontab { Unregister-AiNewsJob -Name Existing -WhatIf } }
        'Add-AiSummary' = {
            # Sends article text to a model and writes its cache: with -WhatIf, neither.
            $cache = Join-Path $TestDrive 'whatif-llm'
            $before = @(Get-TestSiteChatRequest $Site).Count
            $null = $Samples[0..1] | Add-AiSummary -Endpoint "$($Site.Url)v1" -Model test-model -CachePath $cache -WhatIf -WarningAction SilentlyContinue
            @{ Before = '<absent>'; After = @(Get-TreeState $cache); Requests = @(Get-TestSiteChatRequest $Site).Count - $before }
        }
    }

    # Runs a script with a stand-in crontab(1) on PATH (as Job.Tests.ps1 does) and returns the table before and after.
    function Invoke-WithFakeCrontab([scriptblock] $Script) {
        $bin = Join-Path $TestDrive 'whatif-bin'
        New-Item -ItemType Directory -Force -Path $bin | Out-Null
        $table = Join-Path $TestDrive 'whatif-crontab.txt'
        Set-Content -Path $table -Value "MAILTO=me@example.com`n" -NoNewline
        Set-Content -Path (Join-Path $bin 'crontab') -Value "#!/bin/sh`ncase `"`$1`" in`n  -l) cat '$table' ;;`n  -) cat > '$table' ;;`n  *) exit 2 ;;`nesac`n" -NoNewline
        & chmod +x (Join-Path $bin 'crontab')
        $saved = $env:PATH
        try {
            $env:PATH = $bin + [IO.Path]::PathSeparator + $env:PATH
            $null = Register-AiNewsJob -ArchivePath (Join-Path $TestDrive 'cron-existing') -Name Existing -Force
            $before = Get-TreeState $TestDrive | Where-Object { $_ -like "$table|*" }
            $null = & $Script
            @{ Before = $before; After = (Get-TreeState $TestDrive | Where-Object { $_ -like "$table|*" }); Requests = 0 }
        }
        finally { $env:PATH = $saved }
    }
}
AfterAll { if ($script:Site) { Stop-TestSite $script:Site } }

Describe 'Conventions of <Name>' -ForEach $CommandCases {
    BeforeAll { $script:Command = Get-Command $Name -Module AiNews }

    It 'declares [OutputType], or documents that it outputs nothing' {
        if ($Command.OutputType.Count -eq 0) {
            (Get-Help $Name -Full).returnValues.returnValue.type.name | Should -Be 'None' -Because "$Name has no [OutputType]"
        }
    }

    It 'has no positional clash between parameter sets' {
        # Two different parameters at one position in different sets make a bare argument ambiguous: PowerShell then
        # picks the default set, as "Get-AiArticle ./feed.xml" once read './feed.xml' as a source id.
        $byPosition = @{}
        foreach ($set in $Command.ParameterSets) {
            foreach ($p in $set.Parameters | Where-Object Position -ge 0) {
                if (-not $byPosition.ContainsKey($p.Position)) { $byPosition[$p.Position] = [Collections.Generic.HashSet[string]]::new() }
                $null = $byPosition[$p.Position].Add($p.Name)
            }
        }
        foreach ($position in $byPosition.Keys) {
            @($byPosition[$position]) | Should -HaveCount 1 -Because "position $position of $Name must be one parameter in every set"
        }
    }

    It 'supports -WhatIf and -Confirm when it writes or sends' {
        if ($WritesOrSends.ContainsKey($Name)) {
            $Command.Parameters.ContainsKey('WhatIf') | Should -BeTrue -Because "$Name $($WritesOrSends[$Name])"
            $Command.Parameters.ContainsKey('Confirm') | Should -BeTrue
        }
    }
}

Describe 'Files read by <Name>' -ForEach $ReaderCases {
    It 'takes -Path with wildcards and -LiteralPath from Get-ChildItem, and says so in its help' {
        $command = Get-Command $Name -Module AiNews
        $path = $command.Parameters['Path']
        @($path.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count | Should -Be 1
        (Get-Help $Name -Parameter Path).globbing | Should -Be 'true'
        $command.Parameters.ContainsKey('LiteralPath') | Should -BeTrue
        $literal = $command.Parameters['LiteralPath']
        $literal.Aliases | Should -Contain 'PSPath'
        @($literal.Attributes | Where-Object { $_ -is [Parameter] -and $_.ValueFromPipelineByPropertyName }).Count | Should -BeGreaterThan 0
        (Get-Help $Name -Parameter LiteralPath).globbing | Should -Be 'false'
    }
}

Describe '-WhatIf of <Name>' -ForEach $WriterCases {
    It 'changes nothing on disk and sends nothing' {
        $WhatIfCases.ContainsKey($Name) | Should -BeTrue -Because "every cmdlet with -WhatIf needs a case in `$WhatIfCases ($Name has none)"
        $onWindows = [Environment]::OSVersion.Platform -eq 'Win32NT'
        if ($onWindows -and $Name -like '*AiNewsJob' -and $Name -ne 'Invoke-AiNewsJob') { Set-ItResult -Skipped -Because 'the Task Scheduler is not faked'; return }
        $outcome = & $WhatIfCases[$Name]
        $outcome.After | Should -Be $outcome.Before
        $outcome.Requests | Should -Be 0
    }
}

Describe 'about_AiNews_Configuration' {
    BeforeAll { $script:Text = Get-Help about_AiNews_Configuration -ErrorAction Stop | Out-String -Width 200 }

    It 'names every environment variable the module reads' {
        $sources = Get-ChildItem (Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'module') -Recurse -Include *.cs, *.ps1 |
            Where-Object FullName -notmatch '[\\/](obj|bin)[\\/]'
        $variables = @($sources | Select-String -Pattern 'AINEWS_[A-Z_]+' -AllMatches | ForEach-Object { $_.Matches.Value } | Sort-Object -Unique)
        $variables | Should -Contain 'AINEWS_SOURCES'
        foreach ($v in $variables) { $Text | Should -Match $v }
    }

    It 'names every file and folder the module writes or keeps' {
        foreach ($name in [AiNews.Digest.Archive.ArchiveLock]::FileName, [AiNews.Common.AtomicFile]::TempSuffix,
            [AiNews.Jobs.JobCheckpoint]::FolderName, [AiNews.Jobs.JobCheckpoint]::FileName, [AiNews.Jobs.JobCheckpoint]::LogFileName,
            [AiNews.Digest.Archive.ArchiveLayout]::FolderIndexFile, [AiNews.Digest.Archive.ArchiveLayout]::PagesIndexFile,
            [AiNews.Sources.SourceCatalog]::FileName, [AiNews.Tagging.Taxonomy]::FileName, 'SecretManagement', 'Get-Secret') {
            $Text | Should -Match ([regex]::Escape($name))
        }
        foreach ($folder in [AiNews.Fetching.FetchOptions]::DefaultCachePath, [AiNews.Summaries.SummaryCache]::DefaultFolder) {
            $Text | Should -Match ([regex]::Escape((Split-Path $folder -Leaf)))
        }
    }
}

Describe 'Data files with a byte order mark' {
    It 'reads a source catalog saved with a UTF-8 BOM (Windows PowerShell 5.1''s Set-Content -Encoding utf8)' {
        $file = Join-Path $TestDrive 'bom-sources.json'
        $json = ConvertTo-Json -Depth 5 -InputObject @(@{ Id = 'BomSource'; Name = 'BOM 소스'; FeedUri = 'https://bom.example.com/feed.xml'; Language = 'ko' })
        [IO.File]::WriteAllText($file, $json, [Text.UTF8Encoding]::new($true))
        [IO.File]::ReadAllBytes($file)[0] | Should -Be 0xEF
        $source = Get-AiSource BomSource -SourceFile $file -ErrorAction Stop
        $source.Name | Should -Be 'BOM 소스'
        $saved = $env:AINEWS_SOURCES
        try { $env:AINEWS_SOURCES = $file; (Get-AiSource BomSource -ErrorAction Stop).Id | Should -Be 'BomSource' }
        finally { $env:AINEWS_SOURCES = $saved }
    }

    It 'reads a taxonomy saved with a UTF-8 BOM' {
        $file = Join-Path $TestDrive 'bom-taxonomy.json'
        $json = @{ organizations = @(@{ name = 'Bomvision'; country = 'KR'; names = @('봄비전') }) } | ConvertTo-Json -Depth 5
        [IO.File]::WriteAllText($file, $json, [Text.UTF8Encoding]::new($true))
        $a = [pscustomobject]@{ Title = '봄비전, 한국어 AI 모델 공개'; Url = 'https://e.com/bom'; Content = '봄비전이 새 AI 언어모델을 공개했다. 봄비전은 이 모델을 오픈소스로 내놓았다.' }
        ($a | Add-AiTag -Taxonomy $file -ErrorAction Stop).Organization | Should -Be 'Bomvision'
    }
}
