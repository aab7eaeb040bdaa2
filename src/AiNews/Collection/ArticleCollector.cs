using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiNews.Articles;
using AiNews.Common;
using AiNews.Extraction;
using AiNews.Feeds;
using AiNews.Fetching;
using AiNews.Sources;
using AiNews.Tagging;
using AiNews.Http;
using AiNews.Text;

namespace AiNews.Collection
{
    /// <summary>
    /// The engine behind Get-AiArticle: reads catalog sources (their feeds, then each entry's page for the full text),
    /// feed addresses, article pages and local feed or HTML files, keeps what falls in the date window, and hands back
    /// articles, problems, progress and log lines as <see cref="CollectionEvent"/>s on the caller's thread, in the order
    /// they happen. Every failure is a problem of its own and the other items go on.
    /// </summary>
    /// <remarks>
    /// Fetches run concurrently (<see cref="FetchBatch"/>), and so does extraction: each page (fetched or read from a
    /// file) is decoded and extracted on the thread pool as soon as it arrives, on all cores. What they produce is
    /// handed back one at a time on the thread that enumerates <see cref="Collect"/>, so a cmdlet can write each event
    /// as it comes, and in a fixed order: files in the order they were added, fetched pages in the order they arrived
    /// (the same order as extracting one page after another would give). One collector is one run.
    /// </remarks>
    public sealed class ArticleCollector
    {
        private readonly ArticleCollectorOptions _options;
        private readonly IWebFetcher _fetcher;
        private readonly ArticleExtractor _extractor = new ArticleExtractor();
        /// <summary>Extractions kept beside the fetch cache (null without a cache): an unchanged page is not extracted again.</summary>
        private StoredExtraction _stored;
        private readonly ArticleWindow _window;
        private readonly Tagger _tagger;
        private readonly List<string> _sourceIds = new List<string>();
        private readonly List<Uri> _feedUris = new List<Uri>();
        private readonly List<Uri> _pages = new List<Uri>();
        private readonly List<string> _files = new List<string>();
        private readonly Queue<CollectionEvent> _events = new Queue<CollectionEvent>();
        // Pages being extracted on the thread pool, oldest first: finished in this order so that output order does not
        // depend on which page happens to be quicker.
        private readonly Queue<PendingPage> _extracting = new Queue<PendingPage>();
        // Hosts already reported as down or unresolvable: their other addresses fail the same way, reported once.
        private readonly HashSet<string> _hostsReported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private SourceCatalog _catalog;
        private FetchBatch _batch;
        private int _feedsPending, _feedsTotal, _feedsDone, _pagesTotal, _pagesDone;
        private bool _started;

        /// <summary>
        /// At most this many pages are being extracted or waiting to be handed back at once: two per core keeps every core
        /// busy while one slow page holds up the order, and bounds memory (each holds its parsed document) to a few pages.
        /// </summary>
        public static readonly int MaxPagesInFlight = 2 * Environment.ProcessorCount;

        /// <param name="options">What to read and keep.</param>
        /// <param name="fetcher">
        /// The fetching service; null creates a <see cref="WebFetcher"/> from <see cref="ArticleCollectorOptions.Fetch"/> for
        /// the run and disposes it at the end. A fake serves pages without a server in tests.
        /// </param>
        public ArticleCollector(ArticleCollectorOptions options, IWebFetcher fetcher = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _fetcher = fetcher;
            _window = options.Window();
            if (options.AiOnly) _tagger = new Tagger(options.Taxonomy ?? Taxonomy.Default);
        }

        /// <summary>
        /// Reads these catalog sources (by id; null or none: the catalog's default source); an id the catalog lacks is a
        /// <see cref="CollectionErrorIds.SourceNotFound"/> problem.
        /// </summary>
        public void AddSources(SourceCatalog catalog, IEnumerable<string> ids)
        {
            _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            if (ids != null) _sourceIds.AddRange(ids.Where(i => i != null));
        }

        /// <summary>Reads these feeds, each as a source of its own named after its host.</summary>
        public void AddFeeds(IEnumerable<Uri> feeds) => _feedUris.AddRange(feeds.Where(u => u != null));

