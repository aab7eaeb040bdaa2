using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiNews.TestSite;

/// <summary>
/// An OpenAI-compatible Chat Completions endpoint with its failure modes, for the Add-AiSummary tests:
/// POST /v1/chat/completions. A marker in the user message (the article title) picks the behaviour:
/// [ok] (the default: a good answer inside a ```json fence), [length-once], [bad-json], [stray-tag-once], [http500-once],
/// [http401], [deep-json] / [deep-body] (an answer / a whole response of 50,000 nested '['), [no-json-mode] (400 when the
/// request asks for response_format, as LM Studio does), [huge] (a 6 MB answer), [long-summary] (a 5,000-character
/// summary), [slow] (answers after 4 s, or when the client gives up), [silent] (never answers; holds the connection
/// until the client gives up, as a hung model server does).
/// A "-once" failure happens on the first request (the normal budget); the retry (larger max_tokens) is answered well.
/// Every request is recorded; GET /__stats/chat reads them in the order they arrived.
/// </summary>
public sealed class ChatCompletions
{
    /// <summary>The client asks again with at least this max_tokens: a "-once" failure is then answered well.</summary>
    const int RetryBudget = 4096;
    /// <summary>How deep [deep-json] and [deep-body] nest: a recursive JSON reader used to overflow the stack and end the process.</summary>
    const int DeepNesting = 50000;
    /// <summary>[huge]: over the client's 4 MB answer cap.</summary>
    const int HugeAnswerChars = 6 * 1024 * 1024;
    /// <summary>[slow]: well over the -TimeoutSec 1 the tests use.</summary>
    static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(4);

    /// <summary>One request as it arrived.</summary>
    public sealed record Received(string Path, string Authorization, int MaxTokens, string System, string User, string Model);

    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly string Good = Serialize(new { summary = "모델이 쓴 요약입니다. 두 번째 문장입니다.", organization = "OpenAI", tags = new[] { "LLM", "추론 AI" }, importance = "주요" });

    readonly List<Received> _requests = new();

    public async Task HandleAsync(HttpContext ctx)
    {
        try
        {
            string raw;
            using (var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8)) raw = await reader.ReadToEndAsync(ctx.RequestAborted);
            using var doc = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 256 });
            var root = doc.RootElement;
            var messages = root.GetProperty("messages");
            string system = messages.GetArrayLength() > 0 ? Text(messages[0], "content") : null;
            string user = messages.GetArrayLength() > 1 ? Text(messages[1], "content") ?? "" : "";
            int maxTokens = root.TryGetProperty("max_tokens", out var mt) && mt.TryGetInt32(out int n) ? n : 0;
            bool retry = maxTokens >= RetryBudget;
            lock (_requests)
                _requests.Add(new Received(ctx.Request.Path.Value, ctx.Request.Headers.Authorization.ToString(), maxTokens, system, user, Text(root, "model")));

            bool Has(string marker) => user.Contains(marker, StringComparison.Ordinal);
            if (Has("[no-json-mode]") && root.TryGetProperty("response_format", out _)) { await Reply(ctx, 400, "{\"error\":{\"message\":\"response_format.type must be json_schema or text\"}}"); return; }
            if (Has("[slow]"))
            {
                try { await Task.Delay(SlowAnswer, ctx.RequestAborted); await Reply(ctx, 200, Completion(Good)); } catch (Exception) { }
                return;
            }
            if (Has("[silent]"))
            {
                try { await Task.Delay(Timeout.Infinite, ctx.RequestAborted); } catch (Exception) { }
                return;
            }
            if (Has("[huge]")) { await Reply(ctx, 200, Completion(new string('x', HugeAnswerChars))); return; }
            if (Has("[long-summary]"))
            {
                string summary = string.Concat(Enumerable.Repeat("긴 요약 문장입니다. ", 500));
                await Reply(ctx, 200, Completion(Serialize(new { summary, organization = "OpenAI", tags = new[] { "LLM" }, importance = "일반" })));
                return;
            }
            if (Has("[http401]")) { await Reply(ctx, 401, "{\"error\":{\"message\":\"bad key\"}}"); return; }
            if (Has("[http500-once]") && !retry) { await Reply(ctx, 500, "{\"error\":{\"message\":\"overloaded\"}}"); return; }
            if (Has("[length-once]") && !retry) { await Reply(ctx, 200, Completion("", "length")); return; }
            if (Has("[deep-json]")) { await Reply(ctx, 200, Completion("{\"summary\": " + new string('[', DeepNesting) + "}")); return; }
            if (Has("[deep-body]")) { await Reply(ctx, 200, new string('[', DeepNesting)); return; }
            if (Has("[bad-json]")) { await Reply(ctx, 200, Completion("Sure! Here is the summary: it is about AI.")); return; }
            if (Has("[stray-tag-once]") && !retry)
            {
                // A label outside the taxonomy.
                await Reply(ctx, 200, Completion(Serialize(new { summary = "요약.", organization = "OpenAI", tags = new[] { "블록체인" }, importance = "일반" })));
                return;
            }
            await Reply(ctx, 200, Completion("```json\n" + Good + "\n```"));
        }
        catch (OperationCanceledException) { }
        catch (Exception) when (!ctx.Response.HasStarted) { await Reply(ctx, 500, "{}"); }
    }

    /// <summary>What GET /__stats/chat returns: every request so far, oldest first.</summary>
    public object Stats()
    {
        Received[] requests;
        lock (_requests) requests = _requests.ToArray();
        return new
        {
            count = requests.Length,
            requests = requests.Select(r => new { path = r.Path, authorization = r.Authorization, maxTokens = r.MaxTokens, system = r.System, user = r.User, model = r.Model }),
        };
    }

    static string Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    static string Serialize(object value) => JsonSerializer.Serialize(value, Json);

    static string Completion(string content, string finish = "stop") => Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finish } },
    });

    static async Task Reply(HttpContext ctx, int status, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
    }
}
