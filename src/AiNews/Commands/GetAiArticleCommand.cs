using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading;
using AiNews.Extraction;
using AiNews.Feeds;
using AiNews.Fetching;
using AiNews.Sources;
using AiNews.Tagging;

namespace AiNews.Commands
{
    /// <summary>
    /// Reads articles from news sources (their feeds, then each article's page for the full text), from
    /// feed URLs, from article pages, or from local feed and HTML files. Articles stream out as each page
    /// completes; every failure is an error record of its own and the other sources go on.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "AiArticle", DefaultParameterSetName = SourceSet)]
    [OutputType(typeof(Article))]
    public sealed class GetAiArticleCommand : AiNewsCmdlet
    {
        private const string SourceSet = "Source";
        private const string FeedSet = "FeedUri";
        private const string UriSet = "Uri";
        private const string PathSet = "Path";

        /// <summary>
        /// Entries read from one feed by default: a daily feed lists 10 to 50; a hostile or broken one with 100,000 entries
        /// would otherwise queue 100,000 page fetches. Raise it with -MaxItemsPerFeed for a large backlog.
        /// </summary>
        public const int DefaultMaxItemsPerFeed = 100;

        private readonly List<Uri> _pages = new List<Uri>();
        private readonly List<string> _files = new List<string>();
        private readonly ArticleExtractor _extractor = new ArticleExtractor();
        private SourceCatalog _catalog;
        private TimeZoneInfo _zone;
        private ArticleWindow _window;
        private FetchBatch _batch;
        private Tagger _tagger;
        private int _feedsPending, _feedsTotal, _feedsDone, _pagesTotal, _pagesDone;
        // Hosts already reported as down or unresolvable: their other addresses fail the same way, reported once.
        private readonly HashSet<string> _hostsReported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Catalog ids of the sources to read (Get-AiSource lists them); default: the catalog's default source.</summary>
        [Parameter(Position = 0, ParameterSetName = SourceSet)]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Source { get; set; }

        /// <summary>A catalog file that extends the shipped one (default: $env:AINEWS_SOURCES).</summary>
        [Parameter(ParameterSetName = SourceSet)]
        public string SourceFile { get; set; }

        /// <summary>Feeds (RSS, RDF or Atom) to read without a catalog entry.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FeedSet)]
        [ValidateNotNullOrEmpty]
        public Uri[] FeedUri { get; set; }

        /// <summary>Article pages to read; binds Url properties from the pipeline.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UriSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Url")]
        [ValidateNotNullOrEmpty]
        public Uri[] Uri { get; set; }

        /// <summary>Local feed files, or HTML files (one article each); wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        /// <summary>Only articles published at or after this time.</summary>
        [Parameter]
        public DateTimeOffset Since { get; set; }

        /// <summary>Only articles published before this time.</summary>
        [Parameter]
        public DateTimeOffset Until { get; set; }

        /// <summary>Only articles of this calendar day in -TimeZone.</summary>
        [Parameter]
        public DateTime Date { get; set; }

        /// <summary>The zone of -Date (IANA or Windows id); default: the local zone.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string TimeZone { get; set; }

        /// <summary>At most this many articles per source (the newest the feed lists).</summary>
        [Parameter]
        [ValidateRange(1, 10000)]
        public int First { get; set; }

        /// <summary>Return feed entries without fetching their pages (the feed's excerpt is the body).</summary>
        [Parameter(ParameterSetName = SourceSet)]
        [Parameter(ParameterSetName = FeedSet)]
        [Parameter(ParameterSetName = PathSet)]
        public SwitchParameter SkipContent { get; set; }

        /// <summary>Drop articles that are not about AI (judged by the taxonomy, as Add-AiTag does).</summary>
        [Parameter]
        public SwitchParameter AiOnly { get; set; }

        /// <summary>Concurrent requests (at most 4 per host).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>Seconds to wait for one response.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>Retries after a timeout, 429 or 5xx.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 3;

        /// <summary>The User-Agent header; control characters (CR, LF ...) are refused.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateHeaderValue]
        public string UserAgent { get; set; }

