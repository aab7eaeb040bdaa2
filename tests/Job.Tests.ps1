# The scheduled job (Invoke-AiNewsJob, module/ainews-job.ps1, Register-AiNewsJob): runs at any hour file every
# article once under its own day, the exit code and log line tell a scheduler the truth, and a run with nothing
# new writes nothing. The newsroom of the test site publishes an article every 2 h 51 min of simulated time.
BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/TestSite.ps1"
    $script:Site = Start-TestSite -FixturesOnly
    $script:Seoul = [TimeSpan]::FromHours(9)
    $script:Day1 = [DateTimeOffset]::new(2026, 3, 1, 0, 0, 0, $Seoul)
    $script:JobScript = Join-Path $RepoRoot 'module/ainews-job.ps1'

    # A catalog whose newsroom feed shows what was published by $At (the job's simulated clock); -Extra adds sources.
    function New-Catalog([string] $Folder, [DateTimeOffset] $At, [hashtable[]] $Extra = @()) {
        $feed = "$($Site.Url)newsroom/feed.xml?now=$([uri]::EscapeDataString($At.ToString('o')))"
        $sources = @(@{ Id = 'Newsroom'; Name = 'Newsroom'; FeedUri = $feed; AllowPrivateNetwork = $true; Homepage = $Site.Url; Language = 'en'; TimeZone = 'Asia/Seoul' }) + $Extra
        $path = Join-Path $Folder 'sources.json'
        New-Item -ItemType Directory -Force -Path $Folder | Out-Null
        ConvertTo-Json -InputObject $sources -Depth 4 | Set-Content -Path $path -Encoding utf8
        $path
    }
    function Invoke-Job([string] $Folder, [DateTimeOffset] $At, [string[]] $Source = @('Newsroom'), [hashtable[]] $Extra = @()) {
        $catalog = New-Catalog $Folder $At $Extra
        Invoke-AiNewsJob -ArchivePath (Join-Path $Folder 'news') -SourceFile $catalog -Source $Source -AsOf $At -NoCache -ErrorAction SilentlyContinue
    }
    # Day file (yyyy-MM-dd) -> article URLs, read back with ConvertFrom-AiDigest.
    function Get-Filed([string] $Archive) {
        $filed = @{}
        foreach ($file in Get-ChildItem $Archive -Recurse -Filter *.md | Where-Object Name -match '^\d\d-\d\d\.md$') {
            $day = '{0}-{1}' -f $file.Directory.Parent.Name, ($file.BaseName)
            $filed[$day] = @(ConvertFrom-AiDigest -LiteralPath $file.FullName | ForEach-Object Url)
        }
        $filed
    }
    function Get-Snapshot([string] $Root) {
        Get-ChildItem $Root -Recurse -File | Where-Object { $_.FullName -notmatch '[\\/]\.ainews[\\/]' } | Sort-Object FullName |
            ForEach-Object { "$($_.FullName.Substring($Root.Length))|$((Get-FileHash $_.FullName).Hash)" }
    }
    # Runs the job script the way cron does: a fresh PowerShell, -File, output redirected.
    function Invoke-JobProcess([string[]] $Arguments) {
        $shell = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $start = [Diagnostics.ProcessStartInfo]::new($shell)
        if ([IO.Path]::GetFileNameWithoutExtension($shell) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($a in @('-NoProfile', '-NonInteractive', '-File', $JobScript) + $Arguments) { $start.ArgumentList.Add($a) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($start)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill(); throw 'The job process did not finish in 120 s.' }
        [pscustomobject]@{ ExitCode = $process.ExitCode; Out = $stdout.Result; Err = $stderr.Result }
    }
}

AfterAll { Stop-TestSite $Site }

