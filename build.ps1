<#
.SYNOPSIS
    Builds, tests and benchmarks the AiNews module.
.DESCRIPTION
    Tasks:
      build   dotnet publish the loader and the cmdlets into ./module/bin and the engine with its dependencies into
              ./module/bin/dependencies, so that Import-Module ./AiNews.psd1 works, then turn
              docs/*.md into ./en-US (MAML and about topics, where Get-Help looks for a module at ./AiNews.psd1).
      test    build, then run the Pester suite in a child PowerShell (a binary module cannot be unloaded);
              ends with one line "N passed, N failed, N skipped" and a non-zero exit code on any failure.
      demo    the main job, offline: the daily pipeline against the loopback test site, into out/news.
      package build, then out/AiNews.<version>.nupkg made by Publish-PSResource (tools/Publish-AiNewsPackage.ps1):
              the installable folder out/AiNews/<version> (manifest, LICENSE, CHANGELOG.md, README.md, module/,
              en-US/) published to the local file repository out/repository, and its zip out/AiNews-<version>.zip.
      bench   build, then run the speed-and-scale harness (bench/Invoke-Bench.ps1): every scenario of bench/scenarios
              (or -Scenario), one table printed and appended to bench/RESULTS.md ("## Speed and scale"); see bench/README.md.
      bench-extract  build, then score the article extractor on ../shared/corpus/aeb-dev and trafilatura-eval (both
              halves by file number) through Get-AiArticle -Path, beside published figures (bench/extract.ps1).
      fuzz    build, then run the fuzz harness (tests/tools/Fuzz.ps1) for -Minutes minutes with a fresh seed: mutated
              feeds and pages (../shared or tests/Fixtures) through the feed reader and the extractor; prints the number
              of inputs tried and every failure with its seed, and fails on any.
      bench-tag  build, then score the tagger on ../shared/corpus/labels/dev-extended.jsonl (bench/tag.ps1): 5-fold
              cross-validation by article id (the bench's folds, and the mean over four fold assignments) and
              in-sample (organization accuracy, tag micro-F1 and per-tag F1, AI-relevance accuracy) beside the old
              keyword system's labels; figures go to bench/RESULTS.md by hand.
      train-tagger  build, then learn the tagger's weights from all of dev-extended.jsonl into
              module/data/tagger-weights.json (bench/train-tagger.ps1; deterministic).
      clean   removes build output.
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File build.ps1 test
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 fuzz -Minutes 10
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'demo', 'bench', 'bench-extract', 'bench-tag', 'train-tagger', 'package', 'fuzz', 'clean')]
    [string[]] $Task = @('build'),

    # Pester tests to run (paths or names under tests/); default: all.
    [string[]] $TestPath,

    # How long `fuzz` runs.
    [ValidateRange(1, 1440)]
    [int] $Minutes = 5,

    # The seed of `fuzz` (default: a fresh one, printed so that a failure can be replayed).
    [int] $Seed = -1,

    # Scenarios of `bench` to run (names of bench/scenarios/*.ps1 without .ps1); default: all.
    [string[]] $Scenario,

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$engineProject = Join-Path $root 'src/AiNews/AiNews.csproj'
$cmdletProject = Join-Path $root 'src/AiNews.Cmdlets/AiNews.Cmdlets.csproj'
$loaderProject = Join-Path $root 'src/AiNews.Loader/AiNews.Loader.csproj'
$moduleBin = Join-Path $root 'module/bin'
$pesterVersion = '5.7.1'

function Invoke-Native {
    param([string] $File, [string[]] $Arguments)
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

# A fresh PowerShell of the same kind as this one (dotnet-tool pwsh, installed pwsh, or Windows PowerShell).
function Get-ChildShell {
    $exe = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        return @{ File = $exe; Prefix = @((Join-Path $PSHOME 'pwsh.dll')) }
    }
    return @{ File = $exe; Prefix = @() }
}

function Invoke-Build {
    Write-Host "== build ($Configuration)"
    if (Test-Path $moduleBin) { Remove-Item $moduleBin -Recurse -Force }
    # The loader and the thin cmdlet assembly in module/bin, the engine and its dependencies in module/bin/dependencies (the
    # module's own load context on PowerShell 7: docs/ARCHITECTURE.md, "Loading").
    Invoke-Native dotnet @('publish', $engineProject, '-c', $Configuration, '-o', (Join-Path $moduleBin 'dependencies'), '--nologo', '-v', 'quiet')
    Invoke-Native dotnet @('publish', $cmdletProject, '-c', $Configuration, '-o', $moduleBin, '--nologo', '-v', 'quiet')
    Invoke-Native dotnet @('publish', $loaderProject, '-c', $Configuration, '-o', $moduleBin, '--nologo', '-v', 'quiet')
    # Help from docs/ (needs the built module, so in a child PowerShell); fails on a missing or incomplete page.
    $shell = Get-ChildShell
    Invoke-Native $shell.File ($shell.Prefix + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'docs/ConvertTo-MamlHelp.ps1'),
            '-ManifestPath', (Join-Path $root 'AiNews.psd1'), '-DocsPath', (Join-Path $root 'docs'), '-OutputPath', (Join-Path $root 'en-US')))
}

function Get-PesterManifest {
    # Pester comes from NuGet through the SDK (the PowerShell Gallery may be unreachable).
    Invoke-Native dotnet @('restore', (Join-Path $root 'tests/tools/TestTools.csproj'), '--nologo', '-v', 'quiet')
    Import-Module (Join-Path $root 'tests/TestHelpers.psm1') -Force
    $manifest = Join-Path (Get-NuGetPackageFolder 'Pester' $pesterVersion) 'tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester $pesterVersion was restored but $manifest is missing." }
    $manifest
}

function Invoke-Test {
    Invoke-Build
    # The loopback HTTP test site (tests/TestSite.ps1 starts it); not part of the module.
    Invoke-Native dotnet @('build', (Join-Path $root 'tests/TestSite/TestSite.csproj'), '-c', 'Release', '--nologo', '-v', 'quiet')
    $pester = Get-PesterManifest
    $shell = Get-ChildShell
    $paths = if ($TestPath) { $TestPath } else { @(Join-Path $root 'tests') }
    Write-Host "== test (Pester $pesterVersion, child process)"
    $arguments = $shell.Prefix + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tests/Invoke-Tests.ps1'),
        '-PesterManifest', $pester, '-Path', ($paths -join ','))
    & $shell.File @arguments
    if ($LASTEXITCODE -ne 0) { throw "Tests failed (exit code $LASTEXITCODE)." }
}

# Builds, then runs a script of the repository in a child PowerShell (the demo, a benchmark).
function Invoke-ChildScript {
    param([string] $Script, [string] $What, [string[]] $Arguments = @())
    Invoke-Build
    $shell = Get-ChildShell
    & $shell.File @($shell.Prefix + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root $Script)) + $Arguments)
    if ($LASTEXITCODE -ne 0) { throw "The $What failed (exit code $LASTEXITCODE)." }
}

function Invoke-Package {
    Invoke-Build
    Write-Host '== package'
    # tools/Publish-AiNewsPackage.ps1 takes the built module folder as it is (module/, en-US/), so a change to what the
    # build puts there needs no change here; it publishes with Publish-PSResource to a local file repository.
    $result = & (Join-Path $root 'tools/Publish-AiNewsPackage.ps1') -RepoRoot $root -OutputPath (Join-Path $root 'out')
    # The package must stand alone: import the laid-out folder in a fresh PowerShell and list its commands.
    $shell = Get-ChildShell
    $check = "Import-Module '$(Join-Path $result.Folder 'AiNews.psd1')' -ErrorAction Stop; (Get-Command -Module AiNews).Count"
    $count = & $shell.File @($shell.Prefix + @('-NoProfile', '-NonInteractive', '-Command', $check))
    if ($LASTEXITCODE -ne 0) { throw "The packaged module does not import from $($result.Folder)." }
    Write-Host "package: $($result.Package) ($count commands; Find-PSResource -CommandName finds $($result.Commands)); $($result.Zip); folder $($result.Folder)"
}

function Invoke-Fuzz {
    Invoke-Build
    $seedValue = if ($Seed -ge 0) { $Seed } else { [Random]::new().Next() }
    Write-Host "== fuzz ($Minutes min, seed $seedValue)"
    $script = @"
Import-Module '$(Join-Path $root 'AiNews.psd1')' -ErrorAction Stop
. '$(Join-Path $root 'tests/tools/Fuzz.ps1')'
Import-Module '$(Join-Path $root 'tests/TestHelpers.psm1')' -ErrorAction Stop
`$shared = Get-SharedRoot -RepoRoot '$root'
`$fuzzer = New-Fuzzer -SharedRoot `$shared
Write-Host "seeds: `$(`$fuzzer.FeedSeeds) feeds, `$(`$fuzzer.PageSeeds) pages"
`$report = `$fuzzer.Run($seedValue, [int]::MaxValue, [TimeSpan]::FromMinutes($Minutes))
Write-Host "fuzz: `$report"
foreach (`$k in `$report.Mutations.Keys) { Write-Host ("  {0,-15} {1}" -f `$k, `$report.Mutations[`$k]) }
foreach (`$f in `$report.Failures) { Write-Host "FAILED `$f (seed $seedValue)" }
exit ([int](`$report.Failures.Count -gt 0))
"@
    $shell = Get-ChildShell
    & $shell.File @($shell.Prefix + @('-NoProfile', '-NonInteractive', '-Command', $script))
    if ($LASTEXITCODE -ne 0) { throw "The fuzz run found failures (seed $seedValue)." }
}

function Invoke-Clean {
    foreach ($dir in @($moduleBin, (Join-Path $root 'src/AiNews/bin'), (Join-Path $root 'src/AiNews/obj'),
            (Join-Path $root 'src/AiNews.Cmdlets/bin'), (Join-Path $root 'src/AiNews.Cmdlets/obj'),
            (Join-Path $root 'src/AiNews.Loader/bin'), (Join-Path $root 'src/AiNews.Loader/obj'),
            (Join-Path $root 'tests/tools/obj'), (Join-Path $root 'tests/artifacts'),
            (Join-Path $root 'tests/TestSite/bin'), (Join-Path $root 'tests/TestSite/obj'), (Join-Path $root 'en-US'))) {
        if (Test-Path $dir) { Remove-Item $dir -Recurse -Force; Write-Host "removed $dir" }
    }
}

foreach ($t in $Task) {
    switch ($t) {
        'build' { Invoke-Build }
        'test' { Invoke-Test }
        'demo' { Invoke-ChildScript 'examples/demo.ps1' 'demo' }
        'bench' { Invoke-ChildScript 'bench/Invoke-Bench.ps1' 'benchmark' $(if ($Scenario) { @('-Scenario', ($Scenario -join ',')) } else { @() }) }
        'bench-extract' { Invoke-ChildScript 'bench/extract.ps1' 'extraction benchmark' }
        'bench-tag' { Invoke-ChildScript 'bench/tag.ps1' 'tagging benchmark' }
        'train-tagger' { Invoke-ChildScript 'bench/train-tagger.ps1' 'tagger training' }
        'package' { Invoke-Package }
        'fuzz' { Invoke-Fuzz }
        'clean' { Invoke-Clean }
    }
}