        /// <summary>Reads these article pages.</summary>
        public void AddPages(IEnumerable<Uri> pages) => _pages.AddRange(pages.Where(u => u != null));

        /// <summary>Reads these local files: a feed (by its first bytes) or an HTML page, one article.</summary>
        public void AddFiles(IEnumerable<string> files) => _files.AddRange(files.Where(f => f != null));

        /// <summary>
        /// Runs: yields each event as it happens and ends when everything added has been read, or when
        /// <paramref name="cancellationToken"/> is cancelled (the requests in flight are cancelled, nothing more is yielded
        /// but the final progress). Enumerate it once.
        /// </summary>
        public IEnumerable<CollectionEvent> Collect(CancellationToken cancellationToken)
        {
            if (_started) throw new InvalidOperationException("An ArticleCollector runs once; create another for another run.");
            _started = true;
            List<NewsSource> feeds = ResolveFeeds();
            foreach (CollectionEvent e in Drain()) yield return e;

            WebFetcher own = _fetcher == null ? new WebFetcher(_options.Fetch) : null;
            FetchCache cache = ((_fetcher ?? own) as WebFetcher)?.Cache;
            if (cache != null) _stored = new StoredExtraction(cache);
            try
            {
                using (_batch = new FetchBatch(_fetcher ?? own, cancellationToken))
                {
                    foreach (NewsSource source in feeds)
                    {
                        _feedsPending++;
                        _feedsTotal++;
                        var feedUri = new Uri(source.FeedUri);
                        Verbose($"Reading the feed of {source.Name}: {UriDisplay.WithoutQuery(feedUri)}");
                        Start(new FetchRequest(feedUri, FetchKind.Feed) { PrivateHost = PrivateHostOf(source) }, new Route(source, null));
                    }
                    foreach (Uri page in _pages) AddPage(page, null, null);
                    foreach (string file in _files)
                    {
                        if (cancellationToken.IsCancellationRequested) break;
                        ReadFile(file);
                        FinishExtractions(wait: false);
                        foreach (CollectionEvent e in Drain()) yield return e;
                    }
                    if (_feedsPending == 0) _batch.CompleteAdding();
                    foreach (CollectionEvent e in Drain()) yield return e;

                    using (IEnumerator<FetchEvent> fetched = _batch.GetConsumingEnumerable().GetEnumerator())
                    {
                        while (Next(fetched, cancellationToken))
                        {
                            Handle(fetched.Current);
                            FinishExtractions(wait: false);
                            foreach (CollectionEvent e in Drain()) yield return e;
                        }
                    }
                    // The last pages still being extracted (none are waited for once the run is cancelled).
                    while (_extracting.Count > 0 && !cancellationToken.IsCancellationRequested)
                    {
                        FinishExtractions(wait: true);
                        foreach (CollectionEvent e in Drain()) yield return e;
                    }
                }
            }
            finally
            {
                _batch = null;
                own?.Dispose();
            }
            yield return new CollectionProgress("Done", 100, completed: true);
        }

        // ---------------------------------------------------------------- what a request is for

        /// <summary>What a request was made for: a source's feed, or a page (of a feed entry, or asked for itself).</summary>
        private sealed class Route
        {
            public Route(NewsSource feedOf, Article pageOf) { FeedOf = feedOf; PageOf = pageOf; }
            /// <summary>The source whose feed this is, or null for a page.</summary>
            public NewsSource FeedOf { get; }
            /// <summary>For a page: the article its feed entry made (kept when the page fails), or null for a page asked for itself.</summary>
            public Article PageOf { get; }
        }

        private readonly Dictionary<FetchRequest, Route> _routes = new Dictionary<FetchRequest, Route>();

        private void Start(FetchRequest request, Route route)
        {
            _routes[request] = route;
            _batch.Add(request);
        }

        private static bool Next(IEnumerator<FetchEvent> fetched, CancellationToken cancellationToken)
        {
            try { return fetched.MoveNext(); }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { return false; }
        }

        private void Handle(FetchEvent e)
        {
            if (e.Kind == FetchEventKind.Log)
            {
                Verbose(e.Log.Message);
                return;
            }
            Route route = _routes[e.Request];
            _routes.Remove(e.Request);
            if (route.FeedOf != null) OnFeed(e, route.FeedOf);
            else OnPage(e, route.PageOf);
            Progress();
        }

