# A minimal DevTools-protocol driver for headless Chromium (Debian's chromium package), so browser tests
# need nothing but the browser: start it, navigate, evaluate JavaScript, take a screenshot.

function Find-Chromium {
    foreach ($candidate in @($env:CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome')) {
        if ($candidate -and (Test-Path $candidate)) { return $candidate }
    }
}

function Start-HeadlessChromium {
    param([Parameter(Mandatory)] [string] $Executable)
    $userData = Join-Path ([IO.Path]::GetTempPath()) ("ainews-chromium-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory $userData | Out-Null
    # The flags keep a closed network quiet: no background, sync or component traffic.
    $arguments = @('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
        '--remote-debugging-port=0', "--user-data-dir=$userData", '--window-size=1280,1400', 'about:blank')
    $process = Start-Process -FilePath $Executable -ArgumentList $arguments -PassThru `
        -RedirectStandardError (Join-Path $userData 'stderr.txt') -RedirectStandardOutput (Join-Path $userData 'stdout.txt')
    $portFile = Join-Path $userData 'DevToolsActivePort'
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while (-not (Test-Path $portFile) -or -not (Get-Content $portFile -ErrorAction SilentlyContinue)) {
        if ([DateTime]::UtcNow -gt $deadline -or $process.HasExited) {
            throw "Chromium did not start: $(Get-Content (Join-Path $userData 'stderr.txt') -Raw -ErrorAction SilentlyContinue)"
        }
        Start-Sleep -Milliseconds 100
    }
    $port = (Get-Content $portFile)[0]
    do {
        $page = @(Invoke-RestMethod "http://127.0.0.1:$port/json/list" | ForEach-Object { $_ } | Where-Object { $_.type -eq 'page' -and $_.webSocketDebuggerUrl })[0]
        if (-not $page) { Start-Sleep -Milliseconds 100 }
    } while (-not $page -and [DateTime]::UtcNow -lt $deadline)
    if (-not $page) { throw "Chromium opened no page to drive." }
    $socket = [Net.WebSockets.ClientWebSocket]::new()
    $socket.ConnectAsync([Uri] $page.webSocketDebuggerUrl, [Threading.CancellationToken]::None).Wait()
    [pscustomobject]@{ Process = $process; UserData = $userData; Socket = $socket; NextId = 0 }
}

function Invoke-Cdp {
    param([Parameter(Mandatory)] $Browser, [Parameter(Mandatory)] [string] $Method, [hashtable] $Params = @{})
    $Browser.NextId++
    $id = $Browser.NextId
    $json = @{ id = $id; method = $Method; params = $Params } | ConvertTo-Json -Depth 10 -Compress
    $bytes = [Text.Encoding]::UTF8.GetBytes($json)
    $Browser.Socket.SendAsync([ArraySegment[byte]]::new($bytes), "Text", $true, [Threading.CancellationToken]::None).Wait()
    $buffer = [byte[]]::new(1MB)
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ([DateTime]::UtcNow -lt $deadline) {
        $message = [IO.MemoryStream]::new()
        do {
            $received = $Browser.Socket.ReceiveAsync([ArraySegment[byte]]::new($buffer), [Threading.CancellationToken]::None).GetAwaiter().GetResult()
            $message.Write($buffer, 0, $received.Count)
        } while (-not $received.EndOfMessage)
        $reply = [Text.Encoding]::UTF8.GetString($message.ToArray()) | ConvertFrom-Json   # no -Depth: 5.1 lacks it, and both allow far deeper replies
        if ($reply.PSObject.Properties['id'] -and $reply.id -eq $id) {
            if ($reply.PSObject.Properties['error']) { throw "CDP $Method failed: $($reply.error.message)" }
            return $reply.result
        }
    }
    throw "CDP $Method got no answer in 30 s."
}

function Invoke-BrowserScript {
    <# Evaluates a JavaScript expression in the page and returns its value (JSON-serialisable values only). #>
    param([Parameter(Mandatory)] $Browser, [Parameter(Mandatory)] [string] $Expression)
    $result = Invoke-Cdp $Browser 'Runtime.evaluate' @{ expression = $Expression; returnByValue = $true; awaitPromise = $true }
    if ($result.PSObject.Properties['exceptionDetails']) { throw "Script failed: $($result.exceptionDetails.text) $($result.exceptionDetails.exception.description)" }
    $result.result.value
}

function Open-BrowserPage {
    param([Parameter(Mandatory)] $Browser, [Parameter(Mandatory)] [string] $Url)
    Invoke-Cdp $Browser 'Page.enable' | Out-Null
    Invoke-Cdp $Browser 'Page.navigate' @{ url = $Url } | Out-Null
    $deadline = [DateTime]::UtcNow.AddSeconds(20)
    do {
        Start-Sleep -Milliseconds 100
        $state = Invoke-BrowserScript $Browser 'document.readyState + "|" + location.href'
    } while (($state -notlike "complete|$Url*") -and [DateTime]::UtcNow -lt $deadline)
}

function Save-BrowserScreenshot {
    param([Parameter(Mandatory)] $Browser, [Parameter(Mandatory)] [string] $Path)
    $shot = Invoke-Cdp $Browser 'Page.captureScreenshot' @{ format = 'png' }
    [IO.File]::WriteAllBytes($Path, [Convert]::FromBase64String($shot.data))
}

function Stop-HeadlessChromium {
    param($Browser)
    if (-not $Browser) { return }
    try { $Browser.Socket.Dispose() } catch { }
    if (-not $Browser.Process.HasExited) { $Browser.Process.Kill($true); $Browser.Process.WaitForExit(5000) | Out-Null }
    Remove-Item $Browser.UserData -Recurse -Force -ErrorAction SilentlyContinue
}
