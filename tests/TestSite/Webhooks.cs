using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace AiNews.TestSite;

/// <summary>
/// The webhook receiver for the Send-AiDigest tests (Slack, Teams and Discord all POST JSON): POST /hooks/NAME[/ANY]
/// records the request under NAME and answers from NAME's script of answers, then 204 for the rest. A test picks a NAME
/// of its own, so its counts start at zero without a restart; PUT /__hooks/NAME scripts the answers and
/// GET /__stats/hook?name=NAME reads what arrived.
/// </summary>
public sealed class Webhooks
{
    /// <summary>One scripted answer: status, an optional Retry-After header, body and Content-Type.</summary>
    public sealed class Answer
    {
        public int Status { get; init; } = 204;
        public string RetryAfter { get; init; }
        public string Body { get; init; }
        public string ContentType { get; init; }
    }

    /// <summary>One request as it arrived.</summary>
    public sealed record Received(string Path, string Body, string ContentType, DateTimeOffset At);

    sealed class Hook
    {
        public readonly ConcurrentQueue<Answer> Answers = new();
        public readonly List<Received> Requests = new();
    }

    readonly ConcurrentDictionary<string, Hook> _hooks = new(StringComparer.Ordinal);

    Hook For(string name) => _hooks.GetOrAdd(name ?? "", _ => new Hook());

    /// <summary>The name in /hooks/NAME/... or /__hooks/NAME.</summary>
    public static string NameOf(string path, string prefix)
    {
        string rest = path.Substring(prefix.Length);
        int slash = rest.IndexOf('/');
        return slash < 0 ? rest : rest.Substring(0, slash);
    }

    public async Task ReceiveAsync(HttpContext ctx, string name)
    {
        var req = ctx.Request;
        string body;
        using (var reader = new StreamReader(req.Body, Encoding.UTF8)) body = await reader.ReadToEndAsync(ctx.RequestAborted);
        var hook = For(name);
        lock (hook.Requests) hook.Requests.Add(new Received(req.Path.Value, body, req.ContentType, DateTimeOffset.UtcNow));

        var answer = hook.Answers.TryDequeue(out var scripted) ? scripted : new Answer();
        var res = ctx.Response;
        res.StatusCode = answer.Status;
        if (!string.IsNullOrEmpty(answer.RetryAfter)) res.Headers.RetryAfter = answer.RetryAfter;
        byte[] bytes = Encoding.UTF8.GetBytes(answer.Body ?? "");
        if (bytes.Length == 0) return;
        // Set as a raw header: a test may send a charset that does not exist (the sender must cope with it).
        res.Headers.ContentType = string.IsNullOrEmpty(answer.ContentType) ? "application/json" : answer.ContentType;
        res.ContentLength = bytes.Length;
        await res.Body.WriteAsync(bytes, ctx.RequestAborted);
    }

    /// <summary>PUT /__hooks/NAME with a JSON array of {status, retryAfter, body, contentType}: the next answers, in order.</summary>
    public async Task ScriptAsync(HttpContext ctx, string name)
    {
        using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
        var hook = For(name);
        var items = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.EnumerateArray().ToList() : new List<JsonElement> { doc.RootElement };
        foreach (var item in items)
        {
            hook.Answers.Enqueue(new Answer
            {
                Status = Property(item, "status") is { } s && int.TryParse(s, out int status) ? status : 204,
                RetryAfter = Property(item, "retryAfter"),
                Body = Property(item, "body"),
                ContentType = Property(item, "contentType"),
            });
        }
        ctx.Response.StatusCode = 204;
    }

    /// <summary>What GET /__stats/hook?name=NAME returns.</summary>
    public object Stats(string name)
    {
        var hook = For(name);
        Received[] requests;
        lock (hook.Requests) requests = hook.Requests.ToArray();
        return new
        {
            name,
            count = requests.Length,
            pending = hook.Answers.Count,
            requests = requests.Select(r => new { path = r.Path, body = r.Body, contentType = r.ContentType, atMs = r.At.ToUnixTimeMilliseconds() }),
        };
    }

    // A property by name whatever its case (PowerShell hashtables say Status, JSON says status), as text.
    static string Property(JsonElement item, string name)
    {
        foreach (var p in item.EnumerateObject())
        {
            if (!string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            return p.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            };
        }
        return null;
    }
}