        // ---------------------------------------------------------------- sources and feeds

        private List<NewsSource> ResolveFeeds()
        {
            var feeds = new List<NewsSource>();
            if (_catalog != null)
            {
                IEnumerable<string> ids = _sourceIds.Count > 0 ? _sourceIds : new[] { _catalog.DefaultSource?.Id }.Where(i => i != null);
                foreach (string id in ids)
                {
                    NewsSource source = _catalog.Find(id);
                    if (source == null)
                    {
                        Problem(CollectionErrorIds.SourceNotFound, ProblemCategory.ObjectNotFound, id,
                            $"There is no source '{id}'. Get-AiSource lists the ids; add your own with -SourceFile or $env:{SourceCatalog.EnvironmentVariable}.");
                        continue;
                    }
                    feeds.Add(source);
                }
            }
            foreach (Uri feed in _feedUris)
            {
                if (!feed.IsAbsoluteUri || (feed.Scheme != Uri.UriSchemeHttp && feed.Scheme != Uri.UriSchemeHttps))
                {
                    Problem(FetchErrorIds.InvalidUri, ProblemCategory.InvalidArgument, feed,
                        $"-FeedUri '{UriDisplay.WithoutQuery(feed)}' is not an absolute http or https address; give the full address, for example https://www.example.com/rss.xml.");
                    continue;
                }
                feeds.Add(new NewsSource { Id = feed.Host, Name = feed.Host, FeedUri = feed.ToString(), TimeZone = _options.TimeZoneName });
            }
            return feeds;
        }

        private void OnFeed(FetchEvent e, NewsSource source)
        {
            _feedsPending--;
            _feedsDone++;
            if (e.Succeeded)
            {
                if (e.Result.FromCache) Verbose($"The feed of {source.Name} has not changed since the last run (served from the cache).");
                ReadFeed(e.Result.Body, e.Result.FinalUri, e.Result.ContentType, source);
            }
            else FetchProblem(e.Error, source);
            if (_feedsPending == 0) _batch.CompleteAdding();
        }

        private void ReadFeed(byte[] bytes, Uri uri, string contentType, NewsSource source)
        {
            TimeZoneInfo sourceZone = _options.Zone;
            if (!string.IsNullOrWhiteSpace(source.TimeZone))
            {
                try { sourceZone = TimeZoneResolver.Find(source.TimeZone); }
                catch (TimeZoneNotFoundException) { Warning($"Source {source.Id} names the unknown time zone '{source.TimeZone}'; its zone-less dates are read in {_options.Zone.Id}."); }
            }
            // A source's feed errors name the source (Invoke-AiNewsJob counts the sources read from them); a file's name the file.
            object target = source.FeedUri != null ? (object)source : uri;
            Feed feed;
            try { feed = FeedReader.Read(bytes, uri, contentType, sourceZone); }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                Problem(CollectionErrorIds.FeedMalformed, ProblemCategory.InvalidData, target,
                    $"The feed {UriDisplay.WithoutQuery(uri)} of {source.Name} could not be read: {ex.Message} Check the address; the site may have moved its feed.", ex);
                return;
            }
            foreach (string problem in feed.Problems) Verbose($"{source.Name}: {problem}");
            if (feed.Entries.Count == 0)
            {
                if (feed.Problems.Count > 0)
                    Problem(CollectionErrorIds.FeedMalformed, ProblemCategory.InvalidData, target,
                        $"The feed {UriDisplay.WithoutQuery(uri)} of {source.Name} has no readable entries ({string.Join("; ", feed.Problems)}). Check that the address is a feed.");
                else Verbose($"The feed of {source.Name} lists no entries.");
                return;
            }
            if (string.IsNullOrWhiteSpace(source.Name) || source.Name == source.Id) source.Name = string.IsNullOrWhiteSpace(feed.Title) ? source.Name : feed.Title;

