<#
.SYNOPSIS
    Starts and stops the loopback HTTP test site (tests/TestSite) for Pester tests, the offline demo and benchmarks.
.DESCRIPTION
    Dot-source this file, then:
        $site = Start-TestSite            # builds the site if needed, starts it on 127.0.0.1 on a free port
        $site.Url                         # e.g. http://127.0.0.1:41234/
        Get-TestSiteStat -Site $site -Path '/aitimes/rss/allArticle.xml'   # request counts for one path+query
        Stop-TestSite $site
    The site reads the shared seed archive ($env:AINEWS_SHARED or ../shared) when present, else its own fixtures.
    The URL scheme of every site and fault is in tests/TestSite/README.md.
#>

Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
$script:TestSiteProject = Join-Path $PSScriptRoot 'TestSite/TestSite.csproj'
$script:TestSiteDll = Join-Path $PSScriptRoot 'TestSite/bin/Release/net10.0/AiNews.TestSite.dll'

function Start-TestSite {
    [CmdletBinding()]
    param(
        # Path of the shared folder (with corpus/seed-archive); default $env:AINEWS_SHARED or ../shared beside the repo.
        [string] $SharedRoot,
        # Serve only our own fixtures, even when the shared archive is present.
        [switch] $FixturesOnly,
        [int] $Port = 0,
        [int] $TimeoutSeconds = 60
    )
    if (-not (Test-Path $script:TestSiteDll)) {
        & dotnet build $script:TestSiteProject -c Release --nologo -v quiet | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Building the test site failed (exit code $LASTEXITCODE)." }
    }
    if (-not $SharedRoot -and -not $FixturesOnly) { $SharedRoot = Get-SharedRoot }
    $arguments = @("`"$script:TestSiteDll`"", '--exit-on-stdin-close', '--port', $Port)
    $arguments += if ($FixturesOnly -or -not $SharedRoot) { @('--shared', '""') } else { @('--shared', "`"$SharedRoot`"") }

    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet', ($arguments -join ' '))
    $psi.UseShellExecute = $false
    $psi.RedirectStandardInput = $true   # closing it stops the site
    $psi.RedirectStandardOutput = $true  # the first line is the base URL
    $psi.StandardOutputEncoding = [System.Text.Encoding]::UTF8
    $process = [System.Diagnostics.Process]::Start($psi)
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or -not $read.Result -or $read.Result -notmatch '^AINEWS_TESTSITE_URL=(.+)$') {
        try { $process.Kill() } catch { }
        throw "The test site did not start within $TimeoutSeconds s (first line: '$($read.Result)')."
    }
    [pscustomobject]@{
        PSTypeName = 'AiNews.TestSite'
        Url        = $Matches[1]
        Uri        = [uri] $Matches[1]
        Process    = $process
    }
}

function Stop-TestSite {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] $Site)
    process {
        $process = $Site.Process
        if (-not $process -or $process.HasExited) { return }
        try { $process.StandardInput.Close() } catch { }
        if (-not $process.WaitForExit(5000)) { try { $process.Kill() } catch { } ; $null = $process.WaitForExit(5000) }
        $process.Dispose()
    }
}

# Request statistics the site keeps: for a path+query (as sent), a concurrency group (?group=NAME) or a Host header.
function Get-TestSiteStat {
    [CmdletBinding(DefaultParameterSetName = 'Path')]
    param(
        [Parameter(Mandatory, Position = 0)] $Site,
        [Parameter(Mandatory, ParameterSetName = 'Path', Position = 1)] [string] $Path,
        [Parameter(Mandatory, ParameterSetName = 'Group')] [string] $Group,
        [Parameter(Mandatory, ParameterSetName = 'Host')] [string] $HostName
    )
    $query = switch ($PSCmdlet.ParameterSetName) {
        'Path' { '__stats?path=' + [uri]::EscapeDataString($Path) }
        'Group' { '__stats/group?name=' + [uri]::EscapeDataString($Group) }
        'Host' { '__stats/host?name=' + [uri]::EscapeDataString($HostName) }
    }
    $client = [System.Net.Http.HttpClient]::new([System.Net.Http.HttpClientHandler]@{ UseProxy = $false })
    try { $client.GetStringAsync($Site.Url + $query).GetAwaiter().GetResult() | ConvertFrom-Json }
    finally { $client.Dispose() }
}
