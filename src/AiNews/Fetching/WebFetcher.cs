using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AiNews.Http;
using static AiNews.Fetching.FetchErrors;

namespace AiNews.Fetching
{
    /// <summary>
    /// Fetches feeds, pages and robots.txt for Get-AiArticle: throttled in total and per host (<see cref="HostThrottle"/>),
    /// retrying as <see cref="RetryPolicy"/> says, following at most N http/https redirects by hand, refusing private
    /// addresses (<see cref="AddressGate"/>) and hosts that stopped answering (<see cref="HostCircuitBreaker"/>),
    /// decoding gzip/deflate/br, capping the body size while it streams (<see cref="BoundedReader"/>), checking the
    /// content type, honouring robots.txt (<see cref="RobotsGate"/>) and revalidating from an on-disk cache with
    /// ETag/Last-Modified. Thread-safe; create one per run (one cmdlet invocation) and dispose it at the end.
    /// </summary>
    /// <remarks>
    /// Results come back as tasks; log lines are raised on worker threads through <see cref="Logged"/> and
    /// <see cref="FetchRequest.Log"/>. A cmdlet, which must write from its own thread, uses <see cref="FetchBatch"/> to
    /// drain both on the pipeline thread. The webhook sender and the LLM client share its HTTP pieces (the client
    /// factory, the retry policy, the bounded reader), not this class.
    /// </remarks>
    public sealed class WebFetcher : IWebFetcher, IDisposable
    {
        readonly FetchOptions _options;
        readonly HttpClient _client;
        readonly FetchCache _cache;
        readonly RetryPolicy _retry;
        readonly HostThrottle _throttle;
        readonly RobotsGate _robots = new RobotsGate();
        readonly AddressGate _addresses;
        readonly HostCircuitBreaker _breaker = new HostCircuitBreaker();
        int _disposed;

        public WebFetcher() : this(null, null) { }

        public WebFetcher(FetchOptions options) : this(options, null) { }

        /// <summary>With <paramref name="handler"/> given, it is used as is (tests, custom transports); the fetcher disposes it.</summary>
        public WebFetcher(FetchOptions options, HttpMessageHandler handler)
        {
            _options = (options ?? new FetchOptions()).Clone();
            _options.Validate();
            _client = HttpClientFactory.Create(_options.ClientSettings(), handler);
            _retry = new RetryPolicy(_options.MaxRetries, _options.RetryBaseDelay, _options.MaxRetryDelay);
            _throttle = new HostThrottle(_options.MaxConcurrency, _options.MaxConcurrencyPerHost);
            _addresses = new AddressGate(_options);
            if (!_options.NoCache) _cache = new FetchCache(string.IsNullOrWhiteSpace(_options.CachePath) ? FetchOptions.DefaultCachePath : _options.CachePath);
        }

        /// <summary>A copy of the options in force.</summary>
        public FetchOptions Options => _options.Clone();

        /// <summary>The on-disk cache, or null with NoCache.</summary>
        public FetchCache Cache => _cache;

        /// <summary>Every log line of every request, raised on a worker thread; handlers must be quick and thread-safe.</summary>
        public event EventHandler<FetchLogEntry> Logged;

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
            RobotsTxt robots = await _robots.GetAsync(uri, robotsUri => LoadRobotsAsync(robotsUri, null), cancellationToken).ConfigureAwait(false);
            return robots.IsAllowed(_options.RobotsAgent, uri.PathAndQuery);
        }