            int taken = 0;
            IEnumerable<FeedEntry> entries = feed.Entries;
            if (feed.Entries.Count > _options.MaxItemsPerFeed)
            {
                Warning($"The feed of {source.Name} lists {feed.Entries.Count} entries; only the first {_options.MaxItemsPerFeed} are read (-MaxItemsPerFeed).");
                entries = feed.Entries.Take(_options.MaxItemsPerFeed);
            }
            foreach (FeedEntry entry in entries)
            {
                Article article = ArticleAssembler.FromEntry(entry, source, feed.Title);
                string rejected = _window.Reject(article.Published);
                if (rejected != null) { Verbose($"Skipped '{article.Title}': {rejected}."); continue; }
                if (_window.First.HasValue && taken >= _window.First.Value) break;
                taken++;
                if (_options.SkipContent || !Uri.TryCreate(article.Url, UriKind.Absolute, out Uri page))
                {
                    Emit(article);
                    continue;
                }
                AddPage(page, article, PrivateHostOf(source));
            }
        }

        // An intranet source (AllowPrivateNetwork in its catalog entry) may use a private address for its own feed host,
        // and only for that: its links and redirects to other private hosts are refused like anyone else's.
        private static string PrivateHostOf(NewsSource source) =>
            source != null && source.AllowPrivateNetwork && Uri.TryCreate(source.FeedUri, UriKind.Absolute, out Uri feed) ? feed.Host : null;

        // ---------------------------------------------------------------- pages and files

        private void AddPage(Uri page, Article fromFeed, string privateHost)
        {
            _pagesTotal++;
            Start(new FetchRequest(page, FetchKind.Html) { PrivateHost = privateHost }, new Route(null, fromFeed));
        }

        private void OnPage(FetchEvent e, Article fromFeed)
        {
            _pagesDone++;
            if (!e.Succeeded)
            {
                InOrder(() =>
                {
                    FetchProblem(e.Error);
                    if (fromFeed != null)
                    {
                        Verbose($"'{fromFeed.Title}' keeps the feed's excerpt as its body.");
                        Emit(fromFeed);
                    }
                });
                return;
            }
            if (e.Result.FromCache) Verbose($"{UriDisplay.WithoutQuery(e.Request.Uri)} has not changed since the last run (served from the cache).");
            StartExtraction(e.Result.Body, e.Result.ContentType, e.Result.FinalUri, fromFeed, e.Request.Uri, article =>
            {
                if (article == null) return;
                if (fromFeed == null)
                {
                    string rejected = _window.Reject(article.Published);
                    if (rejected != null) { Verbose($"Skipped '{article.Title}': {rejected}."); return; }
                }
                Emit(article);
            }, e.Result);
        }

        // ---------------------------------------------------------------- extraction on the thread pool

        /// <summary>
        /// A page being extracted, and what to do with its article (or null) on the collector's thread; or, with a null
        /// outcome, only an action waiting for its turn (<see cref="InOrder"/>).
        /// </summary>
        private sealed class PendingPage
        {
            public Task<ExtractionOutcome> Work;
            public Uri PageUri;
            public Article FromFeed;
            public Action<Article> Then;
        }

        /// <summary>What extracting one page gave: the page and its article, or the exception.</summary>
        private sealed class ExtractionOutcome
        {
            public ExtractedPage Page;
            public Article Article;
            public Exception Error;
            /// <summary>The page's article came from its stored extraction (an unchanged page served from the cache).</summary>
            public bool Reused;
        }

        /// <summary>
        /// Starts decoding and extracting a page on the thread pool; <paramref name="then"/> gets its article (the feed's
        /// when the page cannot be read, null for a page asked for itself) on the collector's thread, in start order.
        /// Waits for the oldest page first when <see cref="MaxPagesInFlight"/> are under way.
        /// </summary>
        private void StartExtraction(byte[] bytes, string contentType, Uri pageUri, Article fromFeed, Uri asked, Action<Article> then, FetchResult fetched = null)
        {
            while (_extracting.Count >= MaxPagesInFlight) FinishExtractions(wait: true);
            _extracting.Enqueue(new PendingPage
            {
                Work = Task.Run(() => Extract(bytes, contentType, pageUri, fromFeed, asked, fetched)),
                PageUri = pageUri,
                FromFeed = fromFeed,
                Then = then,
            });
        }

