<#
.SYNOPSIS
    Starts and stops the loopback HTTP test site (tests/TestSite) for Pester tests, the offline demo and benchmarks.
.DESCRIPTION
    Dot-source this file, then:
        $site = Start-TestSite            # builds the site if needed, starts it on 127.0.0.1 on a free port
        $site.Url                         # e.g. http://127.0.0.1:41234/
        Get-TestSiteStat -Site $site -Path '/aitimes/rss/allArticle.xml'   # request counts for one path+query
        $hook = New-TestSiteHook $site -Answers @{ Status = 429; RetryAfter = 1 }   # a webhook URL of its own, scripted
        Get-TestSiteHookRequest $hook     # what Send-AiDigest posted to it (Path, Body, ContentType, At)
        "$($site.Url)v1"                  # a Chat Completions endpoint for Add-AiSummary; Get-TestSiteChatRequest $site
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
    Invoke-TestSiteApi $Site GET $query
}

# A request to the site's own API (stats, scripts), never through a proxy; the JSON answer as objects.
function Invoke-TestSiteApi($Site, [string] $Method, [string] $PathAndQuery, [string] $JsonBody) {
    $client = [System.Net.Http.HttpClient]::new([System.Net.Http.HttpClientHandler]@{ UseProxy = $false })
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $Site.Url + $PathAndQuery)
        if ($PSBoundParameters.ContainsKey('JsonBody')) { $request.Content = [System.Net.Http.StringContent]::new($JsonBody, [System.Text.Encoding]::UTF8, 'application/json') }
        $response = $client.SendAsync($request).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "The test site answered $([int] $response.StatusCode) to $Method /$PathAndQuery`: $text" }
        if ($text) { $text | ConvertFrom-Json }
    }
    finally { $client.Dispose() }
}

# A webhook URL of its own on the site (POST /hooks/NAME/secret-token), so its requests count from zero.
# -Answers: the answers to its first requests, in order (Status, RetryAfter, Body, ContentType); 204 after them.
function New-TestSiteHook {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Site, [object[]] $Answers = @())
    $name = [guid]::NewGuid().ToString('N')
    if ($Answers.Count) { $null = Invoke-TestSiteApi $Site PUT "__hooks/$name" (ConvertTo-Json -InputObject @($Answers) -Depth 3 -Compress) }
    [pscustomobject]@{ PSTypeName = 'AiNews.TestSiteHook'; Site = $Site; Name = $name; Uri = [uri] "$($Site.Url)hooks/$name/secret-token" }
}

# What a hook received, oldest first: Path, Body, ContentType, At (when it arrived, UTC).
function Get-TestSiteHookRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Hook)
    $stats = Invoke-TestSiteApi $Hook.Site GET ('__stats/hook?name=' + [uri]::EscapeDataString($Hook.Name))
    foreach ($r in $stats.requests) {
        [pscustomobject]@{ Path = $r.path; Body = $r.body; ContentType = $r.contentType; At = [DateTimeOffset]::FromUnixTimeMilliseconds([long] $r.atMs) }
    }
}

# What the Chat Completions endpoint (POST /v1/chat/completions) received, oldest first:
# Path, Authorization, MaxTokens, System and User (the two messages), Model.
function Get-TestSiteChatRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Site)
    foreach ($r in (Invoke-TestSiteApi $Site GET '__stats/chat').requests) {
        [pscustomobject]@{ Path = $r.path; Authorization = $r.authorization; MaxTokens = $r.maxTokens; System = $r.system; User = $r.user; Model = $r.model }
    }
}
