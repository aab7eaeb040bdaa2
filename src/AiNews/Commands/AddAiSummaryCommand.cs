using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using AiNews.Common;
using AiNews.Sources;
using AiNews.Summaries;
using AiNews.Tagging;
using AiNews.Text;

namespace AiNews.Commands
{
    /// <summary>
    /// Writes a summary into each piped article and passes it on. Offline and free by default: an extractive
    /// summary of the most central sentences of the body. With -Endpoint and -Model, one Chat Completions request
    /// per article returns a summary and labels; a bad answer is retried once, then the extractive summary is used.
    /// </summary>
    // ShouldProcess: with -Endpoint, each article's text is sent to a model and the answer cached on disk; -WhatIf sends
    // nothing and writes nothing (the article gets the extractive summary), -Confirm asks per article.
    [Cmdlet(VerbsCommon.Add, "AiSummary", DefaultParameterSetName = ExtractiveSet, SupportsShouldProcess = true)]
    [OutputType(typeof(Article))]
    public sealed class AddAiSummaryCommand : AiNewsCmdlet
    {
        private const string ExtractiveSet = "Extractive";
        private const string LlmSet = "Llm";
        public const string DefaultApiKeyVariable = "AINEWS_LLM_API_KEY";

        private ExtractiveSummarizer _extractive;
        private LlmSummarizer _llm;
        private Taxonomy _taxonomy;
        private SourceCatalog _catalog;
        private bool _catalogLoaded;
        private int _ok, _retried, _fellBack, _cached, _byPolicy, _seen;
        private ProgressRecord _progress;

        /// <summary>The Write-Progress activity of Add-AiSummary's LLM requests (any fixed number; it tells bars apart).</summary>
        private const int ProgressActivityId = 0x5A11;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ArticleTransformation]
        public Article InputObject { get; set; }

        /// <summary>Sentences in an extractive summary (also the fallback of the LLM).</summary>
        [Parameter]
        [ValidateRange(1, 20)]
        public int SentenceCount { get; set; } = 3;

        /// <summary>
        /// The length budget of an extractive summary: characters of a Korean summary; an English one gets a fifth as
        /// many words (300 → 60). Whole sentences only; see <see cref="ExtractiveSummarizer.MaxLength"/>.
        /// </summary>
        [Parameter]
        [ValidateRange(20, 5000)]
        public int MaxLength { get; set; } = ExtractiveSummarizer.DefaultMaxLength;

