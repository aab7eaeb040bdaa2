<#
.SYNOPSIS
    Packages the built module as the PowerShell Gallery does: AiNews.<version>.nupkg made by Publish-PSResource.
.DESCRIPTION
    Run after build.ps1 build (build.ps1 package does both). Lays the installable module out in
    OUTPUT/AiNews/<version> — the manifest, LICENSE, CHANGELOG.md, README.md and the built module/ and en-US/
    folders as they are, whatever the build put in them — then publishes that folder with Publish-PSResource to a
    local file repository (OUTPUT/repository), copies the package to OUTPUT/AiNews.<version>.nupkg, checks that
    Find-PSResource -CommandName finds every exported cmdlet in it, and zips the folder (OUTPUT/AiNews-<version>.zip).

    The repository is registered under a name of its own for the run and unregistered afterwards, so the user's
    PSResourceGet repositories are as they were (a registration left behind by a killed run is named
    AiNews-package-*). Writes one object: Version, Folder, Package, Zip, Repository (the folder), Commands.
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 package
.EXAMPLE
    ./tools/Publish-AiNewsPackage.ps1 -OutputPath /tmp/ainews-package
#>
[CmdletBinding()]
param(
    # The repository root (where AiNews.psd1 is), built.
    [string] $RepoRoot = (Split-Path -Parent $PSScriptRoot),
    # Where the folder, the repository, the package and the zip go.
    [string] $OutputPath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

if (-not (Get-Command Publish-PSResource -ErrorAction Ignore)) {
    throw 'Packaging needs Microsoft.PowerShell.PSResourceGet (part of PowerShell 7.4 and later; on Windows PowerShell 5.1: Install-Module Microsoft.PowerShell.PSResourceGet -Scope CurrentUser).'
}
$manifestPath = Join-Path $RepoRoot 'AiNews.psd1'
$manifest = Import-PowerShellDataFile $manifestPath
$version = $manifest.ModuleVersion
$rootModule = Join-Path $RepoRoot $manifest.RootModule
if (-not (Test-Path $rootModule) -or -not (Test-Path (Join-Path $RepoRoot 'en-US'))) {
    throw "The module is not built ($rootModule or en-US/ is missing): run build.ps1 build first, or build.ps1 package."
}

# The folder a user installs: what the manifest names lives under module/ (the build's output) and en-US/ (help).
# Files of the repository's root that a package carries: the manifest and the documents a Gallery user reads.
$OutputPath = [IO.Path]::GetFullPath($OutputPath)
# OUTPUT/AiNews holds this version only, so that the zip of it does too.
$moduleFolder = Join-Path $OutputPath 'AiNews'
$folder = Join-Path $moduleFolder $version
if (Test-Path $moduleFolder) { Remove-Item $moduleFolder -Recurse -Force }
New-Item -ItemType Directory -Force -Path $folder | Out-Null
foreach ($file in 'AiNews.psd1', 'LICENSE', 'CHANGELOG.md', 'README.md') {
    Copy-Item (Join-Path $RepoRoot $file) -Destination $folder
}
foreach ($dir in 'module', 'en-US') {
    Copy-Item (Join-Path $RepoRoot $dir) -Destination $folder -Recurse
}

$repository = Join-Path $OutputPath 'repository'
New-Item -ItemType Directory -Force -Path $repository | Out-Null
$package = Join-Path $OutputPath "AiNews.$version.nupkg"
foreach ($old in @((Join-Path $repository "AiNews.$version.nupkg"), $package)) {
    if (Test-Path $old) { Remove-Item $old -Force }
}

$commands = @($manifest.CmdletsToExport) + @($manifest.FunctionsToExport) | Where-Object { $_ }
$name = 'AiNews-package-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
Register-PSResourceRepository -Name $name -Uri $repository -Trusted
try {
    Publish-PSResource -Path $folder -Repository $name
    Copy-Item (Join-Path $repository "AiNews.$version.nupkg") -Destination $package
    # The Gallery's command search reads the package's PSCommand_ tags; a command without one cannot be found.
    $found = @(Find-PSResource -CommandName $commands -Repository $name -ErrorAction SilentlyContinue |
            ForEach-Object Names | Sort-Object -Unique)
    $missing = @($commands | Where-Object { $_ -notin $found })
    if ($missing) {
        throw "Find-PSResource -CommandName does not find $($missing -join ', ') in the package: add PSCommand_<name> to the manifest's Tags."
    }
}
finally {
    Unregister-PSResourceRepository -Name $name
}

# The same folder as a zip, for installing by hand (extract into a folder of $env:PSModulePath).
$zip = Join-Path $OutputPath "AiNews-$version.zip"
if (Test-Path $zip) { Remove-Item $zip -Force }
Compress-Archive -Path $moduleFolder -DestinationPath $zip

[pscustomobject]@{
    Version    = $version
    Folder     = $folder
    Package    = $package
    Zip        = $zip
    Repository = $repository
    Commands   = $found.Count
}