        /// <summary>
        /// Runs <paramref name="action"/> (which raises events) after the pages already being extracted are handed back,
        /// so that a file's or page's problem comes in its place among the articles.
        /// </summary>
        private void InOrder(Action action)
        {
            if (_extracting.Count == 0) { action(); return; }
            _extracting.Enqueue(new PendingPage { Work = Task.FromResult<ExtractionOutcome>(null), Then = _ => action() });
        }

        /// <summary>
        /// Hands back the extracted pages at the head of the queue whose work is done (<paramref name="wait"/>: waits for
        /// the oldest one first), turning each into its events.
        /// </summary>
        private void FinishExtractions(bool wait)
        {
            while (_extracting.Count > 0 && (wait || _extracting.Peek().Work.IsCompleted))
            {
                wait = false;
                PendingPage pending = _extracting.Dequeue();
                // Extract catches everything but OutOfMemoryException; that one surfaces here as itself.
                ExtractionOutcome outcome = pending.Work.GetAwaiter().GetResult();
                pending.Then(outcome == null ? null : Finish(outcome, pending.PageUri, pending.FromFeed));
            }
        }

        // Runs on the thread pool: no events here, only the outcome (ArticleExtractor is thread-safe).
        private ExtractionOutcome Extract(byte[] bytes, string contentType, Uri pageUri, Article fromFeed, Uri asked, FetchResult fetched)
        {
            try
            {
                // A body in the fetch cache has its extraction kept beside it; one served from the cache reuses it.
                string key = _stored != null && fetched?.InCache == true ? StoredExtraction.KeyOf(bytes, contentType, pageUri) : null;
                ExtractedPage page = key != null && fetched.FromCache ? _stored.TryRead(asked, key) : null;
                bool reused = page != null;
                if (!reused)
                {
                    string html = TextDecoder.Decode(bytes, contentType).Text;
                    page = _extractor.Extract(html, pageUri);
                    if (key != null) _stored.TryWrite(asked, key, page);
                }
                // A saved page that names its own address is that article (see ArticleExtractor.Extract).
                Uri address = asked.IsFile && page.PageUri != null && !page.PageUri.IsFile ? page.PageUri : asked;
                return new ExtractionOutcome
                {
                    Page = page,
                    Reused = reused,
                    Article = fromFeed != null ? ArticleAssembler.WithPage(fromFeed, page) : ArticleAssembler.FromPage(page, address),
                };
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return new ExtractionOutcome { Error = ex };
            }
        }

        // On the collector's thread: the page's notes and problem as events; the article to go on with.
        private Article Finish(ExtractionOutcome outcome, Uri pageUri, Article fromFeed)
        {
            if (outcome.Error != null)
            {
                Exception ex = outcome.Error;
                Problem(CollectionErrorIds.ExtractionFailed, ex is ExtractionLimitException ? ProblemCategory.LimitsExceeded : ProblemCategory.InvalidData, pageUri,
                    $"Could not read the article on {UriDisplay.WithoutQuery(pageUri)}: {ex.Message}", ex);
                if (fromFeed != null) Verbose($"'{fromFeed.Title}' keeps the feed's excerpt as its body.");
                return fromFeed;
            }
            if (outcome.Reused) Verbose($"{UriDisplay.WithoutQuery(pageUri)}: the article extracted from this unchanged page before is reused.");
            foreach (string note in outcome.Page.Notes) Verbose($"{UriDisplay.WithoutQuery(pageUri)}: {note}");
            if (string.IsNullOrWhiteSpace(outcome.Page.Content)) Verbose($"No article body found on {UriDisplay.WithoutQuery(pageUri)}.");
            return outcome.Article;
        }

