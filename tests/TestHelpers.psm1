<#
.SYNOPSIS
    What the tests, the benchmarks and build.ps1 share: where the read-only corpus is, and a free loopback port.
.DESCRIPTION
    Import-Module tests/TestHelpers.psm1, then:
        Get-SharedRoot               # $env:AINEWS_SHARED, or ../shared beside the repository; $null when neither has corpus/
        Get-FreeTcpPort              # a port on 127.0.0.1 that nothing listens on right now
        Invoke-ChildShell -Command 'Import-Module AiNews' -Environment @{ HOME = $dir }   # a fresh PowerShell: ExitCode, Out, Err
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

function Invoke-ChildShell {
    <#
    .SYNOPSIS
        Runs a command in a fresh PowerShell of the same kind as this one (dotnet-tool pwsh, pwsh, Windows PowerShell),
        with -NoProfile -NonInteractive, and returns its ExitCode, Out and Err (text). What a new user's session sees:
        no module of this process is loaded there.
    .PARAMETER Environment
        Variables set for the child only (HOME, PSModulePath ...); $null removes one.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)] [string] $Command,
        [hashtable] $Environment = @{},
        [int] $TimeoutSeconds = 180
    )
    $shell = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $start = [Diagnostics.ProcessStartInfo]::new($shell)
    # -EncodedCommand: the command reaches the child as written, with no quoting rules of any platform in between.
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Command))
    $start.Arguments = "-NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded"
    if ([IO.Path]::GetFileNameWithoutExtension($shell) -eq 'dotnet') { $start.Arguments = "`"$(Join-Path $PSHOME 'pwsh.dll')`" " + $start.Arguments }
    # Plain text in Out and Err, for assertions and failure messages (PowerShell 7.2+ honours NO_COLOR).
    $start.EnvironmentVariables['NO_COLOR'] = '1'
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { [void] $start.EnvironmentVariables.Remove($name) }
        else { $start.EnvironmentVariables[$name] = [string] $Environment[$name] }
    }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.StandardOutputEncoding = [Text.Encoding]::UTF8
    $start.StandardErrorEncoding = [Text.Encoding]::UTF8
    $start.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($start)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) { $process.Kill(); throw "The child PowerShell did not finish in $TimeoutSeconds s." }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Out = $stdout.Result; Err = $stderr.Result }
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

Export-ModuleMember -Function Get-SharedRoot, Get-FreeTcpPort, Get-NuGetPackageFolder, Invoke-ChildShell
