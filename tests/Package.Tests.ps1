# The module as the PowerShell Gallery ships it: tools/Publish-AiNewsPackage.ps1 (build.ps1 package) makes
# AiNews.<version>.nupkg with Publish-PSResource; a new user finds it by command, installs it with Install-PSResource,
# imports it by name in a fresh PowerShell and runs the offline job (examples/demo.ps1) from the installed copy.
# The user's PSResourceGet repositories and module folders are never touched: on Linux and macOS the child
# PowerShells get a HOME of their own (PSResourceGet's repository list and the CurrentUser module folder follow it);
# on Windows they do not, so the repository is registered under a name of its own and removed after, and the module
# is saved (Save-PSResource, the same files Install-PSResource writes) to a folder the test puts on PSModulePath.
BeforeDiscovery {
    $script:HasPSResourceGet = [bool](Get-Module -ListAvailable Microsoft.PowerShell.PSResourceGet)
}

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:Manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'AiNews.psd1')
    $script:OnWindows = [Environment]::OSVersion.Platform -eq 'Win32NT'
}

Describe 'The manifest as the Gallery reads it' {
    It 'passes Test-ModuleManifest with the Gallery metadata: ProjectUri, LicenseUri, ReleaseNotes, .NET Framework 4.7.2' {
        $info = Test-ModuleManifest -Path (Join-Path $RepoRoot 'AiNews.psd1') -ErrorAction Stop
        $info.ProjectUri.AbsoluteUri | Should -Match '^https://'
        $info.LicenseUri.AbsoluteUri | Should -Match '^https://'
        $info.DotNetFrameworkVersion | Should -Be ([version] '4.7.2')
        $info.Author | Should -Be 'AiNews contributors'
        # No IconUri: there is no hosted image yet, and the Gallery shows its default icon without one.
        # No HelpInfoURI: the help ships in en-US/; a URI without an updatable-help site would make Update-Help fail.
        $info.HelpInfoUri | Should -BeNullOrEmpty
    }

    It 'takes its ReleaseNotes from the CHANGELOG section of its version' {
        $changelog = Get-Content -Raw (Join-Path $RepoRoot 'CHANGELOG.md')
        $version = [regex]::Escape($Manifest.ModuleVersion)
        $changelog | Should -Match "(?m)^## $version\b"
        $Manifest.PrivateData.PSData.ReleaseNotes | Should -Match "^$version\b"
        $Manifest.PrivateData.PSData.ReleaseNotes | Should -Match 'CHANGELOG\.md'
    }

    It 'tags both editions and every exported cmdlet as PSCommand_ plus its name, and nothing else as a command' {
        $tags = @($Manifest.PrivateData.PSData.Tags)
        $tags | Should -Contain 'PSEdition_Desktop'
        $tags | Should -Contain 'PSEdition_Core'
        $tagged = @($tags | Where-Object { $_ -like 'PSCommand_*' } | ForEach-Object { $_.Substring('PSCommand_'.Length) } | Sort-Object)
        $tagged | Should -Be @($Manifest.CmdletsToExport | Sort-Object)
        # The Gallery refuses a tag with a space.
        $tags | Where-Object { $_ -match '\s' } | Should -BeNullOrEmpty
    }

    It 'has an MIT LICENSE in the name of the AiNews contributors' {
        $license = Get-Content -Raw (Join-Path $RepoRoot 'LICENSE')
        $license | Should -Match '^MIT License'
        $license | Should -Match 'Copyright \(c\) \d{4} AiNews contributors'
    }
}