Describe 'Invoke-AiNewsJob over three simulated days' {
    BeforeAll {
        $end = $Day1.AddDays(3).AddHours(7)
        $script:Schedules = [ordered]@{
            'daily at 07:00'        = @(0..3 | ForEach-Object { $Day1.AddDays($_).AddHours(7) })
            'hourly'                = @(for ($h = 1; $h -le 79; $h++) { $Day1.AddHours($h).AddMinutes(5) }) + $end
            'at 07:00, one missed'  = @($Day1.AddHours(7), $Day1.AddDays(2).AddHours(7), $end)
            'late, at 23:50'        = @(0..2 | ForEach-Object { $Day1.AddDays($_).AddHours(23).AddMinutes(50) }) + $end
        }
        # What the feed carried at any run of any schedule: every item published up to the last run.
        $carried = [ordered]@{}
        foreach ($at in ($Schedules.Values | ForEach-Object { $_ })) {
            $feed = [xml](Invoke-WebRequest "$($Site.Url)newsroom/feed.xml?now=$([uri]::EscapeDataString($at.ToString('o')))").Content
            foreach ($item in $feed.rss.channel.item) {
                $carried[$item.link] = [DateTimeOffset]::Parse($item.pubDate).ToOffset($Seoul).ToString('yyyy-MM-dd')
            }
        }
        $script:Carried = $carried
        $script:Results = @{}
        $script:Archives = @{}
        foreach ($name in $Schedules.Keys) {
            $folder = Join-Path $TestDrive ($name -replace '\W', '')
            $Results[$name] = @(foreach ($at in $Schedules[$name]) { Invoke-Job $folder $at })
            $Archives[$name] = Get-Filed (Join-Path $folder 'news')
        }
    }

    It 'files every article the feed carried exactly once, under its own day (<_>)' -ForEach @('daily at 07:00', 'hourly', 'at 07:00, one missed', 'late, at 23:50') {
        $Carried.Count | Should -BeGreaterThan 25
        $filed = $Archives[$_]
        $all = @($filed.Values | ForEach-Object { $_ })
        $all.Count | Should -Be $Carried.Count
        @($all | Sort-Object -Unique).Count | Should -Be $all.Count
        foreach ($day in $filed.Keys) {
            foreach ($url in $filed[$day]) { "$url $($Carried[$url])" | Should -Be "$url $day" }
        }
    }

    It 'ends every run with exit code 0 and counts what it filed (<_>)' -ForEach @('daily at 07:00', 'hourly', 'at 07:00, one missed', 'late, at 23:50') {
        $runs = $Results[$_]
        $runs | ForEach-Object { $_.ExitCode } | Sort-Object -Unique | Should -Be 0
        ($runs | Measure-Object -Property New -Sum).Sum | Should -Be $Carried.Count
    }

    It 'gives the same archive whichever the schedule' {
        $reference = $Archives['daily at 07:00']
        foreach ($name in $Schedules.Keys) {
            ($Archives[$name].Keys | Sort-Object) -join ',' | Should -Be (($reference.Keys | Sort-Object) -join ',')
            foreach ($day in $reference.Keys) { ($Archives[$name][$day] | Sort-Object) -join ' ' | Should -Be (($reference[$day] | Sort-Object) -join ' ') }
        }
    }

    It 'reads from the last success less the overlap, never more than 48 hours back' {
        $daily = $Results['daily at 07:00']
        $daily[0].Since | Should -Be $Schedules['daily at 07:00'][0].AddHours(-48)
        $daily[1].Since | Should -Be $Schedules['daily at 07:00'][0].AddHours(-6)
        $missed = $Results['at 07:00, one missed']
        $missed[1].Since | Should -Be $Schedules['at 07:00, one missed'][1].AddHours(-48)
    }
}

