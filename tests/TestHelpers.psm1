<#
.SYNOPSIS
    What the tests, the benchmarks and build.ps1 share: where the read-only corpus is, and a free loopback port.
.DESCRIPTION
    Import-Module tests/TestHelpers.psm1, then:
        Get-SharedRoot               # $env:AINEWS_SHARED, or ../shared beside the repository; $null when neither has corpus/
        Get-FreeTcpPort              # a port on 127.0.0.1 that nothing listens on right now
    The one loopback server is tests/TestSite (Kestrel in its own process, started by tests/TestSite.ps1): it serves the
    recorded sites and faults, the webhook receiver (New-TestSiteHook) and the Chat Completions endpoint too.
#>
Set-StrictMode -Version 3.0

function Get-SharedRoot {
    <#
    .SYNOPSIS
        The folder of the read-only reference corpus (it holds corpus/), or $null when it is absent (a user's clone).
    .PARAMETER RepoRoot
        The repository root; ../shared is looked for beside it. Default: the parent of this file's folder.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([string] $RepoRoot = (Split-Path -Parent $PSScriptRoot))
    @($env:AINEWS_SHARED, (Join-Path (Split-Path -Parent $RepoRoot) 'shared')) |
        Where-Object { $_ -and (Test-Path -LiteralPath (Join-Path $_ 'corpus')) } | Select-Object -First 1
}

function Get-FreeTcpPort {
    <#
    .SYNOPSIS
        A TCP port on 127.0.0.1 that is free now: the system picks one for a listener that is closed at once.
        (Another process may take it before the caller binds it; on a test machine that does not happen in practice.)
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param()
    $probe = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    try { $probe.Start(); $probe.LocalEndpoint.Port } finally { $probe.Stop() }
}

function Get-NuGetPackageFolder {
    <#
    .SYNOPSIS
        The folder of one restored NuGet package (Pester, or a test-only package of tests/tools/TestTools.csproj);
        throws when it is not restored.
    #>
    param([Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $Version)
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $line = (& dotnet nuget locals global-packages --list) -join "`n"
        $packages = ($line -replace '^.*global-packages:\s*', '').Trim()
    }
    $folder = Join-Path $packages "$($Id.ToLowerInvariant())/$Version"
    if (-not (Test-Path $folder)) { throw "$Id $Version is not restored in $packages; build.ps1 test restores tests/tools/TestTools.csproj." }
    $folder
}

Export-ModuleMember -Function Get-SharedRoot, Get-FreeTcpPort, Get-NuGetPackageFolder