Describe 'Packaged with Publish-PSResource, installed with Install-PSResource' -Skip:(-not $HasPSResourceGet) {
    BeforeAll {
        $script:Work = Join-Path $TestDrive 'package'
        $script:UserHome = Join-Path $TestDrive 'home'
        $script:SavedModules = Join-Path $TestDrive 'modules'
        # .config and .local/share must exist: on Unix .NET answers an empty path for an ApplicationData folder that does
        # not, and NuGet and PSResourceGet then write NuGet/NuGet.Config and PSResourceGet/*.xml into the current folder.
        New-Item -ItemType Directory -Force -Path $UserHome, $SavedModules, (Join-Path $UserHome '.config'), (Join-Path $UserHome '.local/share') | Out-Null
        $script:ChildEnvironment = if ($OnWindows) { @{ PSModulePath = "$SavedModules;$env:PSModulePath" } } else { @{ HOME = $UserHome } }

        # 1. Package (from the built module folder), then as a user: find by command, install.
        $install = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$result = & '$(Join-Path $RepoRoot 'tools/Publish-AiNewsPackage.ps1')' -RepoRoot '$RepoRoot' -OutputPath '$Work'
`$name = 'AiNews-test-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
Register-PSResourceRepository -Name `$name -Uri `$result.Repository -Trusted
try {
    `$found = @(Find-PSResource -CommandName Get-AiArticle -Repository `$name)
    if ('$OnWindows' -eq 'True') { Save-PSResource -Name AiNews -Repository `$name -Path '$SavedModules' -TrustRepository }
    else { Install-PSResource -Name AiNews -Repository `$name -Scope CurrentUser -TrustRepository }
    [pscustomobject]@{
        Package = `$result.Package
        Found   = @(`$found | ForEach-Object { '{0} {1} {2}' -f `$_.ParentResource.Name, `$_.ParentResource.Version, (`$_.Names -join ',') })
    } | ConvertTo-Json -Compress
}
finally { Unregister-PSResourceRepository -Name `$name }
"@
        $script:Installed = Invoke-ChildShell -Command $install -Environment $ChildEnvironment
        $script:Report = if ($Installed.ExitCode -eq 0) { ($Installed.Out.Trim() -split "`n")[-1] | ConvertFrom-Json }
        $script:Extracted = Join-Path $TestDrive 'nupkg'
        if ($Report) {
            Add-Type -AssemblyName System.IO.Compression.FileSystem
            [IO.Compression.ZipFile]::ExtractToDirectory($Report.Package, $Extracted)
        }

        # 2. A fresh PowerShell: import by name, then the offline job (demo) from the installed copy.
        $script:Archive = Join-Path $TestDrive 'news'
        $run = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module AiNews
'BASE=' + (Get-Module AiNews).ModuleBase
'COMMANDS=' + @(Get-Command -Module AiNews).Count
'SYNOPSIS=' + (Get-Help Get-AiArticle).Synopsis
& '$(Join-Path $RepoRoot 'examples/demo.ps1')' -Module AiNews -ArchivePath '$Archive' -WorkPath '$(Join-Path $TestDrive 'demo')'
exit `$LASTEXITCODE
"@
        $script:Ran = if ($Report) { Invoke-ChildShell -Command $run -Environment $ChildEnvironment }
        function Get-Reported([string] $Key) {
            if (-not $Ran) { return $null }
            $line = $Ran.Out -split "`r?`n" | Where-Object { $_.StartsWith("$Key=") } | Select-Object -First 1
            if ($line) { $line.Substring($Key.Length + 1) }
        }
    }

    It 'makes AiNews.VERSION.nupkg in the local repository' {
        $Installed.ExitCode | Should -Be 0 -Because $Installed.Err
        Split-Path -Leaf $Report.Package | Should -Be "AiNews.$($Manifest.ModuleVersion).nupkg"
        Test-Path (Join-Path $Work "repository/AiNews.$($Manifest.ModuleVersion).nupkg") | Should -BeTrue
    }

    It 'is found by Find-PSResource -CommandName Get-AiArticle' {
        $Report.Found | Should -Be @("AiNews $($Manifest.ModuleVersion) Get-AiArticle")
    }

    It 'carries the LICENSE, CHANGELOG.md, the manifest, the module and its help, and no test, bench or build files' {
        foreach ($file in 'LICENSE', 'CHANGELOG.md', 'README.md', 'AiNews.psd1', $Manifest.RootModule, 'en-US/about_AiNews.help.txt') {
            Test-Path (Join-Path $Extracted $file) | Should -BeTrue -Because "the package should carry $file"
        }
        $relative = @(Get-ChildItem $Extracted -Recurse -File | ForEach-Object { $_.FullName.Substring($Extracted.Length + 1) -replace '\\', '/' })
        $relative | Where-Object { $_ -match '(^|/)(tests|bench|obj|src|examples|docs|out|\.git|\.config)(/|$)' } | Should -BeNullOrEmpty
        $relative | Where-Object { $_ -match '\.(pdb|cs|csproj|Tests\.ps1)$' } | Should -BeNullOrEmpty
        # The nuspec says what the Gallery shows: license, project, release notes, command tags.
        $nuspec = [xml](Get-Content -Raw (Join-Path $Extracted 'AiNews.nuspec'))
        $nuspec.package.metadata.projectUrl | Should -Be $Manifest.PrivateData.PSData.ProjectUri
        $nuspec.package.metadata.licenseUrl | Should -Be $Manifest.PrivateData.PSData.LicenseUri
        $nuspec.package.metadata.releaseNotes | Should -Match "^$([regex]::Escape($Manifest.ModuleVersion))\b"
        $nuspec.package.metadata.tags -split ' ' | Should -Contain 'PSCommand_Get-AiArticle'
    }

    It 'imports by name in a fresh PowerShell from the installed copy, with its help' {
        $Ran.Out | Should -Match '(?m)^BASE=' -Because $Ran.Err
        $base = Get-Reported 'BASE'
        $installedUnder = if ($OnWindows) { $SavedModules } else { $UserHome }
        $base | Should -BeLike "$installedUnder*"
        $base | Should -Not -BeLike "$RepoRoot*"
        Get-Reported 'COMMANDS' | Should -Be $Manifest.CmdletsToExport.Count
        Get-Reported 'SYNOPSIS' | Should -Not -BeNullOrEmpty
    }

    It 'runs the offline job from the installed copy: articles filed, log line ok, exit code 0' {
        $Ran.Out | Should -Match ([regex]::Escape("module: $(Get-Reported 'BASE')"))
        $Ran.ExitCode | Should -Be 0 -Because $Ran.Err
        $days = @(Get-ChildItem $Archive -Recurse -Filter *.md | Where-Object Name -match '^\d\d-\d\d\.md$')
        $days.Count | Should -BeGreaterThan 0
        @(ConvertFrom-AiDigest -LiteralPath $days.FullName).Count | Should -BeGreaterThan 0
        Get-Content (Join-Path $Archive '.ainews/job.log') | Should -Match ' ok sources=2/2 new=[1-9]'
    }
}