Describe 'Invoke-AiNewsJob results' {
    BeforeEach { $script:Folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N')) }

    It 'writes nothing to the archive when nothing is new, and says so in one log line per run' {
        $at = $Day1.AddHours(9)
        (Invoke-Job $Folder $at).New | Should -BeGreaterThan 0
        $archive = Join-Path $Folder 'news'
        $before = Get-Snapshot $archive
        $again = Invoke-Job $Folder $at.AddMinutes(30)
        $again.New | Should -Be 0
        $again.ExitCode | Should -Be 0
        Get-Snapshot $archive | Should -Be $before
        $log = @(Get-Content (Join-Path $archive '.ainews/job.log'))
        $log.Count | Should -Be 2
        $log[1] | Should -Match '^2026-03-01T09:30:00\+09:00 ok sources=1/1 new=0 skipped=\d+ errors=0 archive=.+news$'
    }

    It 'creates no page, index or lock when the first run finds nothing' {
        $result = Invoke-Job $Folder $Day1.AddDays(-5)   # before the newsroom's first article
        $result.ExitCode | Should -Be 0
        $result.New | Should -Be 0
        @(Get-ChildItem (Join-Path $Folder 'news') -Recurse -File -Force | Where-Object { $_.FullName -notmatch '[\\/]\.ainews[\\/]' }).Count | Should -Be 0
    }

    It 'exits 2 when one source fails and the others are filed' {
        $broken = @{ Id = 'Broken'; Name = 'Broken'; AllowPrivateNetwork = $true; FeedUri = "$($Site.Url)newsroom/feed.xml?status=404"; Language = 'en'; TimeZone = 'Asia/Seoul' }
        $result = Invoke-Job $Folder $Day1.AddHours(9) -Source Newsroom, Broken -Extra $broken
        $result.Status | Should -Be 'Partial'
        $result.ExitCode | Should -Be 2
        $result.SourcesRead | Should -Be 1
        $result.SourcesTotal | Should -Be 2
        $result.New | Should -BeGreaterThan 0
        $result.LogLine | Should -Match ' partial sources=1/2 new=\d+ skipped=\d+ errors=[1-9]\d* '
        # The failed source holds no lock: the next job takes it at once.
        [IO.File]::Open((Join-Path $Folder 'news/.ainews.lock'), 'OpenOrCreate', 'ReadWrite', 'None').Dispose()
    }

    It 'changes nothing with -WhatIf: no day file, lock, state or log line' {
        $catalog = New-Catalog $Folder $Day1.AddHours(9)
        $archive = Join-Path $Folder 'news'
        $result = Invoke-AiNewsJob -ArchivePath $archive -SourceFile $catalog -Source Newsroom -AsOf $Day1.AddHours(9) -NoCache -WhatIf
        $result.ExitCode | Should -Be 0
        Test-Path $archive | Should -BeFalse
        $null = Invoke-Job $Folder $Day1.AddHours(9)
        $before = @(Get-ChildItem $archive -Recurse -File -Force | ForEach-Object { "$($_.FullName)|$((Get-FileHash $_.FullName).Hash)" })
        $later = New-Catalog $Folder $Day1.AddHours(20)   # four more articles by then
        $dry = Invoke-AiNewsJob -ArchivePath $archive -SourceFile $later -Source Newsroom -AsOf $Day1.AddHours(20) -NoCache -WhatIf
        $dry.Skipped | Should -BeGreaterThan 3
        @(Get-ChildItem $archive -Recurse -File -Force | ForEach-Object { "$($_.FullName)|$((Get-FileHash $_.FullName).Hash)" }) | Should -Be $before
    }

    It 'exits 1 when no source can be read, and reads the failed source again next time' {
        $result = Invoke-Job $Folder $Day1.AddHours(9) -Source Typo
        $result.ExitCode | Should -Be 1
        $result.SourcesRead | Should -Be 0
        $result.LogLine | Should -Match ' failed sources=0/1 new=0 '
        $ok = Invoke-Job $Folder $Day1.AddHours(10)
        $ok.ExitCode | Should -Be 0
        $ok.Since | Should -Be $Day1.AddHours(10).AddHours(-48)
    }

    It 'keeps the later success when an earlier run finishes last (overlapping runs)' {
        $null = Invoke-Job $Folder $Day1.AddHours(10)
        $null = Invoke-Job $Folder $Day1.AddHours(5)
        $state = Get-Content (Join-Path $Folder 'news/.ainews/state.json') -Raw | ConvertFrom-Json
        [DateTimeOffset]::Parse($state.lastSuccess.Newsroom) | Should -Be $Day1.AddHours(10)
        (Invoke-Job $Folder $Day1.AddHours(11)).Since | Should -Be $Day1.AddHours(4)
    }

    It 'says once that the network is down, tries each source once, and exits 1' {
        $down = @(
            @{ Id = 'DownA'; Name = 'DownA'; FeedUri = 'http://ainews-a.invalid/feed.xml'; TimeZone = 'Asia/Seoul' }
            @{ Id = 'DownB'; Name = 'DownB'; FeedUri = 'http://ainews-b.invalid/rss'; TimeZone = 'Asia/Seoul' }
        )
        $catalog = New-Catalog $Folder $Day1 $down
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = Invoke-AiNewsJob -ArchivePath (Join-Path $Folder 'news') -SourceFile $catalog -Source DownA, DownB -AsOf $Day1 -NoCache -ErrorVariable errs -ErrorAction SilentlyContinue
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $result.ExitCode | Should -Be 1
        $result.LogLine | Should -Match ' failed sources=0/2 new=0 skipped=0 errors=2 '
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.NetworkUnavailable,*'
        $errs[0].Exception.Message | Should -Match 'network or DNS is unavailable'
        $errs[0].Exception.Message | Should -Not -Match 'robots'
    }

    It 'ends with a result and a log line, exit code 1, when it cannot start (<Case>)' -ForEach @(
        @{ Case = 'unknown time zone'; Extra = @{ TimeZone = 'Mars/Olympus_Mons' }; Id = 'AiNews.TimeZoneNotFound' }
        @{ Case = 'unknown parameter'; Extra = @{ MoreSource = @('-Bogus') }; Id = 'AiNews.UnknownParameter' }
        @{ Case = 'broken catalog'; Extra = @{ SourceFile = 'broken' }; Id = 'AiNews.SourceCatalogInvalid' }
    ) {
        $catalog = New-Catalog $Folder $Day1
        if ($Extra.SourceFile) { Set-Content -Path $catalog -Value '[ { "Id": ' ; $Extra = @{} }
        $archive = Join-Path $Folder 'news'
        $result = Invoke-AiNewsJob -ArchivePath $archive -SourceFile $catalog -Source Newsroom -AsOf $Day1 @Extra -ErrorVariable errs -ErrorAction SilentlyContinue
        $result.ExitCode | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        Get-Content (Join-Path $archive '.ainews/job.log') | Should -Match ' failed sources=0/\d+ new=0 skipped=0 errors=1 '
    }

    It 'reports the unknown source with AiNews.SourceNotFound' {
        $catalog = New-Catalog $Folder $Day1
        $null = Invoke-AiNewsJob -ArchivePath (Join-Path $Folder 'news') -SourceFile $catalog -Source Typo -AsOf $Day1 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.FullyQualifiedErrorId | Should -Contain 'AiNews.SourceNotFound,AiNews.Commands.InvokeAiNewsJobCommand'
    }

    It 'stops at once on Ctrl+C while it waits for the archive lock, and holds nothing afterwards' {
        $archive = Join-Path $Folder 'news'
        New-Item -ItemType Directory -Force -Path $archive | Out-Null
        # Another job holds the lock: the run cannot file anything, fails, and takes no lock of its own with it.
        $lock = [IO.File]::Open((Join-Path $archive '.ainews.lock'), 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            $catalog = New-Catalog $Folder $Day1.AddHours(9)
            $job = [powershell]::Create()
            $null = $job.AddScript({
                    param($Manifest, $Archive, $Catalog, $At)
                    Import-Module $Manifest
                    Invoke-AiNewsJob -ArchivePath $Archive -SourceFile $Catalog -Source Newsroom -AsOf $At -NoCache -ErrorAction SilentlyContinue
                }).AddParameters(@{ Manifest = (Join-Path $RepoRoot 'AiNews.psd1'); Archive = $archive; Catalog = $catalog; At = $Day1.AddHours(9) })
            $handle = $job.BeginInvoke()
            Start-Sleep -Seconds 3
            $handle.IsCompleted | Should -BeFalse   # waiting for the lock (up to 60 s)
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $job.Stop()                             # Ctrl+C
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        }
        finally { $lock.Dispose() }
        # The stopped job holds nothing: a new run takes the lock at once and files everything.
        $result = Invoke-Job $Folder $Day1.AddHours(9)
        $result.ExitCode | Should -Be 0
        $result.New | Should -BeGreaterThan 0
    }
}

Describe 'The job script for cron and Task Scheduler' {
    BeforeAll {
        $script:Folder = Join-Path $TestDrive 'script'
        $second = @{ Id = 'Second'; Name = 'Second'; AllowPrivateNetwork = $true; FeedUri = "$($Site.Url)newsroom/feed.xml?k=second&now=$([uri]::EscapeDataString($Day1.AddHours(12).ToString('o')))"; Language = 'en'; TimeZone = 'Asia/Seoul' }
        $script:Catalog = New-Catalog $Folder $Day1.AddHours(12) @($second)
        $script:Archive = Join-Path $Folder 'news'
        $common = @('-ArchivePath', $Archive, '-SourceFile', $Catalog, '-AsOf', $Day1.AddHours(12).ToString('o'), '-NoCache')
        $script:Comma = Invoke-JobProcess (@('-Source', 'Newsroom,Second') + $common)
        $script:Spaced = Invoke-JobProcess (@('-Source', 'Newsroom', 'Second') + $common)
        $script:Partial = Invoke-JobProcess (@('-Source', 'Newsroom', 'Typo') + $common)
        $script:Failed = Invoke-JobProcess (@('-Source', 'Typo') + $common)
    }

    It 'takes -Source a,b and -Source a b, and exits 0 when every source was read' {
        $Comma.ExitCode | Should -Be 0
        $Comma.Out | Should -Match '(?m)^\S+ ok sources=2/2 new=[1-9]\d* '
        $Spaced.ExitCode | Should -Be 0
        $Spaced.Out | Should -Match '(?m)^\S+ ok sources=2/2 new=0 '
    }

    It 'exits 2 when a source failed but others were read, and 1 when none was' {
        $Partial.ExitCode | Should -Be 2
        $Partial.Out | Should -Match ' partial sources=1/2 '
        $Partial.Err | Should -Match "no source 'Typo'"
        $Failed.ExitCode | Should -Be 1
        $Failed.Out | Should -Match ' failed sources=0/1 '
    }

    It 'writes plain text without ANSI colour codes when its output is redirected' {
        foreach ($p in @($Comma, $Spaced, $Partial, $Failed)) {
            $p.Out | Should -Not -Match "`e"
            $p.Err | Should -Not -Match "`e"
        }
    }

    It 'appends one line per run to the log in the archive' {
        $log = @(Get-Content (Join-Path $Archive '.ainews/job.log'))
        $log.Count | Should -Be 4
        $log | ForEach-Object { $_ | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d (ok|partial|failed) sources=\d+/\d+ new=\d+ skipped=\d+ errors=\d+ archive=\S+$' }
    }

    It 'exits 1 on an unknown parameter' {
        $p = Invoke-JobProcess @('-ArchivePath', $Archive, '-Sauce', 'AiTimes')
        $p.ExitCode | Should -Be 1
    }
}

Describe 'Register-AiNewsJob and Unregister-AiNewsJob with cron' -Skip:([Environment]::OSVersion.Platform -eq 'Win32NT') {
    BeforeAll {
        # A stand-in crontab(1) on PATH that keeps the table in a file, as the real one does per user.
        $script:Bin = Join-Path $TestDrive 'bin'
        New-Item -ItemType Directory -Force -Path $Bin | Out-Null
        $script:Table = Join-Path $TestDrive 'crontab.txt'
        Set-Content -Path $Table -Value "MAILTO=me@example.com`n30 2 * * * /usr/local/bin/backup --all" -NoNewline
        $fake = Join-Path $Bin 'crontab'
        Set-Content -Path $fake -Value "#!/bin/sh`ncase `"`$1`" in`n  -l) cat '$Table' ;;`n  -) cat > '$Table' ;;`n  *) exit 2 ;;`nesac`n" -NoNewline
        & chmod +x $fake
        $script:SavedPath = $env:PATH
        $env:PATH = $Bin + [IO.Path]::PathSeparator + $env:PATH
        $script:JobArchive = Join-Path $TestDrive 'cron news'
    }
    AfterAll { $env:PATH = $SavedPath }

    It 'adds an hourly entry that runs the installed job script, keeping the other lines' {
        $info = Register-AiNewsJob -ArchivePath $JobArchive -Source AiTimes, TheVergeAI -TimeZone Asia/Seoul
        $info.Scheduler | Should -Be 'cron'
        $info.When | Should -Be '7 * * * *'
        $table = Get-Content $Table -Raw
        $table | Should -Match '(?m)^MAILTO=me@example.com$'
        $table | Should -Match '(?m)^30 2 \* \* \* /usr/local/bin/backup --all$'
        $table | Should -Match '(?m)^# AiNews job: AiNews '
        $table | Should -Match ([regex]::Escape("'-File' '$JobScript' '-ArchivePath' '$JobArchive' '-Source' 'AiTimes,TheVergeAI' '-TimeZone' 'Asia/Seoul'"))
        Test-Path (Join-Path $JobArchive '.ainews') | Should -BeTrue
    }

    It 'refuses a second job of the same name unless -Force, and -WhatIf changes nothing' {
        { Register-AiNewsJob -ArchivePath $JobArchive -ErrorAction Stop } | Should -Throw -ErrorId 'AiNews.JobExists,AiNews.Commands.RegisterAiNewsJobCommand'
        $before = Get-Content $Table -Raw
        Register-AiNewsJob -ArchivePath $JobArchive -Schedule Daily -At 06:30 -Force -WhatIf | Should -BeNullOrEmpty
        Get-Content $Table -Raw | Should -Be $before
        $info = Register-AiNewsJob -ArchivePath $JobArchive -Schedule Daily -At 06:30 -Force
        $info.When | Should -Be '30 6 * * *'
        @((Get-Content $Table) -match '^# AiNews job: AiNews ').Count | Should -Be 1
    }

    It 'registers a command line that runs the job' {
        $catalog = New-Catalog (Join-Path $TestDrive 'cronrun') $Day1.AddHours(8)
        $info = Register-AiNewsJob -Name Check -ArchivePath $JobArchive -SourceFile $catalog -Source Newsroom
        # What cron would run, less the redirection to the job's output file.
        $command = ($info.Command -replace " >> .*$", '') + " '-AsOf' '$($Day1.AddHours(8).ToString('o'))'"
        # A cold process optimises from the start (bench/RESULTS.md): the variable is set for this one command only.
        $info.Command | Should -Match '^DOTNET_TieredCompilation=0 '
        $out = & sh -c $command
        $LASTEXITCODE | Should -Be 0
        $out | Should -Match ' ok sources=1/1 new=[1-9]'
        Unregister-AiNewsJob -Name Check
    }

    It 'removes only its own entry' {
        Unregister-AiNewsJob
        $table = Get-Content $Table -Raw
        $table | Should -Not -Match 'AiNews'
        $table | Should -Match '(?m)^30 2 \* \* \* /usr/local/bin/backup --all$'
        Unregister-AiNewsJob -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AiNews.JobNotFound,*'
    }
}

# Task Scheduler itself exists only on Windows; the action it is given is built by the engine and checked here on
# every system, against cmd.exe's documented rules (cmd /?: with /s the outer quotes go and the rest runs as written).
Describe 'The Task Scheduler action' {
    BeforeAll {
        $script:Cmd = 'C:\Windows\System32\cmd.exe'
        $script:Pwsh = [string[]]@('C:\Program Files\PowerShell\7\pwsh.exe')
    }

    It 'starts PowerShell 7 through cmd.exe with DOTNET_TieredCompilation=0 for that one process, every argument quoted' {
        $arguments = [string[]]@('-NoProfile', '-File', 'C:\AiNews\module\ainews-job.ps1', '-ArchivePath', 'D:\News & Notes (AI)')
        $action = [AiNews.Jobs.TaskAction]::For($Pwsh, $arguments, $true, $Cmd)
        $action.Untiered | Should -BeTrue
        $action.Execute | Should -Be $Cmd
        # & and ( ) inside quotes are plain characters to cmd.exe; && outside them runs PowerShell after the set.
        $action.Argument | Should -BeExactly '/d /s /c "set "DOTNET_TieredCompilation=0" && "C:\Program Files\PowerShell\7\pwsh.exe" "-NoProfile" "-File" "C:\AiNews\module\ainews-job.ps1" "-ArchivePath" "D:\News & Notes (AI)""'
        $action.CommandLine | Should -BeExactly ('C:\Windows\System32\cmd.exe ' + $action.Argument)
    }

    It 'starts PowerShell directly when an argument holds a character cmd.exe would rewrite (<_>)' -ForEach @('D:\100%AI', 'D:\%USERPROFILE%\news') {
        $action = [AiNews.Jobs.TaskAction]::For($Pwsh, [string[]]@('-ArchivePath', $_), $true, $Cmd)
        $action.Untiered | Should -BeFalse
        $action.Execute | Should -Be $Pwsh[0]
        $action.Argument | Should -BeExactly "-ArchivePath $_"
    }

    It 'starts Windows PowerShell 5.1 directly: it has no tiered compilation' {
        $action = [AiNews.Jobs.TaskAction]::For([string[]]@('C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe'), [string[]]@('-File', 'C:\My Modules\ainews-job.ps1'), $false, $Cmd)
        $action.Untiered | Should -BeFalse
        $action.Execute | Should -Be 'C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe'
        $action.Argument | Should -BeExactly '-File "C:\My Modules\ainews-job.ps1"'
    }
}
