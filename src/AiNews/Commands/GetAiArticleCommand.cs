using System;
using System.Collections.Generic;
using System.Management.Automation;
using AiNews.Collection;
using AiNews.Fetching;
using AiNews.Sources;

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
        private const string LiteralPathSet = "LiteralPath";

        private ArticleCollector _collector;
        private SourceCatalog _catalog;
        private readonly List<string> _sourceIds = new List<string>();

        /// <summary>
        /// Catalog ids of the sources to read (Get-AiSource lists them, and its output binds here by Id); default: the
        /// catalog's default source. Named only: the one positional parameter is -Path, so "Get-AiArticle ./feed.xml" reads the file.
        /// </summary>
        [Parameter(ParameterSetName = SourceSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
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
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        /// <summary>Local feed or HTML files taken as written ([ ] * ? are part of the name); binds the output of Get-ChildItem.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

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
        [Parameter(ParameterSetName = LiteralPathSet)]
        public SwitchParameter SkipContent { get; set; }

        /// <summary>Drop articles that are not about AI (judged by the taxonomy, as Add-AiTag does).</summary>
        [Parameter]
        public SwitchParameter AiOnly { get; set; }

        /// <summary>With -AiOnly: a taxonomy file merged over the shipped one, as Add-AiTag -Taxonomy takes it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Taxonomy { get; set; }

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
        public int MaxItemsPerFeed { get; set; } = ArticleCollectorOptions.DefaultMaxItemsPerFeed;

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

        /// <summary>The cache folder's largest size in bytes (default 256MB); the least recently used entries go first.</summary>
        [Parameter]
        [ValidateRange(0L, long.MaxValue)]
        public long CacheMaxSize { get; set; } = Fetching.FetchOptions.DefaultCacheMaxBytes;

        /// <summary>Cache entries not used for this long are deleted at the end of the run (default 30 days).</summary>
        [Parameter]
        public TimeSpan CacheMaxAge { get; set; } = Fetching.FetchOptions.DefaultCacheMaxAge;

        protected override void BeginProcessing()
        {
            if (Taxonomy != null && !AiOnly) WriteWarning("-Taxonomy only serves -AiOnly; without it, no article is judged and the file is not read.");
            var options = new ArticleCollectorOptions
            {
                Zone = ResolveTimeZone(TimeZone),
                TimeZoneName = TimeZone,
                Date = Bound(nameof(Date)) ? Date : (DateTime?)null,
                Since = Bound(nameof(Since)) ? Since : (DateTimeOffset?)null,
                Until = Bound(nameof(Until)) ? Until : (DateTimeOffset?)null,
                First = Bound(nameof(First)) ? First : (int?)null,
                SkipContent = SkipContent,
                AiOnly = AiOnly,
                Taxonomy = AiOnly ? LoadTaxonomy(Taxonomy) : null,
                MaxItemsPerFeed = MaxItemsPerFeed,
                Fetch = FetchOptions(),
            };
            _collector = new ArticleCollector(options);
            if (ParameterSetName == SourceSet) _catalog = GetAiSourceCommand.LoadCatalog(this, SourceFile);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == UriSet) _collector.AddPages(Uri);
            else if (ParameterSetName == PathSet) _collector.AddFiles(ResolvePaths(Path, ErrorIds.FileUnreadable, p => $"No file matches '{p}'; the other paths are still read."));
            else if (ParameterSetName == LiteralPathSet) _collector.AddFiles(Array.ConvertAll(LiteralPath, FileSystemPath));
            else if (ParameterSetName == SourceSet && Source != null) _sourceIds.AddRange(Source);   // one per piped Get-AiSource object
        }

        protected override void EndProcessing()
        {
            // Only now is the parameter set certain: in BeginProcessing, pages bound from the pipeline are not yet bound.
            if (ParameterSetName == SourceSet) _collector.AddSources(_catalog, _sourceIds);
            else if (ParameterSetName == FeedSet) _collector.AddFeeds(FeedUri);
            foreach (CollectionEvent e in _collector.Collect(StopToken))
            {
                switch (e)
                {
                    case ArticleCollected found: WriteObject(found.Article); break;
                    case CollectionLog log when log.Level == CollectionLogLevel.Warning: WriteWarning(log.Message); break;
                    case CollectionLog log: WriteVerbose(log.Message); break;
                    case CollectionProblem problem:
                        WriteItemError(problem.ErrorId, (ErrorCategory)Enum.Parse(typeof(ErrorCategory), problem.Category.ToString()), problem.Target, problem.Message, problem.Exception);
                        break;
                    case CollectionProgress progress:
                        WriteProgress(new ProgressRecord(3, "Reading articles", progress.Status)
                        {
                            PercentComplete = progress.PercentComplete,
                            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                        });
                        break;
                }
            }
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
                CacheMaxBytes = CacheMaxSize,
                CacheMaxAge = CacheMaxAge,
            };
            if (Bound(nameof(UserAgent))) options.UserAgent = UserAgent;
            if (Proxy != null) options.Proxy = Proxy;
            if (Bound(nameof(CachePath))) options.CachePath = FileSystemPath(CachePath);
            return options;
        }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);
    }
}
