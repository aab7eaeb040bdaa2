# Seeded mutations of real feeds and pages (../shared, else our fixtures) through the engine code Get-AiArticle runs
# on downloaded bytes: no unhandled exception, no input over its time budget, bounded memory (issue 8).
# `build.ps1 fuzz -Minutes N` runs the same harness longer with a fresh seed.
BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    . "$PSScriptRoot/DigestTestHelpers.ps1"
    . "$PSScriptRoot/tools/Fuzz.ps1"
    $script:Fuzzer = New-Fuzzer -SharedRoot $SharedRoot
}

Describe 'Fuzzing the feed reader and the extractor' {
    It 'survives 2,000 mutated feeds and pages within a minute, each within its budget and with bounded memory' {
        $Fuzzer.InputBudget = [TimeSpan]::FromSeconds(5)
        $Fuzzer.MaxManagedBytes = 1GB
        $Fuzzer.PageShare = 0.15
        $report = $Fuzzer.Run(20261130, 2000, [TimeSpan]::FromSeconds(55))
        Write-Host "    fuzz: $report (seeds: $($Fuzzer.FeedSeeds) feeds, $($Fuzzer.PageSeeds) pages)"
        ($report.Failures | Select-Object -First 5 | ForEach-Object { "$_" }) -join "`n" | Should -BeNullOrEmpty
        $report.Inputs | Should -Be 2000
        $report.PageInputs | Should -BeGreaterThan 100
        $report.Mutations.Count | Should -Be 8
        $report.PeakManagedBytes | Should -BeLessThan 1GB
    }
}

