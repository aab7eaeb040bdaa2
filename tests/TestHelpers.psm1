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

# What is wrong with an article's extractive summary by the rules of issue 11 (nothing, for a good one): missing,
# over three sentences, over 300 characters (Korean) or 60 words (English), a sentence cut off, the title or the
# standfirst repeated. Shared by tests/Summaries.Tests.ps1 (over the seed archive) and bench/summaries.ps1.
# Plain loops and .NET calls: it runs over every article of the archive, and pipelines there cost seconds.
$script:NonWord = [regex]::new('[^\p{L}\p{Nd}]', 'Compiled')
$script:SentenceEnd = [regex]::new('[.!?\u3002\u2026][\u201D\u2019"\x27)\]\s]*$', 'Compiled')
$script:CutOff = [regex]::new('(?<![다요죠!?"\u201D.…])(\.\.\.|…)$', 'Compiled')
function Get-SummaryProblem {
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] $Article)
    process {
        $a = $Article
        if (-not $a.Summary) { "no summary: $($a.Title)"; return }
        $sentences = [AiNews.Summaries.SentenceSplitter]::Split($a.Summary)
        if ($sentences.Count -gt 3) { "over 3 sentences: $($a.Title) ($($sentences.Count))" }
        $language = [AiNews.Text.LanguageGuess]::Decide($a.Language, $a.Title, $a.Content)
        if ($language -like 'ko*') { if ($a.Summary.Length -gt 300) { "over 300 characters: $($a.Title) ($($a.Summary.Length))" } }
        elseif ($a.Summary.Split([char[]] " `t`n", [StringSplitOptions]::RemoveEmptyEntries).Count -gt 60) { "over 60 words: $($a.Title)" }
        # The standfirst: paragraphs that appear twice, and the lines before the first that ends a sentence.
        $seen = [Collections.Generic.HashSet[string]]::new()
        $standfirst = [Collections.Generic.List[string]]::new()
        $inBody = $false
        foreach ($line in "$($a.Content)".Split("`n")) {
            $p = $line.Trim()
            if (-not $p) { continue }
            $n = $script:NonWord.Replace($p, '').ToLowerInvariant()
            if (-not $inBody -and $script:SentenceEnd.IsMatch($p)) { $inBody = $true }
            if ($n -and (-not $inBody -or -not $seen.Add($n))) { $standfirst.Add($n) }
            $null = $seen.Add($n)
        }
        if (-not $inBody) { $standfirst.Clear() }   # no sentence at all: the lines are the body
        # Whole sentences, unless the one sentence had to be shortened (the documented "…" when none fits).
        foreach ($s in $sentences) {
            if ($script:CutOff.IsMatch($s) -and -not ($sentences.Count -eq 1 -and $s.EndsWith('…'))) { "a cut-off sentence: $($a.Title) / $s" }
        }
        $title = $script:NonWord.Replace("$($a.Title)", '').ToLowerInvariant()
        if ($title -and $script:NonWord.Replace($a.Summary, '').ToLowerInvariant().Contains($title)) { "repeats the title: $($a.Title)" }
        foreach ($s in $sentences) {
            $n = $script:NonWord.Replace($s, '').ToLowerInvariant()
            if (-not $n) { continue }
            if ($title.Contains($n)) { "a sentence of the title: $($a.Title)" }
            foreach ($f in $standfirst) { if ($f.Contains($n)) { "repeats the standfirst: $($a.Title) / $s"; break } }
        }
    }
}

Export-ModuleMember -Function Get-SharedRoot, Get-FreeTcpPort, Get-NuGetPackageFolder, Invoke-ChildShell, Get-SummaryProblem