        /// <summary>Ends the run: the client is closed and the cache pruned to its limits (<see cref="FetchOptions.CacheMaxBytes"/>, <see cref="FetchOptions.CacheMaxAge"/>).</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _client.Dispose();
            // Once per run, after its writes: the cache never holds more than the limits between runs.
            _cache?.Prune(_options.CacheMaxAge, _options.CacheMaxBytes);
        }

        // ---------------------------------------------------------------- the request loop

        /// <summary>A failed attempt that may be retried (the policy decides whether it is).</summary>
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
                throw InvalidUri(uri);
            var clock = Stopwatch.StartNew();
            FetchCacheEntry cached = _cache?.TryRead(uri);
            if (cached != null && cached.IsFresh(DateTimeOffset.UtcNow))
            {
                // Fresh (RFC 9111 §4.2): used without a request, as any HTTP cache would; it is revalidated once stale.
                // The address policy still holds: an entry fetched in a run that allowed private addresses is not
                // handed to one that does not (the gate resolves each host once per run, so this costs no request).
                await _addresses.CheckAsync(request, uri, 0, line => Log(request, FetchLogKind.Skipped, uri, line), ct).ConfigureAwait(false);
                if (cached.FinalUri != null && cached.FinalUri != uri)
                    await _addresses.CheckAsync(request, cached.FinalUri, 1, line => Log(request, FetchLogKind.Skipped, uri, line), ct).ConfigureAwait(false);
                Log(request, FetchLogKind.FromCache, uri, $"Fresh in the cache until {cached.FreshUntil.Value.ToUniversalTime():yyyy-MM-dd HH:mm} UTC: {Show(uri)}, {Size(cached.Body.Length)}, not asked again.");
                FetchResult fresh = cached.ToResult(uri, cached.FinalUri ?? uri, 0);
                fresh.Fresh = true;
                fresh.Elapsed = clock.Elapsed;
                fresh.Kind = request.Kind;
                fresh.State = request.State;
                return fresh;
            }
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
                    string what = request.Kind == FetchKind.Feed ? "the feed" : "the page";
                    if (retry.RetryAfter.HasValue && _retry.IsTooLong(retry.RetryAfter.Value))
                        throw new FetchException(Unreachable(request.Kind), uri,
                            $"Could not fetch {what} {Show(uri)}: {retry.Message}, and the server asked to wait {Describe(retry.RetryAfter.Value)} before trying again (longer than the {Describe(_retry.MaxDelay)} this run waits). Try again later.",
                            retry.InnerException) { Attempts = attempt, StatusCode = retry.Status, FinalUri = retry.At };
                    if (!_retry.MayRetryAfter(attempt))
                        throw new FetchException(Unreachable(request.Kind), uri,
                            $"Could not fetch {what} {Show(uri)} after {attempt} attempt{(attempt == 1 ? "" : "s")}: {retry.Message}. Check the address, your network connection and proxy settings, or try again later.",
                            retry.InnerException) { Attempts = attempt, StatusCode = retry.Status, FinalUri = retry.At };
                    // Retries left, but the host has stopped answering: give up now rather than wait out the retries.
                    if (retry.At != null && _breaker.IsOpen(retry.At))
                        throw HostUnavailable(request, retry.At, _options.Timeout, retry.InnerException, attempt);
                    TimeSpan delay = retry.RetryAfter ?? _retry.Backoff(attempt);
                    Log(request, FetchLogKind.Retrying, uri,
                        $"Retrying {Show(uri)} in {Describe(delay)} ({retry.Message}{(retry.RetryAfter.HasValue ? ", as Retry-After asked" : "")}; attempt {attempt + 1} of {_retry.MaxRetries + 1}).", attempt, delay);
                    if (delay > TimeSpan.Zero) await Task.Delay(delay, ct).ConfigureAwait(false);
                }
            }
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
                if (_breaker.IsOpen(current)) throw HostUnavailable(request, current, _options.Timeout, null, attempt);
                await _addresses.CheckAsync(request, current, redirects, line => Log(request, FetchLogKind.Skipped, request.Uri, line), ct).ConfigureAwait(false);
                TimeSpan crawlDelay = checkRobots ? await CheckRobotsAsync(request, current, ct).ConfigureAwait(false) : TimeSpan.Zero;
                Uri next;
                using (await _throttle.AcquireAsync(current, crawlDelay, ct).ConfigureAwait(false))
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    // The host may have been given up while this request waited for its slot.
                    if (_breaker.IsOpen(current)) throw HostUnavailable(request, current, _options.Timeout, null, attempt);
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
                                return FromCache(request, cached, response, current, redirects);
                            if (RetryPolicy.IsTransient(status))
                                throw new Retry($"HTTP {status} {response.ReasonPhrase}".TrimEnd(), status, RetryPolicy.RetryAfter(response), current);
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

        FetchResult FromCache(FetchRequest request, FetchCacheEntry cached, HttpResponseMessage notModified, Uri at, int redirects)
        {
            Log(request, FetchLogKind.FromCache, request.Uri, $"Not modified: {Show(request.Uri)} (304), {Size(cached.Body.Length)} from the cache.");
            // A 304 freshens the stored response (RFC 9111 §4.3.4): its headers give the entry a new lifetime.
            DateTimeOffset now = DateTimeOffset.UtcNow;
            TimeSpan lifetime = CacheFreshness.Lifetime(notModified, ParseDate(cached.LastModified), HeuristicAllowed(request.Kind), now);
            if (lifetime > TimeSpan.Zero)
            {
                cached.FreshUntil = now + lifetime;
                if (!_cache.TryWrite(cached)) _cache.Touch(request.Uri);
            }
            else _cache.Touch(request.Uri);
            return cached.ToResult(request.Uri, at, redirects);
        }

        /// <summary>Feeds get only the lifetime their server states (see <see cref="CacheFreshness"/>): they are polled to learn what is new.</summary>
        static bool HeuristicAllowed(FetchKind kind) => kind != FetchKind.Feed;

        static DateTimeOffset? ParseDate(string httpDate) =>
            httpDate != null && DateTimeOffset.TryParse(httpDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : (DateTimeOffset?)null;

        async Task<FetchResult> ReadAsync(FetchRequest request, HttpResponseMessage response, Uri at, int redirects, long maxBytes,
            CancellationTokenSource timeout, CancellationToken ct)
        {
            HttpContent content = response.Content;
            string contentType = content?.Headers.ContentType?.ToString();
            string mediaType = content?.Headers.ContentType?.MediaType?.ToLowerInvariant();
            bool? accepted = ContentSniffer.Accepts(request.Kind, mediaType);
            if (accepted == false) throw UnexpectedType(request, at, contentType, null);
            bool sniff = accepted == null;
            long? declared = content?.Headers.ContentLength;
            string encoding = content == null ? null : string.Join(", ", content.Headers.ContentEncoding);
            if (encoding.Length == 0) encoding = null;
            bool truncate = request.TruncateAtLimit;
            if (declared.HasValue && declared.Value > maxBytes && encoding == null && !truncate)
                throw TooLarge(request, at, maxBytes, $"it declares {Size(declared.Value)}");

            BoundedBody body;
            long received;
            using (timeout.Token.Register(() => response.Dispose())) // unblocks a read stuck on a stalled connection
            {
                try
                {
                    Stream raw = content == null ? Stream.Null : await content.ReadAsStreamAsync().ConfigureAwait(false);
                    using (var counting = new CountingStream(raw))
                    using (Stream decoded = ContentDecoding.Decode(counting, encoding))
                    {
                        body = await BoundedReader.ReadAsync(decoded, maxBytes, truncate, timeout.Token).ConfigureAwait(false);
                        received = counting.Count;
                    }
                }
                catch (NotSupportedException e)
                {
                    throw new FetchException(Unreachable(request.Kind), request.Uri, $"Could not read {Show(at)}: {e.Message}.", e) { FinalUri = at, StatusCode = (int)response.StatusCode };
                }
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
            if (body.Exceeded) throw TooLarge(request, at, maxBytes, encoding == null ? "more arrived" : $"more arrived after decoding {encoding}");
            _breaker.Answered(at);
            if (!body.Truncated && declared.HasValue && received < declared.Value)
                throw new Retry($"the body was cut off ({received} of {declared.Value} bytes)", (int)response.StatusCode, null, at);

            if (sniff && !ContentSniffer.LooksLike(request.Kind, body.Bytes))
                throw UnexpectedType(request, at, contentType, "and its first bytes do not look like " + (request.Kind == FetchKind.Feed ? "a feed" : "HTML"));

            var result = new FetchResult
            {
                RequestedUri = request.Uri,
                FinalUri = at,
                StatusCode = (int)response.StatusCode,
                Body = body.Bytes,
                Redirects = redirects,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = content?.Headers.LastModified,
                ContentEncoding = encoding,
            };
            result.SetContentType(contentType);
            string lastModifiedRaw = content != null && content.Headers.TryGetValues("Last-Modified", out var values) ? string.Join(", ", values) : null;
            bool noStore = response.Headers.CacheControl?.NoStore == true;
            DateTimeOffset now = DateTimeOffset.UtcNow;
            TimeSpan lifetime = body.Truncated ? TimeSpan.Zero : CacheFreshness.Lifetime(response, result.LastModified, HeuristicAllowed(request.Kind), now);
            if (_cache != null && result.StatusCode == 200 && !noStore && (result.ETag != null || lastModifiedRaw != null || lifetime > TimeSpan.Zero))
            {
                bool stored = _cache.TryWrite(new FetchCacheEntry
                {
                    Uri = request.Uri, FinalUri = at, StatusCode = 200, ContentType = contentType, ETag = result.ETag,
                    LastModified = lastModifiedRaw, StoredAt = now, Body = body.Bytes,
                    FreshUntil = lifetime > TimeSpan.Zero ? now + lifetime : (DateTimeOffset?)null,
                });
                result.InCache = stored;
                if (!stored) Log(request, FetchLogKind.Cache, request.Uri, $"Could not write the cache entry for {Show(request.Uri)} in {_cache.Directory}; it will be downloaded in full next time.");
            }
            Log(request, FetchLogKind.Fetched, request.Uri,
                $"Fetched {Show(at)}{(body.Truncated ? $" (the first {Size(maxBytes)})" : "")}: HTTP {result.StatusCode}, {Size(body.Bytes.Length)}{(encoding != null ? $" ({encoding} {Size(received)})" : "")}" +
                $"{(redirects > 0 ? $" after {redirects} redirect{(redirects == 1 ? "" : "s")}" : "")}.");
            return result;
        }

        // ---------------------------------------------------------------- robots.txt

        /// <summary>Fails the request when robots.txt disallows it; else returns the site's Crawl-delay for us (zero when none).</summary>
        async Task<TimeSpan> CheckRobotsAsync(FetchRequest request, Uri uri, CancellationToken ct)
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
                throw HostUnavailable(request, uri, _options.Timeout, e, e.Attempts);
            }
            catch (FetchException e)
            {
                // robots.txt itself could not be fetched (timeouts, broken connections): report it as this request's failure.
                                throw new FetchException(Unreachable(request.Kind), request.Uri,
                    $"{Show(uri)} was not fetched because robots.txt of its site could not be read: {e.Message}", e) { FinalUri = uri };
            }
            string agent = _options.RobotsAgent;
            if (robots.IsAllowed(agent, uri.PathAndQuery)) return robots.CrawlDelay(agent);
            string rule = robots.MatchingRule(agent, uri.PathAndQuery);
            Log(request, FetchLogKind.Skipped, request.Uri, $"Skipped {Show(uri)}: robots.txt disallows it for {agent} ({rule}).");
            throw new FetchException(FetchErrorIds.RobotsDisallowed, request.Uri,
                $"robots.txt of {uri.GetLeftPart(UriPartial.Authority)} does not allow {agent} to fetch {uri.AbsolutePath}{(uri.Query.Length > 0 ? "?…" : "")} ({rule}); it was skipped. " +
                "Respect the site's wishes, or use -IgnoreRobots if you have its permission.")
            { FinalUri = uri };
        }

        Task<RobotsTxt> GetRobotsAsync(Uri uri, FetchRequest forRequest, CancellationToken ct) =>
            _robots.GetAsync(uri, robotsUri => LoadRobotsAsync(robotsUri, forRequest), ct);

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
                FetchResult result = await FetchCoreAsync(request, checkRobots: false, maxBytes: RobotsGate.MaxRobotsBytes, CancellationToken.None).ConfigureAwait(false);
                RobotsTxt robots = RobotsTxt.Parse(Encoding.UTF8.GetString(result.Body));
                TimeSpan crawlDelay = robots.CrawlDelay(_options.RobotsAgent);
                Log(request, FetchLogKind.Robots, robotsUri, $"Read {robotsUri}{(result.FromCache ? " (not modified, from the cache)" : "")}" +
                    (crawlDelay > TimeSpan.Zero ? $"; its Crawl-delay of {Describe(crawlDelay)} is kept: requests to this site start at least {Describe(crawlDelay > HostThrottle.MaxCrawlDelay ? HostThrottle.MaxCrawlDelay : crawlDelay)} apart." : "."));
                return robots;
            }
            catch (FetchException e) when (RobotsGate.WhenUnreadable(robotsUri, e, out _) != null)
            {
                RobotsTxt fallback = RobotsGate.WhenUnreadable(robotsUri, e, out string why);
                Log(request, FetchLogKind.Robots, robotsUri, why);
                return fallback;
            }
        }

        // ---------------------------------------------------------------- helpers

        void Log(FetchRequest request, FetchLogKind kind, Uri uri, string message, int attempt = 0, TimeSpan? delay = null)
        {
            var entry = new FetchLogEntry(kind, uri, message, attempt, delay);
            try { request?.Log?.Invoke(entry); } catch (Exception e) when (!(e is OutOfMemoryException)) { Debug.WriteLine(e); }
            try { Logged?.Invoke(this, entry); } catch (Exception e) when (!(e is OutOfMemoryException)) { Debug.WriteLine(e); }
        }
    }
}