        /// <summary>Entries read from one feed at most (the first ones it lists).</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int MaxItemsPerFeed { get; set; } = DefaultMaxItemsPerFeed;

        /// <summary>The largest feed, page or local file read, in bytes (default 10 MB).</summary>
        [Parameter]
        [ValidateRange(1024L, 1073741824L)]
        public long MaxResponseBytes { get; set; } = 10L * 1024 * 1024;

        /// <summary>Fetch from loopback, private and link-local addresses too (intranet feeds, a local test site).</summary>
        [Parameter]
        public SwitchParameter AllowPrivateNetwork { get; set; }

        /// <summary>A proxy for all requests (default: the system proxy).</summary>
        [Parameter]
        public Uri Proxy { get; set; }

        /// <summary>Fetch pages that robots.txt asks automated readers to leave alone.</summary>
        [Parameter]
        public SwitchParameter IgnoreRobots { get; set; }

        /// <summary>The folder of the conditional-request cache (default: under the user's local application data).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CachePath { get; set; }

        /// <summary>Neither read nor write the cache.</summary>
        [Parameter]
        public SwitchParameter NoCache { get; set; }

        protected override void BeginProcessing()
        {
            _zone = ResolveTimeZone(TimeZone);
            _window = new ArticleWindow { First = Bound(nameof(First)) ? First : (int?)null };
            if (Bound(nameof(Date)))
            {
                _window.Since = TimeZoneResolver.StartOfDay(Date.Date, _zone);
                _window.Until = TimeZoneResolver.StartOfDay(TimeZoneResolver.AddDays(Date.Date, 1), _zone);
            }
            if (Bound(nameof(Since))) _window.Since = Since;
            if (Bound(nameof(Until))) _window.Until = Until;
            if (ParameterSetName == SourceSet) _catalog = GetAiSourceCommand.LoadCatalog(this, SourceFile);
            if (AiOnly) _tagger = new Tagger(Tagging.Taxonomy.Default);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == UriSet) _pages.AddRange(Uri.Where(u => u != null));
            else if (ParameterSetName == PathSet) _files.AddRange(ResolveFiles(Path));
        }

        protected override void EndProcessing()
        {
            var feeds = new List<(Uri Uri, NewsSource Source)>();
            if (ParameterSetName == SourceSet)
            {
                IEnumerable<string> ids = Source ?? new[] { _catalog.DefaultSource?.Id };
                foreach (string id in ids.Where(i => i != null))
                {
                    NewsSource source = _catalog.Find(id);
                    if (source == null)
                    {
                        WriteItemError(ErrorIds.SourceNotFound, ErrorCategory.ObjectNotFound, id,
                            $"There is no source '{id}'. Get-AiSource lists the ids; add your own with -SourceFile or $env:{SourceCatalog.EnvironmentVariable}.");
                        continue;
                    }
                    feeds.Add((new Uri(source.FeedUri), source));
                }
            }
            else if (ParameterSetName == FeedSet)
            {
                foreach (Uri feed in FeedUri)
                {
                    if (!feed.IsAbsoluteUri || (feed.Scheme != System.Uri.UriSchemeHttp && feed.Scheme != System.Uri.UriSchemeHttps))
                    {
                        WriteItemError(FetchErrorIds.InvalidUri, ErrorCategory.InvalidArgument, feed,
                            $"-FeedUri '{UriDisplay.WithoutQuery(feed)}' is not an absolute http or https address; give the full address, for example https://www.example.com/rss.xml.");
                        continue;
                    }
                    feeds.Add((feed, new NewsSource { Id = feed.Host, Name = feed.Host, FeedUri = feed.ToString(), TimeZone = TimeZone }));
                }
            }

            using (var fetcher = new WebFetcher(FetchOptions()))
            using (_batch = new FetchBatch(fetcher, StopToken))
            {
                foreach (var feed in feeds)
                {
                    _feedsPending++;
                    _feedsTotal++;
                    WriteVerbose($"Reading the feed of {feed.Source.Name}: {UriDisplay.WithoutQuery(feed.Uri)}");
                    _batch.Add(new FetchRequest(feed.Uri, FetchKind.Feed, feed.Source) { PrivateHost = PrivateHostOf(feed.Source) });
                }
                foreach (Uri page in _pages) AddPage(page, null, null);
                foreach (string file in _files) ReadFile(file);
                if (_feedsPending == 0) _batch.CompleteAdding();

                try
                {
                    foreach (FetchEvent e in _batch.GetConsumingEnumerable())
                    {
                        if (e.Kind == FetchEventKind.Log) { WriteVerbose(e.Log.Message); continue; }
                        if (e.Request.State is NewsSource source) OnFeed(e, source);
                        else OnPage(e, e.Request.State as Article);
                        Progress();
                    }
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested) { }
            }
            WriteProgress(new ProgressRecord(3, "Reading articles", "Done") { RecordType = ProgressRecordType.Completed });
        }

