using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AiNews.Http;

namespace AiNews.Fetching
{
    /// <summary>
    /// The one HTTP client of AiNews: throttled (in total and per host), retrying with exponential backoff and Retry-After,
    /// following at most N http/https redirects by hand, decoding gzip/deflate/br, capping the body size while it streams,
    /// checking the content type, honouring robots.txt (read once per host per fetcher) and revalidating from an on-disk
    /// cache with ETag/Last-Modified. Thread-safe; create one per run (one cmdlet invocation) and dispose it at the end.
    /// </summary>
    /// <remarks>
    /// Results come back as tasks; log lines are raised on worker threads through <see cref="Logged"/> and
    /// <see cref="FetchRequest.Log"/>. A cmdlet, which must write from its own thread, uses <see cref="FetchBatch"/> to
    /// drain both on the pipeline thread.
    /// </remarks>
    public sealed class WebFetcher : IWebFetcher, IDisposable
    {
        const long RobotsMaxBytes = 500 * 1024; // RFC 9309: at least 500 KiB must be parsed; we read (and parse) no more
        readonly FetchOptions _options;
        readonly HttpClient _client;
        readonly FetchCache _cache;
        readonly SemaphoreSlim _total;
        readonly ConcurrentDictionary<string, SemaphoreSlim> _perHost = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
        readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> _robots = new ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>>(StringComparer.OrdinalIgnoreCase);
        readonly ConcurrentDictionary<string, Lazy<Task<IPAddress[]>>> _resolved = new ConcurrentDictionary<string, Lazy<Task<IPAddress[]>>>(StringComparer.OrdinalIgnoreCase);
        readonly HostCircuitBreaker _breaker = new HostCircuitBreaker();
        readonly Random _random = new Random();
        int _disposed;

        public WebFetcher() : this(null, null) { }

        public WebFetcher(FetchOptions options) : this(options, null) { }

        /// <summary>With <paramref name="handler"/> given, it is used as is (tests, custom transports); the fetcher disposes it.</summary>
        public WebFetcher(FetchOptions options, HttpMessageHandler handler)
        {
            _options = (options ?? new FetchOptions()).Clone();
            _options.Validate();
            _client = new HttpClient(handler ?? CreateHandler(_options), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _total = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
            if (!_options.NoCache) _cache = new FetchCache(string.IsNullOrWhiteSpace(_options.CachePath) ? FetchOptions.DefaultCachePath : _options.CachePath);
        }

        /// <summary>A copy of the options in force.</summary>
        public FetchOptions Options => _options.Clone();

        /// <summary>The on-disk cache, or null with NoCache.</summary>
        public FetchCache Cache => _cache;

        /// <summary>Every log line of every request, raised on a worker thread; handlers must be quick and thread-safe.</summary>
        public event EventHandler<FetchLogEntry> Logged;

        static HttpMessageHandler CreateHandler(FetchOptions options)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,                           // redirects are followed by hand: limits, scheme and robots checks per hop
                AutomaticDecompression = DecompressionMethods.None, // decoded by ContentDecoding, so the size cap counts decoded bytes
                UseCookies = false,
                UseProxy = options.UseProxy,
            };
            if (options.UseProxy && options.Proxy != null)
                handler.Proxy = new WebProxy(options.Proxy) { Credentials = options.ProxyCredentials };
            else if (options.UseProxy && options.ProxyCredentials != null)
                handler.DefaultProxyCredentials = options.ProxyCredentials;
            // No MaxConnectionsPerServer: the semaphores limit requests per host, and through a proxy the handler would
            // count every host as the proxy's, capping the whole run at the per-host limit.
            return handler;
        }

        // ---------------------------------------------------------------- public API

        public Task<FetchResult> FetchAsync(Uri uri) => FetchAsync(new FetchRequest(uri), CancellationToken.None);

        public Task<FetchResult> FetchAsync(Uri uri, FetchKind kind) => FetchAsync(new FetchRequest(uri, kind), CancellationToken.None);

        public Task<FetchResult> FetchAsync(Uri uri, FetchKind kind, CancellationToken cancellationToken) =>
            FetchAsync(new FetchRequest(uri, kind), cancellationToken);

