# A loopback webhook receiver for Send-AiDigest tests: records each POST and answers from a script of
# responses (status, Retry-After header, body, content type), then 204 for the rest.
Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

function Start-WebhookReceiver {
    param([object[]] $Responses = @())
    $port = Get-FreeTcpPort
    $state = [hashtable]::Synchronized(@{ Requests = [Collections.ArrayList]::Synchronized([Collections.ArrayList]::new()); Responses = [Collections.Queue]::new() })
    foreach ($r in $Responses) { $state.Responses.Enqueue($r) }
    $listener = [Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$port/")
    $listener.Start()
    $job = Start-ThreadJob -ArgumentList $listener, $state -ScriptBlock {
        param($listener, $state)
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $reader = [IO.StreamReader]::new($context.Request.InputStream, [Text.Encoding]::UTF8)
            [void] $state.Requests.Add([pscustomobject]@{ Path = $context.Request.Url.AbsolutePath; Body = $reader.ReadToEnd(); At = [DateTime]::UtcNow
                ContentType = $context.Request.ContentType })
            $answer = if ($state.Responses.Count) { $state.Responses.Dequeue() } else { @{ Status = 204 } }
            $context.Response.StatusCode = $answer.Status
            if ($answer.RetryAfter) { $context.Response.AddHeader('Retry-After', [string] $answer.RetryAfter) }
            $bytes = [Text.Encoding]::UTF8.GetBytes([string] $answer.Body)
            if ($bytes.Length) { $context.Response.ContentType = if ($answer.ContentType) { $answer.ContentType } else { 'application/json' }; $context.Response.OutputStream.Write($bytes, 0, $bytes.Length) }
            $context.Response.Close()
        }
    }
    [pscustomobject]@{ Uri = [Uri] "http://127.0.0.1:$port/hook/secret-token"; Listener = $listener; Job = $job; State = $state }
}

function Stop-WebhookReceiver {
    param($Receiver)
    if (-not $Receiver) { return }
    $Receiver.Listener.Stop(); $Receiver.Listener.Close()
    $Receiver.Job | Stop-Job -PassThru | Remove-Job -Force
}