        private void OnFeed(FetchEvent e, NewsSource source)
        {
            _feedsPending--;
            _feedsDone++;
            if (e.Succeeded)
            {
                if (e.Result.FromCache) WriteVerbose($"The feed of {source.Name} has not changed since the last run (served from the cache).");
                ReadFeed(e.Result.Body, e.Result.FinalUri, e.Result.ContentType, source);
            }
            else WriteFetchError(e.Error, source);
            if (_feedsPending == 0) _batch.CompleteAdding();
        }

        private void ReadFeed(byte[] bytes, Uri uri, string contentType, NewsSource source)
        {
            TimeZoneInfo sourceZone = _zone;
            if (!string.IsNullOrWhiteSpace(source.TimeZone))
            {
                try { sourceZone = TimeZoneResolver.Find(source.TimeZone); }
                catch (TimeZoneNotFoundException) { WriteWarning($"Source {source.Id} names the unknown time zone '{source.TimeZone}'; its zone-less dates are read in {_zone.Id}."); }
            }
            // A source's feed errors name the source (Invoke-AiNewsJob counts the sources read from them); a file's name the file.
            object target = source.FeedUri != null ? (object)source : uri;
            Feed feed;
            try { feed = FeedReader.Read(bytes, uri, contentType, sourceZone); }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                WriteItemError(ErrorIds.FeedMalformed, ErrorCategory.InvalidData, target,
                    $"The feed {UriDisplay.WithoutQuery(uri)} of {source.Name} could not be read: {ex.Message} Check the address; the site may have moved its feed.", ex);
                return;
            }
            foreach (string problem in feed.Problems) WriteVerbose($"{source.Name}: {problem}");
            if (feed.Entries.Count == 0)
            {
                if (feed.Problems.Count > 0)
                    WriteItemError(ErrorIds.FeedMalformed, ErrorCategory.InvalidData, target,
                        $"The feed {UriDisplay.WithoutQuery(uri)} of {source.Name} has no readable entries ({string.Join("; ", feed.Problems)}). Check that the address is a feed.");
                else WriteVerbose($"The feed of {source.Name} lists no entries.");
                return;
            }
            if (string.IsNullOrWhiteSpace(source.Name) || source.Name == source.Id) source.Name = string.IsNullOrWhiteSpace(feed.Title) ? source.Name : feed.Title;