Describe 'Fuzzing the archive' {
    # Seeded damage to one file of a small archive (a day file cut short, binary, nested beyond Markdig's limit, doubled,
    # without its markers, with stray characters, re-saved with a BOM and CRLF, a folder in its place, an oddly named
    # file beside it; a state file, a README or index.html with bytes changed or cut), then a run that files an article
    # on that day and one on a new day. The run never stops with an unhandled error, reports only the archive's ids
    # (a folder in a day file's place cannot be written: AiNews.WriteFailed),
    # files the new day, leaves no temporary file and a refused day file byte for byte; and after damage to what the
    # archive makes itself (state, indexes), it writes exactly what the same run writes into an undamaged copy.
    It 'survives 120 damaged archives, each run filing what it can and reporting the rest' {
        $rng = [Random]::new(20261202)
        $export = @{ TimeZone = 'Asia/Seoul'; Format = 'Markdown', 'Html' }
        $base = Join-Path $TestDrive 'base'
        @(foreach ($d in 1..12) { foreach ($k in 1..3) {
            New-DayArticle -Title "기사 $d-$k 제목입니다" -Url "https://example.com/$d/$k" -Published ([DateTimeOffset]::new(2025, 12, $d, 10, $k, 0, [TimeSpan]::FromHours(9))) -Content "본문 $d $k 입니다. 두 번째 문장입니다."
        } }) | Export-AiDigest -ArchivePath $base @export
        $dayFiles = @(Get-ChildItem $base -Recurse -Filter '12-??.md' | ForEach-Object { [IO.Path]::GetRelativePath($base, $_.FullName) })
        $utf8 = [Text.UTF8Encoding]::new($false, $false)
        $kinds = @{}
        $problems = foreach ($i in 0..119) {
            $root = Join-Path $TestDrive "a$i"
            Copy-Item $base $root -Recurse
            $relative = $dayFiles[$rng.Next($dayFiles.Count)]
            $path = Join-Path $root $relative
            $text = [IO.File]::ReadAllText($path)
            $kind = $rng.Next(12)
            $kinds[$kind] = 1 + [int] $kinds[$kind]
            switch ($kind) {
                0 { $b = [IO.File]::ReadAllBytes($path); [IO.File]::WriteAllBytes($path, [byte[]] $b[0..($rng.Next(1, $b.Length))]) }
                1 { $b = [byte[]]::new(300); $rng.NextBytes($b); [IO.File]::WriteAllBytes($path, $b) }
                2 { $at = [Math]::Max(0, $text.IndexOf("`n", $rng.Next($text.Length))); [IO.File]::WriteAllText($path, $text.Insert($at, ('[' * 3000) + ('>' * 3000)), $utf8) }
                3 { [IO.File]::WriteAllText($path, $text + $text, $utf8) }
                4 { [IO.File]::WriteAllText($path, $text.Replace('<!--', '<!- '), $utf8) }
                5 { $c = $text.ToCharArray(); foreach ($k in 1..20) { $c[$rng.Next($c.Length)] = [char] $rng.Next(1, 0xD000) }; [IO.File]::WriteAllText($path, [string]::new($c), $utf8) }
                6 { [IO.File]::WriteAllText($path, [char] 0xFEFF + $text.Replace("`n", "`r`n"), $utf8) }
                7 { Remove-Item $path; $null = New-Item -ItemType Directory $path }
                8 { Set-Content (Join-Path (Split-Path $path) (@('12-3١.md', ' 12-30.md', '12-99.md', '12-05.MD', '0000-01.md')[$rng.Next(5)])) 'notes' }
                default {
                    $targets = @(switch ($kind) { 9 { Get-ChildItem (Join-Path $root '.ainews') -Recurse -File } 10 { Get-ChildItem $root -Recurse -Filter README.md } 11 { Get-Item (Join-Path $root 'index.html') } })
                    $target = $targets[$rng.Next($targets.Count)].FullName
                    $b = [IO.File]::ReadAllBytes($target)
                    if ($rng.Next(2) -eq 0) { $b = [byte[]] $b[0..($rng.Next(0, [Math]::Max(1, $b.Length - 1)))] } else { foreach ($k in 1..10) { $b[$rng.Next($b.Length)] = [byte] $rng.Next(256) } }
                    [IO.File]::WriteAllBytes($target, $b)
                }
            }
            $before = if (Test-Path $path -PathType Leaf) { [IO.File]::ReadAllBytes($path) }
            $day = [int] ([IO.Path]::GetFileNameWithoutExtension($relative).Split('-')[1])
            $new = @(
                New-DayArticle -Title "새 기사 $i" -Url "https://example.com/new/$i" -Published ([DateTimeOffset]::new(2025, 12, $day, 15, 0, 0, [TimeSpan]::FromHours(9)))
                New-DayArticle -Title "다음 날 기사 $i" -Url "https://example.com/next/$i" -Published ([DateTimeOffset]::new(2025, 12, 20, 15, 0, 0, [TimeSpan]::FromHours(9))))
            try {
                $errs = $null
                $new | Export-AiDigest -ArchivePath $root @export -ErrorVariable errs -ErrorAction SilentlyContinue
                $ids = @($errs | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Select-Object -Unique)
                $unexpected = @($ids | Where-Object { $_ -notin 'AiNews.ArchiveFileMalformed', 'AiNews.PageNotRendered', 'AiNews.WriteFailed' })
                if ($unexpected) { "run $i (damage $kind): $($errs[0])" }
                if (-not (Get-ChildItem $root -Recurse -Filter '12-20.md')) { "run $i (damage $kind): the new day was not filed" }
                if (Get-ChildItem $root -Recurse -Force -Filter ('*' + [AiNews.Common.AtomicFile]::TempSuffix)) { "run $i (damage $kind): a temporary file was left" }
                if ($before -and $ids -contains 'AiNews.ArchiveFileMalformed' -and
                    [Convert]::ToBase64String($before) -ne [Convert]::ToBase64String([IO.File]::ReadAllBytes($path))) { "run $i (damage $kind): a refused day file was changed" }
                if ($kind -ge 9) {
                    $clean = Join-Path $TestDrive "c$i"
                    Copy-Item $base $clean -Recurse
                    $new | Export-AiDigest -ArchivePath $clean @export
                    foreach ($file in Get-ChildItem $clean -Recurse -File -Include *.md, *.html) {
                        $other = Join-Path $root ([IO.Path]::GetRelativePath($clean, $file.FullName))
                        if (-not (Test-Path $other) -or [IO.File]::ReadAllText($other) -cne [IO.File]::ReadAllText($file.FullName)) {
                            "run $i (damage $kind): $([IO.Path]::GetRelativePath($clean, $file.FullName)) differs from an undamaged run's"
                        }
                    }
                }
            }
            catch { "run $i (damage $kind): stopped with $($_.Exception.GetType().Name): $($_.Exception.Message)" }
        }
        ($problems | Select-Object -First 5) -join "`n" | Should -BeNullOrEmpty
        $kinds.Count | Should -Be 12 -Because 'every kind of damage was tried'
    }
}
