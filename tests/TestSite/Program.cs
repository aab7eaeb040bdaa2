// AiNews loopback test site (issue 3). Usage: dotnet AiNews.TestSite.dll [--port N] [--shared PATH]
// With --exit-on-stdin-close it also stops when its stdin closes (tests/TestSite.ps1 uses that).
// Ctrl+C and SIGTERM stop it too.
// Prints "AINEWS_TESTSITE_URL=http://127.0.0.1:PORT/" on stdout when ready; stops on Ctrl+C or when stdin closes.
// The URL scheme of every site and fault is documented in tests/TestSite/README.md.
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AiNews.TestSite;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
int port = 0;
string shared = Environment.GetEnvironmentVariable("AINEWS_SHARED");
bool watchStdin = args.Contains("--exit-on-stdin-close");
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port") port = int.Parse(args[i + 1]);
    if (args[i] == "--shared") shared = args[i + 1];
}

var corpus = Corpus.Load(shared);
var sites = new Sites(corpus);
var stats = new Stats();
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k =>
{
    k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http1);
    k.AllowSynchronousIO = false;
    k.Limits.MaxConcurrentConnections = 1000;
});
var app = builder.Build();
var handler = new Handler(corpus, sites, stats, new Webhooks(), new ChatCompletions());
app.Run(handler.HandleAsync);
await app.StartAsync();
string url = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";
Console.Out.WriteLine("AINEWS_TESTSITE_URL=" + url);
Console.Out.Flush();
Console.Error.WriteLine($"test site: {corpus.Korean.Count} AI타임스-like, {corpus.English.Count} English, {corpus.KoreanAlt.Count} EUC-KR, {corpus.Blog.Count} blog articles from {corpus.Origin}");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
app.Lifetime.ApplicationStopping.Register(() => stop.TrySetResult()); // SIGTERM
if (watchStdin) _ = Task.Run(() =>
{
    // The starter holds our stdin open; when it closes (or the starter dies) we stop, so no server outlives its tests.
    try { while (Console.In.ReadLine() != null) { } } catch { }
    stop.TrySetResult();
});
await stop.Task;
await app.StopAsync(TimeSpan.FromSeconds(2));