            int taken = 0;
            IEnumerable<FeedEntry> entries = feed.Entries;
            if (feed.Entries.Count > MaxItemsPerFeed)
            {
                WriteWarning($"The feed of {source.Name} lists {feed.Entries.Count} entries; only the first {MaxItemsPerFeed} are read (-MaxItemsPerFeed).");
                entries = feed.Entries.Take(MaxItemsPerFeed);
            }
            foreach (FeedEntry entry in entries)
            {
                Article article = ArticleAssembler.FromEntry(entry, source, feed.Title);
                string rejected = _window.Reject(article.Published);
                if (rejected != null) { WriteVerbose($"Skipped '{article.Title}': {rejected}."); continue; }
                if (_window.First.HasValue && taken >= _window.First.Value) break;
                taken++;
                if (SkipContent || !System.Uri.TryCreate(article.Url, UriKind.Absolute, out Uri page))
                {
                    Emit(article);
                    continue;
                }
                AddPage(page, article, PrivateHostOf(source));
            }
        }

        private void AddPage(Uri page, Article fromFeed, string privateHost)
        {
            _pagesTotal++;
            _batch.Add(new FetchRequest(page, FetchKind.Html, fromFeed ?? (object)page) { PrivateHost = privateHost });
        }

        // An intranet source (AllowPrivateNetwork in its catalog entry) may use a private address for its own feed host,
        // and only for that: its links and redirects to other private hosts are refused like anyone else's.
        private static string PrivateHostOf(NewsSource source) =>
            source != null && source.AllowPrivateNetwork && System.Uri.TryCreate(source.FeedUri, UriKind.Absolute, out Uri feed) ? feed.Host : null;

        private void OnPage(FetchEvent e, Article fromFeed)
        {
            _pagesDone++;
            if (!e.Succeeded)
            {
                WriteFetchError(e.Error);
                if (fromFeed != null)
                {
                    WriteVerbose($"'{fromFeed.Title}' keeps the feed's excerpt as its body.");
                    Emit(fromFeed);
                }
                return;
            }
            if (e.Result.FromCache) WriteVerbose($"{UriDisplay.WithoutQuery(e.Request.Uri)} has not changed since the last run (served from the cache).");
            Article article = Extract(e.Result.Body, e.Result.ContentType, e.Result.FinalUri, fromFeed, e.Request.Uri);
            if (article == null) return;
            if (fromFeed == null)
            {
                string rejected = _window.Reject(article.Published);
                if (rejected != null) { WriteVerbose($"Skipped '{article.Title}': {rejected}."); return; }
            }
            Emit(article);
        }

        /// <summary>Writes an article to the pipeline, unless -AiOnly and it is not about AI.</summary>
        private void Emit(Article article)
        {
            if (_tagger != null)
            {
                ArticleLabels.Set(article, _tagger.Taxonomy, isAiRelated: _tagger.Tag(article.Title, article.Content, article.Language).IsAiRelated);
                if (article.IsAiRelated == false)
                {
                    WriteVerbose($"Skipped '{article.Title}': it is not about AI (-AiOnly).");
                    return;
                }
            }
            WriteObject(article);
        }

        private Article Extract(byte[] bytes, string contentType, Uri pageUri, Article fromFeed, Uri asked)
        {
            try
            {
                string html = TextDecoder.Decode(bytes, contentType).Text;
                ExtractedPage page = _extractor.Extract(html, pageUri);
                foreach (string note in page.Notes) WriteVerbose($"{UriDisplay.WithoutQuery(pageUri)}: {note}");
                if (string.IsNullOrWhiteSpace(page.Content)) WriteVerbose($"No article body found on {UriDisplay.WithoutQuery(pageUri)}.");
                // A saved page that names its own address is that article (see ArticleExtractor.Extract).
                Uri address = asked.IsFile && page.PageUri != null && !page.PageUri.IsFile ? page.PageUri : asked;
                return fromFeed != null ? ArticleAssembler.WithPage(fromFeed, page) : ArticleAssembler.FromPage(page, address);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                WriteItemError(ErrorIds.ExtractionFailed, ex is ExtractionLimitException ? ErrorCategory.LimitsExceeded : ErrorCategory.InvalidData, pageUri,
                    $"Could not read the article on {UriDisplay.WithoutQuery(pageUri)}: {ex.Message}", ex);
                if (fromFeed != null) WriteVerbose($"'{fromFeed.Title}' keeps the feed's excerpt as its body.");
                return fromFeed;
            }
        }

        private void ReadFile(string file)
        {
            byte[] bytes;
            try { bytes = LocalFile.ReadAtMost(file, MaxResponseBytes); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteItemError(ErrorIds.FileUnreadable, ErrorCategory.ReadError, file, $"Could not read '{file}': {ex.Message}", ex);
                return;
            }
            if (bytes == null)
            {
                WriteItemError(ErrorIds.FileTooLarge, ErrorCategory.LimitsExceeded, file,
                    $"'{file}' is larger than the {MaxResponseBytes:N0}-byte limit that downloads have too; it was not read. If it really is a feed or page that large, raise -MaxResponseBytes.");
                return;
            }
            var fileUri = new Uri(file);
            if (LooksLikeFeed(bytes))
            {
                ReadFeed(bytes, fileUri, null, new NewsSource { Id = System.IO.Path.GetFileName(file), Name = null, TimeZone = TimeZone });
                return;
            }
            Article article = Extract(bytes, null, fileUri, null, fileUri);
            if (article != null) Emit(article);
        }

        /// <summary>A feed's root element appears near the start; an HTML page has none of them there.</summary>
        private static bool LooksLikeFeed(byte[] bytes)
        {
            string head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).ToLowerInvariant();
            return head.Contains("<rss") || head.Contains("<feed") || head.Contains("<rdf:rdf") || (head.Contains("<?xml") && !head.Contains("<html"));
        }

        private List<string> ResolveFiles(string[] paths)
        {
            var files = new List<string>();
            foreach (string p in paths)
            {
                try { files.AddRange(GetResolvedProviderPathFromPSPath(p, out ProviderInfo _)); }
                catch (ItemNotFoundException ex)
                {
                    WriteItemError(ErrorIds.FileUnreadable, ErrorCategory.ObjectNotFound, p, $"No file matches '{p}'.", ex);
                }
            }
            return files;
        }

        private FetchOptions FetchOptions()
        {
            var options = new FetchOptions
            {
                MaxConcurrency = ThrottleLimit,
                MaxConcurrencyPerHost = Math.Min(4, ThrottleLimit),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetries,
                IgnoreRobots = IgnoreRobots,
                NoCache = NoCache,
                AllowPrivateNetwork = AllowPrivateNetwork,
                MaxResponseBytes = MaxResponseBytes,
            };
            if (Bound(nameof(UserAgent))) options.UserAgent = UserAgent;
            if (Proxy != null) options.Proxy = Proxy;
            if (Bound(nameof(CachePath))) options.CachePath = FileSystemPath(CachePath);
            return options;
        }

        private void WriteFetchError(FetchException error, object target = null)
        {
            // Pages of a host that is down or does not resolve fail alike: one error per host. A source's feed always
            // gets its own error (target: the source), so every source that was not read is named.
            if (error.ErrorId == FetchErrorIds.HostUnavailable || error.ErrorId == FetchErrorIds.NetworkUnavailable)
            {
                Uri at = error.FinalUri ?? error.Uri;
                string host = at != null && at.IsAbsoluteUri ? at.GetLeftPart(UriPartial.Authority) : "";
                if (!_hostsReported.Add(error.ErrorId + " " + host) && target == null)
                {
                    WriteVerbose($"Skipped {UriDisplay.WithoutQuery(error.Uri)}: {host} is unavailable (reported above).");
                    return;
                }
            }
            ErrorCategory category;
            switch (error.ErrorId)
            {
                case FetchErrorIds.RobotsDisallowed: category = ErrorCategory.PermissionDenied; break;
                case FetchErrorIds.FeedTooLarge:
                case FetchErrorIds.PageTooLarge: category = ErrorCategory.LimitsExceeded; break;
                case FetchErrorIds.UnexpectedContentType: category = ErrorCategory.InvalidData; break;
                case FetchErrorIds.InvalidUri: category = ErrorCategory.InvalidArgument; break;
                case FetchErrorIds.AddressRefused: category = ErrorCategory.SecurityError; break;
                case FetchErrorIds.HostUnavailable: category = ErrorCategory.ResourceUnavailable; break;
                case FetchErrorIds.HttpError:
                case FetchErrorIds.RedirectLoop:
                case FetchErrorIds.RedirectRefused: category = ErrorCategory.InvalidResult; break;
                default: category = ErrorCategory.ConnectionError; break;
            }
            WriteItemError(error.ErrorId, category, target ?? error.Uri, error.Message, error);
        }

        private void Progress()
        {
            string status = $"{_feedsDone} of {_feedsTotal} feed(s), {_pagesDone} of {_pagesTotal} page(s)";
            int total = _feedsTotal + _pagesTotal;
            WriteProgress(new ProgressRecord(3, "Reading articles", status)
            {
                PercentComplete = total == 0 ? 100 : Math.Min(100, (_feedsDone + _pagesDone) * 100 / total),
            });
        }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);
    }
}