        private void ReadFile(string file)
        {
            long limit = _options.Fetch.MaxResponseBytes;
            byte[] bytes;
            try { bytes = LocalFile.ReadAtMost(file, limit); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                InOrder(() => Problem(CollectionErrorIds.FileUnreadable, ProblemCategory.ReadError, file, $"Could not read '{file}': {ex.Message}", ex));
                return;
            }
            if (bytes == null)
            {
                InOrder(() => Problem(CollectionErrorIds.FileTooLarge, ProblemCategory.LimitsExceeded, file,
                    $"'{file}' is larger than the {limit:N0}-byte limit that downloads have too; it was not read. If it really is a feed or page that large, raise -MaxResponseBytes."));
                return;
            }
            var fileUri = new Uri(file);
            if (ContentSniffer.LooksLikeFeed(bytes))
            {
                // A feed file is read at once (its entries' pages must be requested before the fetch batch closes): the
                // pages before it are handed back first, so that the order of the files is kept.
                while (_extracting.Count > 0) FinishExtractions(wait: true);
                ReadFeed(bytes, fileUri, null, new NewsSource { Id = Path.GetFileName(file), Name = null, TimeZone = _options.TimeZoneName });
                return;
            }
            StartExtraction(bytes, null, fileUri, null, fileUri, article => { if (article != null) Emit(article); });
        }

        // ---------------------------------------------------------------- events

        /// <summary>Hands an article to the caller, unless -AiOnly and it is not about AI.</summary>
        private void Emit(Article article)
        {
            if (_tagger != null)
            {
                ArticleLabels.Set(article, _tagger.Taxonomy, isAiRelated: _tagger.Tag(article.Title, article.Content, article.Language).IsAiRelated);
                if (article.IsAiRelated == false)
                {
                    Verbose($"Skipped '{article.Title}': it is not about AI (-AiOnly).");
                    return;
                }
            }
            _events.Enqueue(new ArticleCollected(article));
        }

        private void FetchProblem(FetchException error, object target = null)
        {
            // Pages of a host that is down or does not resolve fail alike: one problem per host. A source's feed always
            // gets its own (target: the source), so every source that was not read is named.
            if (error.ErrorId == FetchErrorIds.HostUnavailable || error.ErrorId == FetchErrorIds.NetworkUnavailable)
            {
                Uri at = error.FinalUri ?? error.Uri;
                string host = at != null && at.IsAbsoluteUri ? at.GetLeftPart(UriPartial.Authority) : "";
                if (!_hostsReported.Add(error.ErrorId + " " + host) && target == null)
                {
                    Verbose($"Skipped {UriDisplay.WithoutQuery(error.Uri)}: {host} is unavailable (reported above).");
                    return;
                }
            }
            Problem(error.ErrorId, CategoryOf(error.ErrorId), target ?? error.Uri, error.Message, error);
        }

        /// <summary>The kind of failure each fetch error id is.</summary>
        public static ProblemCategory CategoryOf(string fetchErrorId)
        {
            switch (fetchErrorId)
            {
                case FetchErrorIds.RobotsDisallowed: return ProblemCategory.PermissionDenied;
                case FetchErrorIds.FeedTooLarge:
                case FetchErrorIds.PageTooLarge: return ProblemCategory.LimitsExceeded;
                case FetchErrorIds.UnexpectedContentType: return ProblemCategory.InvalidData;
                case FetchErrorIds.InvalidUri: return ProblemCategory.InvalidArgument;
                case FetchErrorIds.AddressRefused: return ProblemCategory.SecurityError;
                case FetchErrorIds.HostUnavailable: return ProblemCategory.ResourceUnavailable;
                case FetchErrorIds.HttpError:
                case FetchErrorIds.RedirectLoop:
                case FetchErrorIds.RedirectRefused: return ProblemCategory.InvalidResult;
                default: return ProblemCategory.ConnectionError;
            }
        }

        private void Progress()
        {
            string status = $"{_feedsDone} of {_feedsTotal} feed(s), {_pagesDone} of {_pagesTotal} page(s)";
            int total = _feedsTotal + _pagesTotal;
            _events.Enqueue(new CollectionProgress(status, total == 0 ? 100 : Math.Min(100, (_feedsDone + _pagesDone) * 100 / total), completed: false));
        }

        private void Problem(string errorId, ProblemCategory category, object target, string message, Exception inner = null) =>
            _events.Enqueue(new CollectionProblem(errorId, category, target, message, inner));

        private void Verbose(string message) => _events.Enqueue(new CollectionLog(CollectionLogLevel.Verbose, message));

        private void Warning(string message) => _events.Enqueue(new CollectionLog(CollectionLogLevel.Warning, message));

        private IEnumerable<CollectionEvent> Drain()
        {
            while (_events.Count > 0) yield return _events.Dequeue();
        }
    }
}
