# Speed and scale (issue 14): what the Extraction and Start-up scenarios of `build.ps1 bench` measure must stay correct
# (parallel extraction gives the same articles, in order, and every bad file its own error), and the bench driver
# collects the scenarios' rows into one table and its history. The benchmarks themselves do not run here.

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    # Get-BenchShell: how to start a fresh PowerShell of the same kind as this one.
    Import-Module (Join-Path $RepoRoot 'bench/BenchHelpers.psm1') -Force
    . "$PSScriptRoot/TestPages.ps1"
    # A page whose body says which page it is, and whose size varies, so that a quick page can overtake a slow one.
    function New-NumberedPage([int] $Number) {
        $name = 'page{0:D3}' -f $Number
        New-Page $name "Page $name" (('<p>' + "Page number $Number. " + ($Sentence * (1 + ($Number * 7) % 13)) + '</p>') * (1 + $Number % 5))
    }
}

Describe 'Get-AiArticle -Path on many files (parallel extraction)' {
    It 'hands back the same articles as one call per file, in the order of the files' {
        $paths = @(1..40 | ForEach-Object { New-NumberedPage $_ }) + @(Get-ChildItem (Join-Path $FixturesRoot 'pages') -Filter '*.html' | Sort-Object Name | ForEach-Object FullName)
        $together = @(Get-AiArticle -Path $paths)
        $oneByOne = @(foreach ($p in $paths) { Get-AiArticle -Path $p })
        $together.Count | Should -Be $paths.Count
        $oneByOne.Count | Should -Be $paths.Count
        for ($i = 0; $i -lt $paths.Count; $i++) {
            $together[$i].Url | Should -Be $oneByOne[$i].Url -Because "article $i comes from $($paths[$i])"
            $together[$i].Title | Should -Be $oneByOne[$i].Title
            $together[$i].Content | Should -Be $oneByOne[$i].Content
        }
        $together[0..39].Title | Should -Be @(1..40 | ForEach-Object { 'Page page{0:D3}' -f $_ })
    }

    It 'reports each bad file in its place (too large, extraction failed, unreadable) and every other page still arrives, in order' {
        $big = Join-Path $TestDrive 'big.html'
        [IO.File]::WriteAllText($big, '<html><body>' + ('<p>filler</p>' * 200000) + '</body></html>')   # 2.6 MB
        $tooMany = New-Page 'too-many' 'Too many elements' ('<i></i>' * 101000)                                                  # past the element limit
        $folder = Join-Path $TestDrive 'a-folder.html'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $paths = @((New-NumberedPage 101), (New-NumberedPage 102), $big, (New-NumberedPage 103), $tooMany, (New-NumberedPage 104), $folder, (New-NumberedPage 105))
        $out = @(Get-AiArticle -Path $paths -MaxResponseBytes 2MB -ErrorAction Continue 2>&1)
        $seen = @($out | ForEach-Object {
                if ($_ -is [Management.Automation.ErrorRecord]) { ($_.FullyQualifiedErrorId -split ',')[0] } else { $_.Title }
            })
        $seen | Should -Be @('Page page101', 'Page page102', 'AiNews.FileTooLarge', 'Page page103', 'AiNews.ExtractionFailed', 'Page page104', 'AiNews.FileUnreadable', 'Page page105')
        $errors = @($out | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        "$($errors[0].TargetObject)" | Should -Be $big
        "$($errors[1].TargetObject)" | Should -BeLike '*too-many.html'
        "$($errors[2].TargetObject)" | Should -Be $folder
    }
}

Describe 'Start-up' {
    It 'imports in a fresh PowerShell, and the first Get-AiArticle -Path call there reads a page' {
        $shell = Get-BenchShell
        $page = Join-Path $FixturesRoot 'pages/wordpress-post.html'
        $command = "Import-Module '$(Join-Path $RepoRoot 'AiNews.psd1')' -ErrorAction Stop; (Get-Command -Module AiNews).Count; (Get-AiArticle -Path '$page').Title"
        $lines = @(& $shell.File @($shell.Prefix + @('-NoProfile', '-NonInteractive', '-Command', $command)))
        $LASTEXITCODE | Should -Be 0
        [int]$lines[0] | Should -BeGreaterOrEqual 11
        $lines[1] | Should -Be (Get-AiArticle -Path $page).Title
        $lines[1] | Should -Not -BeNullOrEmpty
    }
}

Describe 'build.ps1 bench driver (bench/Invoke-Bench.ps1)' {
    It 'collects every scenario''s rows into one table and appends it under "## Speed and scale" with the core count; a scenario that throws is one failed row and the others still run' {
        $scenarios = Join-Path $TestDrive 'scenarios'
        New-Item -ItemType Directory -Path $scenarios | Out-Null
        Set-Content (Join-Path $scenarios 'a-good.ps1') @'
param($Bench)
Import-Module (Join-Path $Bench.Root 'bench/BenchHelpers.psm1')
if (-not (Test-Path $Bench.Work)) { throw 'no work folder' }
New-BenchRow Alpha 'wall time' (Format-BenchTime 1.5) '<= 2 s' $true
New-BenchRow Alpha 'cores' "$($Bench.Cores)"
'@
        Set-Content (Join-Path $scenarios 'b-broken.ps1') 'param($Bench); throw "the test site did not start"'
        Set-Content (Join-Path $scenarios 'c-good.ps1') @'
param($Bench)
Import-Module (Join-Path $Bench.Root 'bench/BenchHelpers.psm1')
New-BenchRow Gamma 'ratio' (Format-BenchRatio 3) '>= 2x' $false
'@
        $results = Join-Path $TestDrive 'RESULTS.md'
        Set-Content $results "# Benchmarks`n`n## Speed and scale`n`nearlier runs`n`n## Tagging`n`ntext`n"
        $shell = Get-BenchShell
        $printed = (& $shell.File @($shell.Prefix + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $RepoRoot 'bench/Invoke-Bench.ps1'),
                    '-ScenarioPath', $scenarios, '-ResultsPath', $results)) *>&1) -join "`n"
        $LASTEXITCODE | Should -Be 1 -Because 'a scenario failed'
        $printed | Should -Match 'Alpha\s+wall time\s+1\.50 s\s+<= 2 s\s+yes'
        $printed | Should -Match 'Gamma\s+ratio\s+3\.00x\s+>= 2x\s+NO'
        $printed | Should -Match 'b-broken\s+scenario failed\s+the test site did not start'
        $text = Get-Content $results -Raw
        $speed = $text.Substring($text.IndexOf('## Speed and scale'), $text.IndexOf('## Tagging') - $text.IndexOf('## Speed and scale'))
        $speed | Should -Match "### .* UTC, commit .*, $([Environment]::ProcessorCount) cores"
        $speed | Should -Match '\| Alpha \| wall time \| 1\.50 s \| <= 2 s \| yes \|'
        $speed | Should -Match '\| b-broken \| scenario failed \|'
        $speed | Should -Match '\| Gamma \| ratio \| 3\.00x \| >= 2x \| NO \|'
        $speed.IndexOf('earlier runs') | Should -BeLessThan $speed.IndexOf('| Alpha |') -Because 'a run is appended after the earlier ones'
        $text | Should -Match '## Tagging\s+text'
    }
}