sealed class Stats
{
    public sealed class Entry { public int Count; public int Conditional; public int NotModified; public string LastUserAgent; public string LastAcceptEncoding; }
    public sealed class Group { public int Current; public int Max; public int Total; }
    public ConcurrentDictionary<string, Entry> ByPath { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, int> ByHost { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentDictionary<string, Group> Groups { get; } = new(StringComparer.Ordinal);
}

sealed class Handler
{
    readonly Corpus _corpus;
    readonly Sites _sites;
    readonly Stats _stats;
    readonly Webhooks _webhooks;
    readonly ChatCompletions _chat;
    static readonly DateTimeOffset Started = new(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
    static readonly Encoding Cp949 = Encoding.GetEncoding(949);

    public Handler(Corpus corpus, Sites sites, Stats stats, Webhooks webhooks, ChatCompletions chat)
    {
        _corpus = corpus; _sites = sites; _stats = stats; _webhooks = webhooks; _chat = chat;
    }

    public async Task HandleAsync(HttpContext ctx)
    {
        var req = ctx.Request;
        string path = req.Path.Value ?? "/";
        string key = path + req.QueryString.Value;
        var q = req.Query;
        if (path.StartsWith("/__stats")) { await Stats(ctx, path); return; }

        var entry = _stats.ByPath.GetOrAdd(key, _ => new Stats.Entry());
        bool conditional = req.Headers.ContainsKey("If-None-Match") || req.Headers.ContainsKey("If-Modified-Since");
        int count = Interlocked.Increment(ref entry.Count);
        if (conditional) Interlocked.Increment(ref entry.Conditional);
        entry.LastUserAgent = req.Headers.UserAgent.ToString();
        entry.LastAcceptEncoding = req.Headers.AcceptEncoding.ToString();
        _stats.ByHost.AddOrUpdate(req.Host.Host ?? "", 1, (_, n) => n + 1);

        // The webhook receiver and the Chat Completions endpoint (counted above, so a proxied request shows by host too)
        // keep their own records and answer without the query-string faults below (see Webhooks.cs, ChatCompletions.cs).
        if (path.StartsWith("/hooks/") && HttpMethods.IsPost(req.Method)) { await _webhooks.ReceiveAsync(ctx, Webhooks.NameOf(path, "/hooks/")); return; }
        if (path.StartsWith("/__hooks/") && HttpMethods.IsPut(req.Method)) { await _webhooks.ScriptAsync(ctx, Webhooks.NameOf(path, "/__hooks/")); return; }
        if (path == "/v1/chat/completions" && HttpMethods.IsPost(req.Method)) { await _chat.HandleAsync(ctx); return; }

        Stats.Group group = null;
        string groupName = q["group"];
        if (!string.IsNullOrEmpty(groupName))
        {
            group = _stats.Groups.GetOrAdd(groupName, _ => new Stats.Group());
            int now = Interlocked.Increment(ref group.Current);
            Interlocked.Increment(ref group.Total);
            int max;
            while (now > (max = Volatile.Read(ref group.Max)) && Interlocked.CompareExchange(ref group.Max, now, max) != max) { }
        }
        try
        {
            if (int.TryParse(q["delay"], out int delay) && delay > 0) await Task.Delay(delay, ctx.RequestAborted);

            // status=NNN[&times=K][&retryAfter=S | &retryAfterDate=S]: fail the first K requests of this URL (all when no times).
            if (int.TryParse(q["status"], out int status) && (!int.TryParse(q["times"], out int times) || count <= times))
            {
                ctx.Response.StatusCode = status;
                if (int.TryParse(q["retryAfter"], out int ra)) ctx.Response.Headers.RetryAfter = ra.ToString();
                if (int.TryParse(q["retryAfterDate"], out int rad)) ctx.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(rad).ToString("r");
                ctx.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.Response.WriteAsync($"fault: status {status} (request {count})");
                return;
            }

            Payload payload = Route(ctx, path);
            await WriteAsync(ctx, payload, entry);
        }
        catch (OperationCanceledException) { }
        finally
        {
            if (group != null) Interlocked.Decrement(ref group.Current);
        }
    }

    string BaseUri(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}/";

    Payload Route(HttpContext ctx, string path)
    {
        var q = ctx.Request.Query;
        string b = BaseUri(ctx);
        var utf8 = new UTF8Encoding(false);
        switch (path)
        {
            case "/": return Payload.Text("text/html; charset=utf-8", _sites.Index(b), null, Started);
            case "/robots.txt" when (ctx.Request.Host.Host ?? "").StartsWith("bigrobots.", StringComparison.OrdinalIgnoreCase):
                // Over RFC 9309's 500 KiB: a rule at the start, 600 KB of comments, then a rule a parser must not reach.
                return Payload.Text("text/plain; charset=utf-8",
                    "User-agent: *\nDisallow: /private/\n" + string.Concat(Enumerable.Repeat("# padding padding padding padding padding padding padding\n", 600 * 1024 / 58)) +
                    "Disallow: /page/late\n", null, Started);
            case "/robots.txt" when (ctx.Request.Host.Host ?? "").StartsWith("crawldelay.", StringComparison.OrdinalIgnoreCase):
                // Crawl-delay (seconds, default 0.4; ?cd= on the robots request cannot be set by a crawler, so the host name
                // carries it: crawldelay.SECONDS.proxied.test, e.g. crawldelay.1.5.proxied.test).
                return Payload.Text("text/plain; charset=utf-8",
                    "User-agent: *\nCrawl-delay: " + CrawlDelayOf(ctx.Request.Host.Host) + "\nDisallow: /private/\n", null, Started);
            case "/robots.txt":
                return Payload.Text("text/plain; charset=utf-8",
                    "# AiNews test site\nUser-agent: *\nDisallow: /private/\nAllow: /private/open/\nDisallow: /*.pdf$\nDisallow: /search?\n\n" +
                    "User-agent: BlockedBot\nDisallow: /\n\nSitemap: " + b + "sitemap.xml\n", null, Started);
            case "/aitimes/rss/allArticle.xml":
                return Payload.Text("text/xml; charset=utf-8", _sites.CmsRss(_corpus.Korean, b, "aitimes", "AI타임스", q["count"], "UTF-8"), null, Latest(_corpus.Korean));
            case "/aitimes/news/articleView.html":
                {
                    var a = Find(_corpus.Korean, q["idxno"]);
                    if (a == null) return Payload.NotFound("idxno " + q["idxno"]);
                    return Payload.Text("text/html; charset=utf-8", _sites.CmsPage(a, _corpus.Korean, b, "aitimes", "AI타임스", "utf-8"), null, a.Published);
                }
            case "/euckr/rss/allArticle.xml":
                return Payload.Text("text/xml; charset=euc-kr", _sites.CmsRss(_corpus.KoreanAlt, b, "euckr", "가상인공지능신문", q["count"], "euc-kr"), Cp949, Latest(_corpus.KoreanAlt));
            case "/euckr/rss/nocharset.xml":
                return Payload.Text("text/xml", _sites.CmsRss(_corpus.KoreanAlt, b, "euckr", "가상인공지능신문", q["count"], "euc-kr"), Cp949, Latest(_corpus.KoreanAlt));
            case "/euckr/rss/wrongcharset.xml":
                return Payload.Text("text/xml; charset=utf-8", _sites.CmsRss(_corpus.KoreanAlt, b, "euckr", "가상인공지능신문", q["count"], "euc-kr"), Cp949, Latest(_corpus.KoreanAlt));
            case "/euckr/news/articleView.html":
                {
                    var a = Find(_corpus.KoreanAlt, q["idxno"]);
                    if (a == null) return Payload.NotFound("idxno " + q["idxno"]);
                    string mode = q["charset"]; // header (default) | none (meta only) | wrong (header says utf-8)
                    string ct = mode == "none" ? "text/html" : mode == "wrong" ? "text/html; charset=utf-8" : "text/html; charset=euc-kr";
                    return Payload.Text(ct, _sites.CmsPage(a, _corpus.KoreanAlt, b, "euckr", "가상인공지능신문", "euc-kr"), Cp949, a.Published);
                }
            case "/wp/feed/":
                return Payload.Text("application/rss+xml; charset=UTF-8", _sites.WpFeed(b, q["count"]), null, _sites.WpLatest);
            case "/newsroom/feed.xml":
                {
                    DateTimeOffset now = DateTimeOffset.TryParse(q["now"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : DateTimeOffset.Now;
                    return Payload.Text("application/rss+xml; charset=utf-8", Newsroom.Feed(b, now));
                }
            case "/blog/atom.xml":
                return Payload.Text("application/atom+xml", _sites.BlogAtom(b), null, _sites.BlogLatest);
            case "/feed/links":
                return Payload.Text("application/rss+xml; charset=utf-8", LinkFeed(b, q["link"], q["count"], q["from"]), null, Started);
            case "/echo":
                {
                    var sb = new StringBuilder();
                    sb.Append(ctx.Request.Method).Append(' ').Append(ctx.Request.Path).Append(ctx.Request.QueryString).Append('\n');
                    foreach (var h in ctx.Request.Headers.OrderBy(h => h.Key)) sb.Append(h.Key).Append(": ").Append(h.Value.ToString()).Append('\n');
                    return Payload.Text("text/plain; charset=utf-8", sb.ToString());
                }
            case "/big":
                {
                    // size bytes of HTML; cl=1 declares Content-Length, else chunked with no length.
                    long size = long.TryParse(q["size"], out long s) ? s : 11 * 1024 * 1024;
                    return new Payload { ContentType = "text/html; charset=utf-8", Body = Filler(size), Headers = { ["X-Declare-Length"] = q["cl"] == "1" ? "1" : "0" } };
                }
            case "/image.png":
                return new Payload { ContentType = "image/png", Body = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==") };
            case "/redirect/loop/a": return Redirect(302, "/redirect/loop/b");
            case "/redirect/loop/b": return Redirect(302, "/redirect/loop/a");
            case "/redirect/to": return Redirect(int.TryParse(q["code"], out int code) ? code : 302, q["location"]);
        }
        if (path.StartsWith("/redirect/chain/") && int.TryParse(path.Substring("/redirect/chain/".Length), out int hops))
            return Redirect(301, hops <= 1 ? (string)q["to"] ?? "/aitimes/rss/allArticle.xml" : $"/redirect/chain/{hops - 1}{ctx.Request.QueryString}");
        if (path.StartsWith("/aitimes/news/photo/") || path.StartsWith("/euckr/news/photo/") || path.EndsWith("/image/reporter.png"))
            return Route(ctx, "/image.png");
        if (path.StartsWith("/newsroom/news/") && path.EndsWith(".html") && int.TryParse(path["/newsroom/news/".Length..^".html".Length], out int story) && story >= 0)
            return Payload.Text("text/html; charset=utf-8", Newsroom.Page(story), null, Newsroom.PublishedAt(story));
        if (path.StartsWith("/wp/"))
        {
            var parts = path.Trim('/').Split('/');
            if (parts.Length == 5)
            {
                string idPart = parts[4].Split('-')[0];
                var a = int.TryParse(idPart, out int id) ? _sites.WpFind(id) : null;
                if (a != null) return Payload.Text("text/html; charset=UTF-8", _sites.WpPage(a, b), null, a.Published);
            }
            return Payload.NotFound(path);
        }
        if (path.StartsWith("/blog/posts/") && path.EndsWith(".html"))
        {
            var a = _sites.BlogFind(path.Substring("/blog/posts/".Length, path.Length - "/blog/posts/".Length - 5));
            return a == null ? Payload.NotFound(path) : Payload.Text("text/html; charset=utf-8", _sites.BlogPage(a), null, a.Published);
        }
        if (path.StartsWith("/private/") || path.StartsWith("/files/") || path.StartsWith("/page/"))
        {
            if (path.EndsWith(".pdf")) return new Payload { ContentType = "application/pdf", Body = utf8.GetBytes("%PDF-1.4\n%fake\n") };
            return Payload.Text("text/html; charset=utf-8", $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(path)}</title></head><body><p>Page {WebUtility.HtmlEncode(path)}</p></body></html>", null, Started);
        }
        return Payload.NotFound(path);
    }

    // "crawldelay.1.5.proxied.test" -> "1.5"; "crawldelay.proxied.test" -> "0.4".
    static string CrawlDelayOf(string host)
    {
        var m = System.Text.RegularExpressions.Regex.Match(host, @"^crawldelay\.(\d+(?:\.\d+)?)\.");
        return m.Success ? m.Groups[1].Value : "0.4";
    }

    // An RSS feed whose items link wherever the test says: each link= value is one item, or count items when it holds
    // "{i}" (replaced by from..from+count-1, from defaulting to 1). Relative links are resolved against the site.
    // Titles "Item N", excerpts "Excerpt N".
    static string LinkFeed(string b, Microsoft.Extensions.Primitives.StringValues links, string count, string from)
    {
        int n = int.TryParse(count, out int c) && c > 0 ? c : 1;
        int first = int.TryParse(from, out int f) && f >= 0 ? f : 1;
        var urls = new List<string>();
        foreach (string link in links)
        {
            if (string.IsNullOrEmpty(link)) continue;
            string absolute = Uri.TryCreate(link, UriKind.Absolute, out _) ? link : new Uri(new Uri(b), link).ToString();
            if (link.Contains("{i}")) for (int i = first; i < first + n; i++) urls.Add(absolute.Replace("{i}", i.ToString()).Replace("%7Bi%7D", i.ToString()));
            else urls.Add(absolute);
        }
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Link feed</title><link>" + b + "</link>\n");
        for (int i = 0; i < urls.Count; i++)
            sb.Append("<item><title>Item ").Append(i + 1).Append("</title><link>").Append(WebUtility.HtmlEncode(urls[i]))
              .Append("</link><description>Excerpt ").Append(i + 1).Append(" of the link feed.</description><pubDate>")
              .Append(Started.AddMinutes(-i).ToString("r")).Append("</pubDate></item>\n");
        sb.Append("</channel></rss>\n");
        return sb.ToString();
    }

    static DateTimeOffset? Latest(List<SiteArticle> list) => list.Count == 0 ? null : list.Max(a => a.Published);
    static SiteArticle Find(List<SiteArticle> list, string idxno) => int.TryParse(idxno, out int id) ? list.FirstOrDefault(a => a.Id == id) : null;
    static Payload Redirect(int code, string location) => new() { Status = code, ContentType = "text/plain", Body = Encoding.ASCII.GetBytes("moved"), Headers = { ["Location"] = location ?? "/" } };

    static byte[] Filler(long size)
    {
        var bytes = new byte[size];
        byte[] line = Encoding.ASCII.GetBytes("<p>lorem ipsum filler text for an oversized page</p>\n");
        for (long i = 0; i < size; i++) bytes[i] = line[i % line.Length];
        return bytes;
    }

    async Task WriteAsync(HttpContext ctx, Payload p, Stats.Entry entry)
    {
        var q = ctx.Request.Query;
        var res = ctx.Response;
        res.StatusCode = p.Status;
        bool declareLength = true;
        foreach (var h in p.Headers)
        {
            if (h.Key == "X-Declare-Length") { declareLength = h.Value == "1"; continue; }
            res.Headers[h.Key] = h.Value;
        }

        string contentType = p.ContentType;
        if (!string.IsNullOrEmpty(q["ctype"])) contentType = q["ctype"];
        if (!string.IsNullOrEmpty(q["ctcharset"])) contentType = contentType.Split(';')[0] + "; charset=" + q["ctcharset"];
        if (contentType != null) res.ContentType = contentType;

        // cc=...: a Cache-Control header, on the 200 and on a 304 alike (cc=no-cache, cc=max-age%3D60).
        if (!string.IsNullOrEmpty(q["cc"])) res.Headers.CacheControl = q["cc"].ToString();

        // Validators: ETag from the body, Last-Modified from the content's date; etag=0 / lastmod=0 leave one out.
        if (p.Status == 200)
        {
            string etag = q["etag"] == "0" ? null : "\"" + Convert.ToHexString(SHA256.HashData(p.Body)).Substring(0, 16).ToLowerInvariant() + "\"";
            DateTimeOffset? lastModified = q["lastmod"] == "0" ? null : p.LastModified;
            if (etag != null) res.Headers.ETag = etag;
            if (lastModified != null) res.Headers.LastModified = lastModified.Value.ToString("r");
            string inm = ctx.Request.Headers.IfNoneMatch.ToString();
            string ims = ctx.Request.Headers.IfModifiedSince.ToString();
            bool notModified = false;
            if (!string.IsNullOrEmpty(inm)) notModified = etag != null && inm.Split(',').Select(s => s.Trim().Replace("W/", "")).Any(s => s == etag || s == "*");
            else if (!string.IsNullOrEmpty(ims) && lastModified != null && DateTimeOffset.TryParse(ims, out var since))
                notModified = lastModified.Value <= since.AddSeconds(1);
            if (notModified)
            {
                Interlocked.Increment(ref entry.NotModified);
                res.StatusCode = 304;
                res.Headers.ContentType = default;
                return;
            }
        }

        byte[] body = p.Body;
        string compress = q["compress"];
        if (!string.IsNullOrEmpty(compress))
        {
            body = Compress(body, compress);
            res.Headers.ContentEncoding = compress == "rawdeflate" ? "deflate" : compress;
        }

        int.TryParse(q["truncate"], out int truncate);
        int.TryParse(q["slow"], out int slow);
        int chunk = int.TryParse(q["chunk"], out int c) && c > 0 ? c : 512;
        if (declareLength) res.ContentLength = body.Length;
        if (truncate > 0 && truncate < body.Length)
        {
            // Promise the whole length, send part of it, then drop the connection.
            await res.Body.WriteAsync(body.AsMemory(0, truncate), ctx.RequestAborted);
            await res.Body.FlushAsync(ctx.RequestAborted);
            await Task.Delay(50);
            ctx.Abort();
            return;
        }
        if (slow > 0)
        {
            for (int offset = 0; offset < body.Length; offset += chunk)
            {
                await res.Body.WriteAsync(body.AsMemory(offset, Math.Min(chunk, body.Length - offset)), ctx.RequestAborted);
                await res.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(slow, ctx.RequestAborted);
            }
            return;
        }
        for (int offset = 0; offset < body.Length; offset += 64 * 1024)
            await res.Body.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)), ctx.RequestAborted);
    }

    static byte[] Compress(byte[] body, string method)
    {
        using var ms = new MemoryStream();
        using (Stream z = method switch
        {
            "gzip" => new GZipStream(ms, CompressionLevel.Fastest, true),
            "deflate" => new ZLibStream(ms, CompressionLevel.Fastest, true), // HTTP "deflate" is the zlib format
            "rawdeflate" => new DeflateStream(ms, CompressionLevel.Fastest, true), // what some servers wrongly send as "deflate"
            "br" => new BrotliStream(ms, CompressionLevel.Fastest, true),
            _ => throw new ArgumentException("unknown compression " + method),
        })
        {
            z.Write(body, 0, body.Length);
        }
        return ms.ToArray();
    }

    // Non-ASCII text (the recorded webhook and prompt bodies) as it is, not as \uXXXX escapes.
    static readonly System.Text.Json.JsonSerializerOptions StatsJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    async Task Stats(HttpContext ctx, string path)
    {
        var q = ctx.Request.Query;
        object result;
        if (path == "/__stats/group")
        {
            _stats.Groups.TryGetValue(q["name"].ToString(), out var g);
            result = new { name = q["name"].ToString(), max = g?.Max ?? 0, current = g?.Current ?? 0, total = g?.Total ?? 0 };
        }
        else if (path == "/__stats/hook") result = _webhooks.Stats(q["name"].ToString());
        else if (path == "/__stats/chat") result = _chat.Stats();
        else if (path == "/__stats/host")
        {
            _stats.ByHost.TryGetValue(q["name"].ToString(), out int n);
            result = new { name = q["name"].ToString(), count = n };
        }
        else
        {
            string key = q["path"];
            _stats.ByPath.TryGetValue(key ?? "", out var e);
            result = new { path = key, count = e?.Count ?? 0, conditional = e?.Conditional ?? 0, notModified = e?.NotModified ?? 0, userAgent = e?.LastUserAgent, acceptEncoding = e?.LastAcceptEncoding };
        }
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers.CacheControl = "no-store";
        await ctx.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(result, StatsJson));
    }
}