        /// <summary>
        /// Fetches one URL. Completes with a <see cref="FetchResult"/>, or faults with a <see cref="FetchException"/> (see
        /// <see cref="FetchErrorIds"/>), or is cancelled through <paramref name="cancellationToken"/>.
        /// </summary>
        public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(WebFetcher));
            try
            {
                return await FetchCoreAsync(request, checkRobots: !_options.IgnoreRobots, maxBytes: _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (FetchException e)
            {
                Log(request, FetchLogKind.Failed, request.Uri, e.ErrorId + ": " + e.Message, e.Attempts);
                throw;
            }
        }

        /// <summary>Blocking form for scripts and tests: the result, or a <see cref="FetchException"/>.</summary>
        public FetchResult Fetch(Uri uri, FetchKind kind = FetchKind.Any) => FetchAsync(new FetchRequest(uri, kind), CancellationToken.None).GetAwaiter().GetResult();

        /// <summary>Whether robots.txt of the URL's host lets our User-Agent fetch it (reads robots.txt once per host).</summary>
        public async Task<bool> IsAllowedByRobotsAsync(Uri uri, CancellationToken cancellationToken)
        {
            RobotsTxt robots = await GetRobotsAsync(uri, null, cancellationToken).ConfigureAwait(false);
            return robots.IsAllowed(_options.RobotsAgent, uri.PathAndQuery);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _client.Dispose();
        }

        // ---------------------------------------------------------------- the request loop

        sealed class Retry : Exception
        {
            public Retry(string reason, int? status = null, TimeSpan? retryAfter = null, Uri at = null, Exception inner = null) : base(reason, inner)
            {
                Status = status;
                RetryAfter = retryAfter;
                At = at;
            }
            public int? Status { get; }
            public TimeSpan? RetryAfter { get; }
            public Uri At { get; }
        }

        async Task<FetchResult> FetchCoreAsync(FetchRequest request, bool checkRobots, long maxBytes, CancellationToken ct)
        {
            Uri uri = request.Uri;
            if (uri == null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new FetchException(FetchErrorIds.InvalidUri, uri,
                    $"'{(uri != null && uri.IsAbsoluteUri ? UriDisplay.WithoutQuery(uri) : uri?.OriginalString)}' is not an absolute http or https address; give the full address, for example https://www.example.com/rss.xml.");
            var clock = Stopwatch.StartNew();
            FetchCacheEntry cached = _cache?.TryRead(uri);
            int attempt = 0;
            while (true)
            {
                attempt++;
                ct.ThrowIfCancellationRequested();
                try
                {
                    FetchResult result = await AttemptAsync(request, cached, checkRobots, maxBytes, attempt, ct).ConfigureAwait(false);
                    result.Attempts = attempt;
                    result.Elapsed = clock.Elapsed;
                    result.Kind = request.Kind;
                    result.State = request.State;
                    return result;
                }
                catch (FetchException e)
                {
                    e.Attempts = attempt;
                    throw;
                }
                catch (Retry retry)
                {
                    string unreachable = request.Kind == FetchKind.Feed ? FetchErrorIds.FeedUnreachable : FetchErrorIds.PageUnreachable;
                    string what = request.Kind == FetchKind.Feed ? "the feed" : "the page";
                    if (retry.RetryAfter.HasValue && retry.RetryAfter.Value > _options.MaxRetryDelay)
                        throw new FetchException(unreachable, uri,
                            $"Could not fetch {what} {Show(uri)}: {retry.Message}, and the server asked to wait {Describe(retry.RetryAfter.Value)} before trying again (longer than the {Describe(_options.MaxRetryDelay)} this run waits). Try again later.",
                            retry.InnerException) { Attempts = attempt, StatusCode = retry.Status, FinalUri = retry.At };
                    if (attempt > _options.MaxRetries)
                        throw new FetchException(unreachable, uri,
                            $"Could not fetch {what} {Show(uri)} after {attempt} attempt{(attempt == 1 ? "" : "s")}: {retry.Message}. Check the address, your network connection and proxy settings, or try again later.",
                            retry.InnerException) { Attempts = attempt, StatusCode = retry.Status, FinalUri = retry.At };
                    // Retries left, but the host has stopped answering: give up now rather than wait out the retries.
                    if (retry.At != null && _breaker.IsOpen(retry.At))
                        throw HostUnavailable(request, retry.At, retry.InnerException, attempt);
                    TimeSpan delay = retry.RetryAfter ?? Backoff(attempt);
                    Log(request, FetchLogKind.Retrying, uri,
                        $"Retrying {Show(uri)} in {Describe(delay)} ({retry.Message}{(retry.RetryAfter.HasValue ? ", as Retry-After asked" : "")}; attempt {attempt + 1} of {_options.MaxRetries + 1}).", attempt, delay);
                    if (delay > TimeSpan.Zero) await Task.Delay(delay, ct).ConfigureAwait(false);
                }
            }
        }

        TimeSpan Backoff(int attempt)
        {
            double factor;
            lock (_random) factor = 0.75 + _random.NextDouble() * 0.5;
            double ms = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)) * factor;
            return TimeSpan.FromMilliseconds(Math.Min(ms, _options.MaxRetryDelay.TotalMilliseconds));
        }

        async Task<FetchResult> AttemptAsync(FetchRequest request, FetchCacheEntry cached, bool checkRobots, long maxBytes, int attempt, CancellationToken ct)
        {
            Uri requested = request.Uri;
            Uri current = requested;
            var visited = new List<Uri> { current };
            int redirects = 0;
            while (true)
            {
                // Before anything is sent to this hop's host (robots.txt included): is it answering, and is it public?
                if (_breaker.IsOpen(current)) throw HostUnavailable(request, current, null, attempt);
                await CheckAddressAsync(request, current, redirects, ct).ConfigureAwait(false);
                if (checkRobots) await CheckRobotsAsync(request, current, ct).ConfigureAwait(false);
                Uri next;
                using (await AcquireAsync(current, ct).ConfigureAwait(false))
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    // The host may have been given up while this request waited for its slot.
                    if (_breaker.IsOpen(current)) throw HostUnavailable(request, current, null, attempt);
                    timeout.CancelAfter(_options.Timeout);
                    HttpResponseMessage response;
                    using (var message = CreateRequest(current, request.Kind, cached))
                    {
                        try
                        {
                            response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
                        {
                            _breaker.TimedOut(current);
                            throw new Retry($"no response within {Describe(_options.Timeout)} (timed out)", at: current, inner: e);
                        }
                        catch (HttpRequestException e) when (IsNetworkUnavailable(e, out SocketError code))
                        {
                            // No name resolution (or no route): retrying within seconds will not help, and every other
                            // address of this host would fail the same way. One attempt, one clear error.
                            throw NetworkUnavailable(request, current, code, e);
                        }
                        catch (HttpRequestException e)
                        {
                            throw new Retry("the connection failed (" + Innermost(e) + ")", at: current, inner: e);
                        }
                    }
                    using (response)
                    {
                        int status = (int)response.StatusCode;
                        next = RedirectTarget(response, current);
                        if (status != 408 && status != 504) _breaker.Answered(current); // a gateway timeout is no answer from the site
                        if (next == null)
                        {
                            if (status == 304 && cached != null)
                                return FromCache(request, cached, current, redirects);
                            if (status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504 || (status >= 520 && status <= 529))
                                throw new Retry($"HTTP {status} {response.ReasonPhrase}".TrimEnd(), status, RetryAfter(response), current);
                            if (status < 200 || status > 299)
                                throw HttpError(request, current, status, response.ReasonPhrase);
                            return await ReadAsync(request, response, current, redirects, maxBytes, timeout, ct).ConfigureAwait(false);
                        }
                    }
                }

                // A redirect: only http/https, at most MaxRedirects, never back to an address already visited.
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    throw new FetchException(FetchErrorIds.RedirectRefused, requested,
                        $"{Show(current)} redirects to {Show(next)}, which is not an http or https address; it was not followed. Use the final http(s) address of the content, if there is one.") { FinalUri = current };
                redirects++;
                if (visited.Contains(next))
                    throw new FetchException(FetchErrorIds.RedirectLoop, requested,
                        $"{Show(requested)} redirects in a loop ({string.Join(" -> ", visited.ConvertAll(Show))} -> {Show(next)}). The site is misconfigured; try again later or use another address.") { FinalUri = current };
                if (redirects > _options.MaxRedirects)
                    throw new FetchException(FetchErrorIds.RedirectLoop, requested,
                        $"{Show(requested)} redirected more than {_options.MaxRedirects} times (last to {Show(next)}); it was given up. Use the final address directly.") { FinalUri = current };
                Log(request, FetchLogKind.Redirected, requested, $"{Show(current)} redirects to {Show(next)}.", attempt);
                visited.Add(next);
                current = next;
            }
        }

        static Uri RedirectTarget(HttpResponseMessage response, Uri current)
        {
            int status = (int)response.StatusCode;
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) return null;
            Uri location = response.Headers.Location;
            if (location == null) return null;
            return location.IsAbsoluteUri ? location : new Uri(current, location);
        }

        HttpRequestMessage CreateRequest(Uri uri, FetchKind kind, FetchCacheEntry cached)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, uri);
            message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            string accept;
            switch (kind)
            {
                case FetchKind.Feed: accept = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"; break;
                case FetchKind.Html: accept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"; break;
                default: accept = "*/*"; break;
            }
            message.Headers.TryAddWithoutValidation("Accept", accept);
            message.Headers.TryAddWithoutValidation("Accept-Encoding", ContentDecoding.AcceptEncoding);
            if (cached != null)
            {
                if (cached.ETag != null) message.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
                if (cached.LastModified != null) message.Headers.TryAddWithoutValidation("If-Modified-Since", cached.LastModified);
            }
            return message;
        }

        static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            RetryConditionHeaderValue value = response.Headers.RetryAfter;
            if (value == null) return null;
            if (value.Delta.HasValue) return value.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : value.Delta.Value;
            if (value.Date.HasValue)
            {
                TimeSpan wait = value.Date.Value - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        FetchException HttpError(FetchRequest request, Uri at, int status, string reason)
        {
            string what = request.Kind == FetchKind.Feed ? "feed" : "page";
            string advice;
            switch (status)
            {
                case 401:
                case 403: advice = $"the site refuses access; it may block automated readers. Check that the {what} is public"; break;
                case 404:
                case 410: advice = $"the {what} is not there (any more). Check the address" + (request.Kind == FetchKind.Feed ? "; the site may have moved its feed" : ""); break;
                default: advice = status >= 500 ? "the server failed; try again later" : "check the address"; break;
            }
            return new FetchException(FetchErrorIds.HttpError, request.Uri, $"{Show(at)} answered HTTP {status} {reason}".TrimEnd() + ": " + advice + ".")
            { StatusCode = status, FinalUri = at };
        }

        FetchResult FromCache(FetchRequest request, FetchCacheEntry cached, Uri at, int redirects)
        {
            Log(request, FetchLogKind.FromCache, request.Uri, $"Not modified: {Show(request.Uri)} (304), {Size(cached.Body.Length)} from the cache.");
            var result = new FetchResult
            {
                RequestedUri = request.Uri,
                FinalUri = cached.FinalUri ?? at,
                StatusCode = cached.StatusCode,
                Body = cached.Body,
                FromCache = true,
                Redirects = redirects,
                ETag = cached.ETag,
                LastModified = ParseHttpDate(cached.LastModified),
            };
            SetContentType(result, cached.ContentType);
            return result;
        }

        async Task<FetchResult> ReadAsync(FetchRequest request, HttpResponseMessage response, Uri at, int redirects, long maxBytes,
            CancellationTokenSource timeout, CancellationToken ct)
        {
            HttpContent content = response.Content;
            string contentType = content?.Headers.ContentType?.ToString();
            string mediaType = content?.Headers.ContentType?.MediaType?.ToLowerInvariant();
            bool sniff = CheckContentType(request, at, mediaType, contentType);
            long? declared = content?.Headers.ContentLength;
            string encoding = content == null ? null : string.Join(", ", content.Headers.ContentEncoding);
            if (encoding.Length == 0) encoding = null;
            bool truncate = request.TruncateAtLimit;
            if (declared.HasValue && declared.Value > maxBytes && encoding == null && !truncate)
                throw TooLarge(request, at, maxBytes, $"it declares {Size(declared.Value)}");

            byte[] body;
            long received = 0;
            bool truncated = false;
            using (timeout.Token.Register(() => response.Dispose())) // unblocks a read stuck on a stalled connection
            {
                try
                {
                    Stream raw = content == null ? Stream.Null : await content.ReadAsStreamAsync().ConfigureAwait(false);
                    using (var counting = new CountingStream(raw))
                    using (Stream decoded = ContentDecoding.Decode(counting, encoding))
                    using (var buffer = new MemoryStream())
                    {
                        var chunk = new byte[16 * 1024];
                        while (true)
                        {
                            int n = await decoded.ReadAsync(chunk, 0, chunk.Length, timeout.Token).ConfigureAwait(false);
                            if (n == 0) break;
                            if (buffer.Length + n > maxBytes && truncate)
                            {
                                buffer.Write(chunk, 0, (int)(maxBytes - buffer.Length));
                                truncated = true;
                                break;
                            }
                            if (buffer.Length + n > maxBytes)
                                throw TooLarge(request, at, maxBytes, encoding == null ? "more arrived" : $"more arrived after decoding {encoding}");
                            buffer.Write(chunk, 0, n);
                        }
                        received = counting.Count;
                        body = buffer.ToArray();
                    }
                }
                catch (NotSupportedException e)
                {
                    string unreachable = request.Kind == FetchKind.Feed ? FetchErrorIds.FeedUnreachable : FetchErrorIds.PageUnreachable;
                    throw new FetchException(unreachable, request.Uri, $"Could not read {Show(at)}: {e.Message}.", e) { FinalUri = at, StatusCode = (int)response.StatusCode };
                }
                catch (FetchException) { throw; }
                catch (Exception e) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested)
                {
                    _breaker.TimedOut(at);
                    throw new Retry($"the body did not arrive within {Describe(_options.Timeout)} (timed out)", (int)response.StatusCode, null, at, e);
                }
                catch (Exception e) when (!ct.IsCancellationRequested && (e is IOException || e is HttpRequestException || e is ObjectDisposedException || e is InvalidDataException))
                {
                    throw new Retry("the connection broke before the body was complete (" + Innermost(e) + ")", (int)response.StatusCode, null, at, e);
                }
            }
            _breaker.Answered(at);
            if (!truncated && declared.HasValue && received < declared.Value)
                throw new Retry($"the body was cut off ({received} of {declared.Value} bytes)", (int)response.StatusCode, null, at);

            if (sniff && !(request.Kind == FetchKind.Feed ? ContentSniffer.LooksLikeFeed(body) : ContentSniffer.LooksLikeHtml(body)))
                throw UnexpectedType(request, at, contentType, "and its first bytes do not look like " + (request.Kind == FetchKind.Feed ? "a feed" : "HTML"));

            var result = new FetchResult
            {
                RequestedUri = request.Uri,
                FinalUri = at,
                StatusCode = (int)response.StatusCode,
                Body = body,
                Redirects = redirects,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = content?.Headers.LastModified,
                ContentEncoding = encoding,
            };
            SetContentType(result, contentType);
            string lastModifiedRaw = content != null && content.Headers.TryGetValues("Last-Modified", out var values) ? string.Join(", ", values) : null;
            bool noStore = response.Headers.CacheControl?.NoStore == true;
            if (_cache != null && result.StatusCode == 200 && !noStore && (result.ETag != null || lastModifiedRaw != null))
            {
                bool stored = _cache.TryWrite(new FetchCacheEntry
                {
                    Uri = request.Uri, FinalUri = at, StatusCode = 200, ContentType = contentType, ETag = result.ETag,
                    LastModified = lastModifiedRaw, StoredAt = DateTimeOffset.UtcNow, Body = body,
                });
                if (!stored) Log(request, FetchLogKind.Cache, request.Uri, $"Could not write the cache entry for {Show(request.Uri)} in {_cache.Directory}; it will be downloaded in full next time.");
            }
            Log(request, FetchLogKind.Fetched, request.Uri,
                $"Fetched {Show(at)}{(truncated ? $" (the first {Size(maxBytes)})" : "")}: HTTP {result.StatusCode}, {Size(body.Length)}{(encoding != null ? $" ({encoding} {Size(received)})" : "")}" +
                $"{(redirects > 0 ? $" after {redirects} redirect{(redirects == 1 ? "" : "s")}" : "")}.");
            return result;
        }

        static void SetContentType(FetchResult result, string contentType)
        {
            result.ContentType = contentType;
            if (contentType != null && MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue parsed))
            {
                result.MediaType = parsed.MediaType?.ToLowerInvariant();
                result.Charset = string.IsNullOrEmpty(parsed.CharSet) ? null : parsed.CharSet.Trim('"');
            }
        }

        // ---------------------------------------------------------------- content type

        /// <summary>Throws for a type that can't be the expected kind; returns true when only the body can tell (sniff it).</summary>
        bool CheckContentType(FetchRequest request, Uri at, string mediaType, string contentType)
        {
            if (request.Kind == FetchKind.Any) return false;
            if (string.IsNullOrEmpty(mediaType) || mediaType == "application/octet-stream" || mediaType == "text/plain" || mediaType == "binary/octet-stream")
                return true;
            bool xml = mediaType.EndsWith("/xml", StringComparison.Ordinal) || mediaType.EndsWith("+xml", StringComparison.Ordinal);
            bool html = mediaType == "text/html" || mediaType == "application/xhtml+xml";
            if (request.Kind == FetchKind.Feed)
            {
                if (xml) return false;
                if (html) return true; // some sites serve their RSS as text/html
            }
            else if (request.Kind == FetchKind.Html)
            {
                if (html) return false;
                if (xml) return true;
            }
            throw UnexpectedType(request, at, contentType, null);
        }

        static FetchException UnexpectedType(FetchRequest request, Uri at, string contentType, string detail)
        {
            string expected = request.Kind == FetchKind.Feed ? "an RSS or Atom feed (XML)" : "an HTML page";
            return new FetchException(FetchErrorIds.UnexpectedContentType, request.Uri,
                $"{Show(at)} is '{contentType ?? "of no stated type"}'{(detail == null ? "" : " " + detail)}, not {expected}; it was skipped. " +
                (request.Kind == FetchKind.Feed ? "Check that the address is the site's feed, not its home page." : "Only HTML articles can be read."))
            { FinalUri = at, StatusCode = 200 };
        }

        FetchException TooLarge(FetchRequest request, Uri at, long maxBytes, string detail)
        {
            bool feed = request.Kind == FetchKind.Feed;
            return new FetchException(feed ? FetchErrorIds.FeedTooLarge : FetchErrorIds.PageTooLarge, request.Uri,
                $"{Show(at)} is larger than the {Size(maxBytes)} limit ({detail}); it was not downloaded further. If the {(feed ? "feed" : "page")} really is that large, raise -MaxResponseBytes.")
            { FinalUri = at, StatusCode = 200 };
        }

        // ---------------------------------------------------------------- robots.txt

        async Task CheckRobotsAsync(FetchRequest request, Uri uri, CancellationToken ct)
        {
            RobotsTxt robots;
            try
            {
                robots = await GetRobotsAsync(uri, request, ct).ConfigureAwait(false);
            }
            catch (FetchException e) when (e.ErrorId == FetchErrorIds.NetworkUnavailable)
            {
                // The host itself is the problem, not its robots.txt: say so, under the id that names the cause.
                IsNetworkUnavailable(e.InnerException, out SocketError code);
                throw NetworkUnavailable(request, uri, code, e.InnerException ?? e);
            }
            catch (FetchException e) when (e.ErrorId == FetchErrorIds.HostUnavailable)
            {
                throw HostUnavailable(request, uri, e, e.Attempts);
            }
            catch (FetchException e)
            {
                // robots.txt itself could not be fetched (timeouts, broken connections): report it as this request's failure.
                string unreachable = request.Kind == FetchKind.Feed ? FetchErrorIds.FeedUnreachable : FetchErrorIds.PageUnreachable;
                throw new FetchException(unreachable, request.Uri,
                    $"{Show(uri)} was not fetched because robots.txt of its site could not be read: {e.Message}", e) { FinalUri = uri };
            }
            string agent = _options.RobotsAgent;
            if (robots.IsAllowed(agent, uri.PathAndQuery)) return;
            string rule = robots.MatchingRule(agent, uri.PathAndQuery);
            Log(request, FetchLogKind.Skipped, request.Uri, $"Skipped {Show(uri)}: robots.txt disallows it for {agent} ({rule}).");
            throw new FetchException(FetchErrorIds.RobotsDisallowed, request.Uri,
                $"robots.txt of {uri.GetLeftPart(UriPartial.Authority)} does not allow {agent} to fetch {uri.AbsolutePath}{(uri.Query.Length > 0 ? "?…" : "")} ({rule}); it was skipped. " +
                "Respect the site's wishes, or use -IgnoreRobots if you have its permission.")
            { FinalUri = uri };
        }

        Task<RobotsTxt> GetRobotsAsync(Uri uri, FetchRequest forRequest, CancellationToken ct)
        {
            string key = uri.GetLeftPart(UriPartial.Authority);
            var lazy = _robots.GetOrAdd(key, k => new Lazy<Task<RobotsTxt>>(() => LoadRobotsAsync(new Uri(k + "/robots.txt"), forRequest)));
            Task<RobotsTxt> task = lazy.Value;
            // A cancelled load must not poison the per-run cache for the other requests.
            if (task.IsCanceled) { _robots.TryRemove(key, out _); lazy = _robots.GetOrAdd(key, k => new Lazy<Task<RobotsTxt>>(() => LoadRobotsAsync(new Uri(k + "/robots.txt"), forRequest))); task = lazy.Value; }
            return WaitAsync(task, ct);
        }

        static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken ct)
        {
            if (!ct.CanBeCanceled || task.IsCompleted) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (ct.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task) ct.ThrowIfCancellationRequested();
            }
            return await task.ConfigureAwait(false);
        }

        // Read once per host and fetcher, shared by all requests to that host; not cancelled by any one request.
        async Task<RobotsTxt> LoadRobotsAsync(Uri robotsUri, FetchRequest forRequest)
        {
            await Task.Yield();
            var request = new FetchRequest(robotsUri, FetchKind.Any)
            {
                Log = forRequest?.Log,
                PrivateHost = forRequest?.PrivateHost,
                TruncateAtLimit = true, // RFC 9309 2.5: a longer file is parsed up to the limit, not ignored
            };
            try
            {
                FetchResult result = await FetchCoreAsync(request, checkRobots: false, maxBytes: RobotsMaxBytes, CancellationToken.None).ConfigureAwait(false);
                RobotsTxt robots = RobotsTxt.Parse(Encoding.UTF8.GetString(result.Body));
                Log(request, FetchLogKind.Robots, robotsUri, $"Read {robotsUri}{(result.FromCache ? " (not modified, from the cache)" : "")}.");
                return robots;
            }
            catch (FetchException e) when (e.StatusCode.HasValue && e.StatusCode.Value >= 400 && e.StatusCode.Value < 500)
            {
                Log(request, FetchLogKind.Robots, robotsUri, $"No robots.txt at {robotsUri} (HTTP {e.StatusCode}); everything is allowed.");
                return RobotsTxt.AllowAll;
            }
            catch (FetchException e) when (e.StatusCode.HasValue && e.StatusCode.Value >= 500)
            {
                // RFC 9309 2.3.1.4: an unreachable robots.txt (server error) means assume complete disallow.
                Log(request, FetchLogKind.Robots, robotsUri, $"{robotsUri} failed with HTTP {e.StatusCode}; as robots.txt rules require, the site is treated as disallowing everything for this run.");
                return RobotsTxt.DisallowAllBecause($"robots.txt answered HTTP {e.StatusCode}, which means everything is disallowed until it is readable");
            }
            catch (FetchException e) when (e.ErrorId == FetchErrorIds.RedirectLoop || e.ErrorId == FetchErrorIds.RedirectRefused || e.ErrorId == FetchErrorIds.AddressRefused)
            {
                Log(request, FetchLogKind.Robots, robotsUri, $"{robotsUri} could not be followed ({e.Message}); everything is allowed.");
                return RobotsTxt.AllowAll;
            }
        }

        // ---------------------------------------------------------------- address policy, dead hosts, no network

        /// <summary>
        /// Refuses a hop whose host is not a public unicast address (see <see cref="AddressPolicy"/>), before anything is
        /// sent to it. A literal host ("10.0.0.5", "2130706433", "[::ffff:127.0.0.1]") is classified as written; a name is
        /// resolved once per host and run, and every address it resolves to must be public (a name that resolves to one
        /// public and one private address could be connected to either).
        /// </summary>
        /// <remarks>
        /// Residual risk, accepted and documented: netstandard2.0 has no SocketsHttpHandler.ConnectCallback, so the handler
        /// resolves the name again when it connects. A DNS server that answers with a public address to this check and a
        /// private one a moment later (DNS rebinding) can still get one plain-http request through; over https the
        /// private host would also need a valid certificate for the attacker's name. Pinning the checked address with a
        /// Host header was rejected: it breaks https (SNI and certificate names), IPv6/IPv4 fallback and proxies.
        /// Through a proxy the proxy resolves names: a name that does not resolve here is left to the proxy, and only what
        /// does resolve here (and every literal address) is checked.
        /// </remarks>
        async Task CheckAddressAsync(FetchRequest request, Uri hop, int redirects, CancellationToken ct)
        {
            if (_options.AllowPrivateNetwork) return;
            if (request.PrivateHost != null && string.Equals(hop.Host, request.PrivateHost, StringComparison.OrdinalIgnoreCase)) return;
            string host = hop.DnsSafeHost;
            IPAddress literal = AddressPolicy.ParseHost(host);
            IPAddress[] addresses;
            if (literal != null) addresses = new[] { literal };
            else
            {
                try
                {
                    // The lookup cannot be cancelled on netstandard2.0: wait for it at most one timeout.
                    Task<IPAddress[]> lookup = ResolveAsync(host);
                    if (await Task.WhenAny(lookup, Task.Delay(_options.Timeout, ct)).ConfigureAwait(false) != lookup)
                    {
                        ct.ThrowIfCancellationRequested();
                        throw new SocketException((int)SocketError.TryAgain);
                    }
                    addresses = await lookup.ConfigureAwait(false);
                }
                catch (SocketException e) when (IsProxied(hop))
                {
                    Log(request, FetchLogKind.Skipped, request.Uri, $"{host} does not resolve here ({e.Message}); the proxy resolves it.");
                    return;
                }
                catch (SocketException e)
                {
                    throw NetworkUnavailable(request, hop, e.SocketErrorCode, e);
                }
            }
            foreach (IPAddress address in addresses)
            {
                string what = AddressPolicy.Classify(address);
                if (what == null) continue;
                string where = hop.GetLeftPart(UriPartial.Authority);
                string how = literal != null ? $"{where} is {what}" : $"{where} resolves to {address}, {what}";
                string via = redirects > 0 ? $"{Show(request.Uri)} redirects to {where}; " : "";
                throw new FetchException(FetchErrorIds.AddressRefused, request.Uri,
                    $"{via}{how}. AiNews fetches only public addresses unless told otherwise, so nothing was sent to it. " +
                    "If this is an intranet feed you trust, use -AllowPrivateNetwork (or AllowPrivateNetwork in its catalog entry).")
                { FinalUri = hop };
            }
        }

        // Once per host and run; a failed lookup stays failed for the run (no network, or no such name).
        Task<IPAddress[]> ResolveAsync(string host) =>
            _resolved.GetOrAdd(host, h => new Lazy<Task<IPAddress[]>>(() => Dns.GetHostAddressesAsync(h))).Value;

        bool IsProxied(Uri uri)
        {
            if (!_options.UseProxy) return false;
            if (_options.Proxy != null) return true;
            try
            {
                IWebProxy system = WebRequest.DefaultWebProxy;
                if (system == null || system.IsBypassed(uri)) return false;
                Uri proxy = system.GetProxy(uri);
                return proxy != null && proxy != uri;
            }
            catch (Exception e) when (e is InvalidOperationException || e is NotSupportedException || e is PlatformNotSupportedException) { return false; }
        }

        static bool IsNetworkUnavailable(Exception e, out SocketError code)
        {
            for (Exception inner = e; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                {
                    code = socket.SocketErrorCode;
                    switch (code)
                    {
                        case SocketError.HostNotFound:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.NoRecovery:
                        case SocketError.NetworkDown:
                        case SocketError.NetworkUnreachable:
                            return true;
                    }
                    return false;
                }
            }
            code = SocketError.Success;
            return false;
        }

        FetchException NetworkUnavailable(FetchRequest request, Uri hop, SocketError code, Exception inner)
        {
            bool noRoute = code == SocketError.NetworkDown || code == SocketError.NetworkUnreachable;
            string what = noRoute
                ? $"the network is unreachable ({Innermost(inner)})"
                : $"its host name {hop.DnsSafeHost} could not be resolved ({Innermost(inner)})";
            return new FetchException(FetchErrorIds.NetworkUnavailable, request.Uri,
                $"Could not fetch {Show(request.Uri)}: {what}. The network or DNS is unavailable, or the name does not exist: " +
                "check the network connection and the address. It was tried once, without retries.", inner)
            { FinalUri = hop, Attempts = 1 };
        }

        FetchException HostUnavailable(FetchRequest request, Uri hop, Exception inner, int attempts) =>
            new FetchException(FetchErrorIds.HostUnavailable, request.Uri,
                $"{hop.GetLeftPart(UriPartial.Authority)} did not answer {HostCircuitBreaker.ConsecutiveTimeoutsToOpen} requests in a row within " +
                $"{Describe(_options.Timeout)} each; its remaining addresses are skipped for this run ({Show(request.Uri)} is one). " +
                "Check whether the site is up, or raise -TimeoutSec if it is only slow.", inner)
            { FinalUri = hop, Attempts = attempts };

        /// <summary>An address as it may appear in messages and logs: without its query, which may hold a key.</summary>
        static string Show(Uri uri) => UriDisplay.WithoutQuery(uri);

        // ---------------------------------------------------------------- throttling

        async Task<IDisposable> AcquireAsync(Uri uri, CancellationToken ct)
        {
            SemaphoreSlim host = _perHost.GetOrAdd(uri.GetLeftPart(UriPartial.Authority),
                _ => new SemaphoreSlim(_options.MaxConcurrencyPerHost, _options.MaxConcurrencyPerHost));
            await host.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await _total.WaitAsync(ct).ConfigureAwait(false);
            }
            catch
            {
                host.Release();
                throw;
            }
            return new Slots(host, _total);
        }

        sealed class Slots : IDisposable
        {
            SemaphoreSlim _host, _total;
            public Slots(SemaphoreSlim host, SemaphoreSlim total) { _host = host; _total = total; }
            public void Dispose()
            {
                Interlocked.Exchange(ref _total, null)?.Release();
                Interlocked.Exchange(ref _host, null)?.Release();
            }
        }

        // ---------------------------------------------------------------- helpers

        void Log(FetchRequest request, FetchLogKind kind, Uri uri, string message, int attempt = 0, TimeSpan? delay = null)
        {
            var entry = new FetchLogEntry(kind, uri, message, attempt, delay);
            try { request?.Log?.Invoke(entry); } catch (Exception e) when (!(e is OutOfMemoryException)) { Debug.WriteLine(e); }
            try { Logged?.Invoke(this, entry); } catch (Exception e) when (!(e is OutOfMemoryException)) { Debug.WriteLine(e); }
        }

        static string Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e.Message.TrimEnd('.');
        }

        static DateTimeOffset? ParseHttpDate(string value) =>
            value != null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : (DateTimeOffset?)null;

        internal static string Describe(TimeSpan t) =>
            t.TotalSeconds >= 120 ? $"{t.TotalMinutes:0.#} min".Replace(',', '.') :
            t.TotalSeconds >= 1 ? string.Format(CultureInfo.InvariantCulture, "{0:0.#} s", t.TotalSeconds) :
            string.Format(CultureInfo.InvariantCulture, "{0:0} ms", t.TotalMilliseconds);

        internal static string Size(long bytes) =>
            bytes >= 1024 * 1024 ? string.Format(CultureInfo.InvariantCulture, "{0:0.#} MB", bytes / 1048576.0) :
            bytes >= 1024 ? string.Format(CultureInfo.InvariantCulture, "{0:0.#} KB", bytes / 1024.0) :
            bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

        /// <summary>Counts the bytes read from the network (before decoding), to detect truncation.</summary>
        sealed class CountingStream : ReadOnlyStream
        {
            public long Count;
            public CountingStream(Stream inner) : base(inner) { }
            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = Inner.Read(buffer, offset, count);
                Count += n;
                return n;
            }
            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                int n = await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
                Count += n;
                return n;
            }
        }
    }
}