        /// <summary>Replace summaries the articles already have (by default only missing ones, and those that merely repeat the title).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>An OpenAI-compatible Chat Completions endpoint: a base URL ("http://localhost:11434/v1") or the full URL.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LlmSet)]
        [ValidateNotNullOrEmpty]
        public string Endpoint { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LlmSet)]
        [ValidateNotNullOrEmpty]
        public string Model { get; set; }

        /// <summary>The API key; default: the environment variable named by -ApiKeyVariable. Never written anywhere.</summary>
        [Parameter(ParameterSetName = LlmSet)]
        public SecureString ApiKey { get; set; }

        [Parameter(ParameterSetName = LlmSet)]
        [ValidateNotNullOrEmpty]
        public string ApiKeyVariable { get; set; } = DefaultApiKeyVariable;

        /// <summary>The language of LLM summaries: ko writes Korean summaries of English articles; default: the article's.</summary>
        [Parameter(ParameterSetName = LlmSet)]
        [ValidateSet("ko", "en")]
        public string Language { get; set; }

        /// <summary>Where LLM results are cached (by content hash, model and prompt version).</summary>
        [Parameter(ParameterSetName = LlmSet)]
        [ValidateNotNullOrEmpty]
        public string CachePath { get; set; }

        /// <summary>The token budget of the first request; the one retry gets four times as much (at least 4096).</summary>
        [Parameter(ParameterSetName = LlmSet)]
        [ValidateRange(64, 200000)]
        public int MaxTokens { get; set; } = 1024;

        /// <summary>Seconds to wait for one complete answer of the LLM; a timeout is not retried, and two in a row end LLM use for the run.</summary>
        [Parameter(ParameterSetName = LlmSet)]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 120;

        /// <summary>A proxy for the endpoint (default: the system proxy).</summary>
        [Parameter(ParameterSetName = LlmSet)]
        public Uri Proxy { get; set; }

        /// <summary>
        /// Let the LLM's organization, tags and importance replace the articles' (those of the tagger, Add-AiTag). Without
        /// it the LLM gives the summary only: one tagger decides labels unless the user asks for the LLM's.
        /// </summary>
        [Parameter(ParameterSetName = LlmSet)]
        public SwitchParameter UseLlmLabels { get; set; }

        /// <summary>What the LLM path did before -UseLlmLabels: keeping the labels is now the default; kept so scripts that pass it still run.</summary>
        [Parameter(ParameterSetName = LlmSet)]
        [Obsolete("The articles' labels are kept by default now; -UseLlmLabels takes the LLM's instead.")]
        public SwitchParameter KeepLabels { get; set; }

        /// <summary>A taxonomy file merged over the shipped one: the labels the LLM may choose from.</summary>
        [Parameter(ParameterSetName = LlmSet)]
        [ValidateNotNullOrEmpty]
        public string Taxonomy { get; set; }

        protected override void BeginProcessing()
        {
            _extractive = new ExtractiveSummarizer { SentenceCount = SentenceCount, MaxLength = MaxLength };
            if (ParameterSetName != LlmSet) return;

#pragma warning disable CS0618 // -KeepLabels is obsolete, still bound: a script that says both is contradicting itself
            if (KeepLabels && UseLlmLabels)
                ThrowTerminating(ErrorIds.ConflictingParameters, ErrorCategory.InvalidArgument, null,
                    "-KeepLabels and -UseLlmLabels contradict each other: leave out -KeepLabels (keeping the labels is the default) or -UseLlmLabels.");
#pragma warning restore CS0618
            Taxonomy taxonomy = LoadTaxonomy(Taxonomy);
            string key = ApiKey != null ? new NetworkCredential(string.Empty, ApiKey).Password : Environment.GetEnvironmentVariable(ApiKeyVariable);
            var options = new LlmOptions
            {
                Endpoint = Endpoint, Model = Model, ApiKey = key, Language = Language,
                MaxTokens = MaxTokens, RetryMaxTokens = Math.Max(4096, MaxTokens * 4),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                Proxy = Proxy,
            };
            string cacheFolder = CachePath != null ? FileSystemPath(CachePath) : SummaryCache.DefaultFolder;
            _taxonomy = taxonomy;
            // Runs on the pipeline thread (inside Summarize), so WriteDebug is allowed; the lines never hold the key.
            try { _llm = new LlmSummarizer(options, taxonomy, new SummaryCache(cacheFolder)) { Trace = WriteDebug }; }
            catch (ArgumentException e) { ThrowTerminating(ErrorIds.LlmFailed, ErrorCategory.InvalidArgument, UriDisplay.WithoutQuery(Endpoint), e.Message, e); }
            // The endpoint without its query: Azure-style and some gateways put the key there (?key=, ?api-key=).
            WriteVerbose($"LLM: {Model} at {UriDisplay.WithoutQuery(_llm.Endpoint)} (API key {(string.IsNullOrEmpty(key) ? "none" : "given")}), cache {cacheFolder}.");
        }

        protected override void ProcessRecord()
        {
            Article a = InputObject;
            if (a == null) return;
            if (!Force && HasOwnSummary(a))
            {
                WriteVerbose($"'{a.Title}' keeps its summary (use -Force to replace it).");
                WriteObject(a);
                return;
            }
            if (_llm != null) ShowProgress(a);
            if (_llm != null && AllowsAi(a)
                && ShouldProcess($"'{a.Title}'", $"Send the article's text to {Model} at {UriDisplay.WithoutQuery(_llm.Endpoint)}")
                && SummarizeWithLlm(a))
            {
                WriteObject(a);
                return;
            }
            string summary = _extractive.Summarize(a.Title, a.Content, a.Language);
            if (summary == null)
                WriteVerbose($"'{a.Title}' has no sentence to summarise besides its title and standfirst; its summary is left as it was.");
            else
                a.Summary = summary;
            WriteObject(a);
        }

        private bool SummarizeWithLlm(Article a)
        {
            LlmOutcome outcome;
            try { outcome = _llm.Summarize(a.Title, a.Content, a.Language, StopToken); }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested) { throw new PipelineStoppedException(); }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                outcome = new LlmOutcome { Status = LlmStatus.FellBack, Problem = e.Message };
            }
            switch (outcome.Status)
            {
                case LlmStatus.Ok: _ok++; break;
                case LlmStatus.Cached: _ok++; _cached++; break;
                case LlmStatus.Retried: _retried++; WriteVerbose($"'{a.Title}': the first answer was unusable ({outcome.Problem}); the retry succeeded."); break;
                default:
                    _fellBack++;
                    WriteWarning($"The LLM could not summarise '{a.Title}' ({outcome.Problem}); the extractive summary is used.");
                    return false;
            }
            LlmResult r = outcome.Result;
            a.Summary = r.Summary;
            if (UseLlmLabels)
                ArticleLabels.Set(a, _taxonomy, organization: r.Organization, tags: r.Tags, importance: r.Importance);
            else if (r.Organization != a.Organization || !(r.Tags ?? new string[0]).SequenceEqual(a.Tags ?? new string[0]))
                WriteDebug($"'{a.Title}' keeps its labels ({a.Organization ?? "none"}; {string.Join(", ", a.Tags ?? new string[0])}); the LLM said {r.Organization}; {string.Join(", ", r.Tags)} (-UseLlmLabels takes those).");
            return true;
        }

        // The source policy travels with the article, also through a digest (its source-data comment); a digest of
        // the old system only names its source, so look that up in the catalog, by id or else by display name.
        private bool AllowsAi(Article a)
        {
            SourcePolicy policy = a.Policy;
            if (policy == null && (!string.IsNullOrEmpty(a.SourceId) || !string.IsNullOrEmpty(a.Source)))
            {
                if (!_catalogLoaded)
                {
                    _catalogLoaded = true;
                    try { _catalog = SourceCatalog.Load(); }
                    catch (Exception e) when (!(e is PipelineStoppedException)) { WriteVerbose($"The source catalog could not be read ({e.Message}); source policies of archived articles are unknown."); }
                }
                policy = (string.IsNullOrEmpty(a.SourceId) ? null : _catalog?.Find(a.SourceId))?.Policy ?? _catalog?.FindByName(a.Source)?.Policy;
            }
            if (policy == null || policy.AllowAiProcessing) return true;
            _byPolicy++;
            WriteVerbose($"'{a.Title}': {a.Source ?? "its source"} forbids AI processing{(string.IsNullOrEmpty(policy.Notice) ? "" : " (" + policy.Notice + ")")}; summarised extractively.");
            return false;
        }

        // Pipeline input has no known total: the bar counts the articles and names the one being asked about.
        private void ShowProgress(Article a)
        {
            // A new record each time: a host may keep the ones it was given (a PowerShell instance's Progress stream does).
            _progress = new ProgressRecord(ProgressActivityId, "Summarising with " + Model,
                $"article {++_seen}: {(string.IsNullOrEmpty(a.Title) ? a.Url : a.Title)}");
            WriteProgress(_progress);
        }

        protected override void EndProcessing()
        {
            if (_llm == null) return;
            if (_progress != null)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, _progress.Activity, "done") { RecordType = ProgressRecordType.Completed });
            }
            string line = $"LLM: {_ok} ok, {_retried} retried, {_fellBack} fell back";
            if (_cached > 0) line += $" ({_cached} from cache)";
            if (_byPolicy > 0) line += $"; {_byPolicy} extractive by source policy";
            WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST", "AiNews" });
            _llm.Dispose();
        }

        // The old system's failed LLM step wrote the title as the summary, sometimes with a prefix such as
        // "[12월26일] ": a summary that only repeats the headline is no summary.
        internal static bool HasOwnSummary(Article a)
        {
            string summary = TextNormalizer.SingleLine(a.Summary), title = TextNormalizer.SingleLine(a.Title);
            if (summary.Length == 0) return false;
            if (title.Length == 0) return true;
            return summary.IndexOf(title, StringComparison.Ordinal) < 0 || summary.Length > title.Length + 20;
        }
    }
}
