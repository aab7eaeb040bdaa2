# A loopback server that speaks the Chat Completions protocol, with its failure modes, for Add-AiSummary tests.
# The article title picks the behaviour: [ok], [length-once], [bad-json], [stray-tag-once], [http500-once], [http401],
# [deep-json] / [deep-body] (an answer / a whole response of 50,000 nested '['), [no-json-mode] (400 when the request asks
# for response_format, as LM Studio does), [huge] (a 6 MB answer), [long-summary] (a 5,000-character summary),
# [slow] (answers after 4 s).
# A "-once" failure happens on the first request (the normal budget); the retry (larger max_tokens) is answered well.
Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
function Start-ChatCompletionsServer {
    $port = Get-FreeTcpPort
    $state = [hashtable]::Synchronized(@{ Requests = [System.Collections.ArrayList]::Synchronized([System.Collections.ArrayList]::new()) })
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$port/")
    $listener.Start()
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
        param($listener, $state)
        function Reply($ctx, [int] $status, [string] $body) {
            $bytes = [Text.Encoding]::UTF8.GetBytes($body)
            $ctx.Response.StatusCode = $status
            $ctx.Response.ContentType = 'application/json; charset=utf-8'
            $ctx.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            $ctx.Response.Close()
        }
        function Completion([string] $content, [string] $finish = 'stop') {
            @{ id = 'chatcmpl-test'; object = 'chat.completion'
               choices = @(@{ index = 0; message = @{ role = 'assistant'; content = $content }; finish_reason = $finish }) } |
                ConvertTo-Json -Depth 6 -Compress
        }
        while ($listener.IsListening) {
            try { $ctx = $listener.GetContext() } catch { break }
            try {
                $reader = [IO.StreamReader]::new($ctx.Request.InputStream, [Text.Encoding]::UTF8)
                $raw = $reader.ReadToEnd()
                $req = $raw | ConvertFrom-Json
                $user = $req.messages[1].content
                $retry = [int]$req.max_tokens -ge 4096
                $null = $state.Requests.Add([pscustomobject]@{
                    Path = $ctx.Request.Url.AbsolutePath; Authorization = $ctx.Request.Headers['Authorization']
                    MaxTokens = [int]$req.max_tokens; System = $req.messages[0].content; User = $user; Model = $req.model })
                $good = @{ summary = '모델이 쓴 요약입니다. 두 번째 문장입니다.'; organization = 'OpenAI'; tags = @('LLM', '추론 AI'); importance = '주요' } |
                    ConvertTo-Json -Compress
                if ($user -match '\[no-json-mode\]' -and $raw -match 'response_format') { Reply $ctx 400 '{"error":{"message":"response_format.type must be json_schema or text"}}'; continue }
                if ($user -match '\[slow\]') { Start-Sleep -Seconds 4; try { Reply $ctx 200 (Completion $good) } catch { }; continue }
                if ($user -match '\[huge\]') { Reply $ctx 200 (Completion ('x' * 6MB)); continue }
                if ($user -match '\[long-summary\]') {
                    $long = @{ summary = ('긴 요약 문장입니다. ' * 500); organization = 'OpenAI'; tags = @('LLM'); importance = '일반' } | ConvertTo-Json -Compress
                    Reply $ctx 200 (Completion $long); continue
                }
                if ($user -match '\[http401\]') { Reply $ctx 401 '{"error":{"message":"bad key"}}'; continue }
                if ($user -match '\[http500-once\]' -and -not $retry) { Reply $ctx 500 '{"error":{"message":"overloaded"}}'; continue }
                if ($user -match '\[length-once\]' -and -not $retry) { Reply $ctx 200 (Completion '' 'length'); continue }
                # 50,000 nested '[' (the recursive JSON reader used to overflow the stack and end the process).
                if ($user -match '\[deep-json\]') { Reply $ctx 200 (Completion ('{"summary": ' + ('[' * 50000) + '}')); continue }
                if ($user -match '\[deep-body\]') { Reply $ctx 200 ('[' * 50000); continue }
                if ($user -match '\[bad-json\]') { Reply $ctx 200 (Completion 'Sure! Here is the summary: it is about AI.'); continue }
                if ($user -match '\[stray-tag-once\]' -and -not $retry) {
                    $stray = @{ summary = '요약.'; organization = 'OpenAI'; tags = @('블록체인'); importance = '일반' } | ConvertTo-Json -Compress
                    Reply $ctx 200 (Completion $stray); continue
                }
                Reply $ctx 200 (Completion ('```json' + "`n" + $good + "`n" + '```'))
            }
            catch { try { Reply $ctx 500 '{}' } catch { } }
        }
    }).AddArgument($listener).AddArgument($state)
    $handle = $ps.BeginInvoke()
    [pscustomobject]@{ Endpoint = "http://127.0.0.1:$port/v1"; State = $state; Listener = $listener; Shell = $ps; Handle = $handle }
}

function Stop-ChatCompletionsServer($Server) {
    if (-not $Server) { return }
    $Server.Listener.Stop()
    $Server.Listener.Close()
    try { $null = $Server.Shell.EndInvoke($Server.Handle) } catch { }
    $Server.Shell.Dispose()
}
