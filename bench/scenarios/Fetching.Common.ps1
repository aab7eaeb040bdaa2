# Shared by bench/scenarios/fetch.ps1 and rerun.ps1: the loopback test site with N articles across S sources, each
# source a site of its own (src1.proxied.test ...), reached through the test site acting as their proxy, so that the
# politeness limits per host apply as they would to five real sites. Every response waits -DelayMs (the test site's
# delay=MS), robots.txt excepted (it takes no query).
$script:BenchRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
Import-Module (Join-Path $script:BenchRoot 'AiNews.psd1')
. (Join-Path $script:BenchRoot 'tests/TestSite.ps1')

# The feed URLs of the sources: source s lists articles s*per+1 .. s*per+per of the newsroom, each page with ?delay.
function Get-BenchFeed([int] $Articles, [int] $Sources, [int] $DelayMs, [string] $Key) {
    $per = [math]::Ceiling($Articles / $Sources)
    for ($s = 0; $s -lt $Sources; $s++) {
        $link = [uri]::EscapeDataString("/newsroom/news/{i}.html?delay=$DelayMs&k=$Key")
        [uri]"http://src$($s + 1).proxied.test/feed/links?link=$link&count=$per&from=$($s * $per + 1)&delay=$DelayMs&k=$Key"
    }
}

# The politeness bound: requests ÷ allowed concurrency × latency, the allowed concurrency being the smaller of the total
# limit and the per-host limit times the hosts.
function Get-PolitenessBound([int] $Requests, [int] $Hosts, [int] $DelayMs, [int] $Total = 8, [int] $PerHost = 4) {
    $allowed = [math]::Min($Total, $PerHost * $Hosts)
    [timespan]::FromMilliseconds($Requests / $allowed * $DelayMs)
}

function New-BenchRow([string] $Scenario, [string] $Measure, $Value, [string] $Target, $Pass) {
    [pscustomobject]@{ Scenario = $Scenario; Measure = $Measure; Value = $Value; Target = $Target; Pass = $Pass }
}
