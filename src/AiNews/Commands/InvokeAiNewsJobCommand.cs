using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AiNews.Jobs;
using AiNews.Sources;
using AiNews.Http;

namespace AiNews.Commands
{
    /// <summary>
    /// The scheduled job, one run: reads the sources' feeds from the last successful run (less an overlap, at
    /// most -LookbackHours back), labels, summarises, merges and files what is new into the archive, remembers
    /// the run in the archive's state, appends one line to the job log and returns a result whose ExitCode a
    /// scheduler can trust. It runs the module's own cmdlets, so the job does exactly what the documented
    /// pipeline does.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "AiNewsJob", SupportsShouldProcess = true)]
    [OutputType(typeof(JobResult))]
    public sealed class InvokeAiNewsJobCommand : AiNewsCmdlet
    {
        private PowerShell _running;
        private int _errors;
        private bool _networkDownReported;

        /// <summary>The archive root (created on the first run that has something to file).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string ArchivePath { get; set; }

        /// <summary>Catalog ids; "a,b" in one argument works too (the form schedulers pass).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        public string[] Source { get; set; }

        /// <summary>
        /// Further source ids given without a comma after -Source (<c>-File job.ps1 -Source a b</c>): under -File
        /// each name is its own argument.
        /// </summary>
        [Parameter(ValueFromRemainingArguments = true, DontShow = true)]
        public string[] MoreSource { get; set; }

        [Parameter]
        public string SourceFile { get; set; }

        /// <summary>The zone whose calendar files the articles; default: the first source's zone.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string TimeZone { get; set; }

        [Parameter]
        [ValidateSet("Markdown", "Html", IgnoreCase = true)]
        public string[] Format { get; set; } = { "Markdown", "Html" };

        /// <summary>The farthest back a run reads, in hours.</summary>
        [Parameter]
        [ValidateRange(1, 24 * 366)]
        public int LookbackHours { get; set; } = (int)JobCheckpoint.DefaultMaxLookback.TotalHours;

        /// <summary>Hours before the last successful run that are read again.</summary>
        [Parameter]
        [ValidateRange(0, 24 * 366)]
        public int OverlapHours { get; set; } = (int)JobCheckpoint.DefaultOverlap.TotalHours;

        /// <summary>The log file that gets one line per run; default .ainews/job.log in the archive.</summary>
        [Parameter]
        public string LogPath { get; set; }

        [Parameter]
        public string CachePath { get; set; }

        [Parameter]
        public SwitchParameter NoCache { get; set; }

        /// <summary>Post each day file that got new articles to this kind of webhook ($env:AINEWS_WEBHOOK_URI).</summary>
        [Parameter]
        [ValidateSet("Slack", "Teams", "Discord", IgnoreCase = true)]
        public string Notify { get; set; }

        /// <summary>The job's clock: run as if started at this moment (replaying a missed window, tests).</summary>
        [Parameter]
        public DateTimeOffset AsOf { get; set; }

        protected override void StopProcessing()
        {
            base.StopProcessing();
            _running?.Stop();
        }

        protected override void EndProcessing()
        {
            DateTimeOffset now = Bound(nameof(AsOf)) ? AsOf : DateTimeOffset.Now;
            string root = FileSystemPath(ArchivePath);
            bool whatIf = WhatIfRequested;
            var result = new JobResult { ArchivePath = ArchivePath, LogPath = string.IsNullOrEmpty(LogPath) ? JobCheckpoint.DefaultLogPath(root) : FileSystemPath(LogPath) };
            bool archiveFailed = false;
            int filesFailed = 0;
            try
            {
                SourceCatalog catalog = GetAiSourceCommand.ReadCatalog(this, SourceFile, out ErrorRecord catalogError);
                if (catalogError != null) throw new JobCannotRun(catalogError);
                List<NewsSource> sources = ResolveSources(catalog, out int unknown);
                result.SourcesTotal = sources.Count + unknown;
                TimeZoneInfo zone = FindTimeZone(Bound(nameof(TimeZone)) ? TimeZone : sources.Select(s => s.TimeZone).FirstOrDefault(z => !string.IsNullOrWhiteSpace(z)), out ErrorRecord zoneError);
                if (zoneError != null) throw new JobCannotRun(zoneError);
                result.Started = TimeZoneInfo.ConvertTime(now, zone);

                JobCheckpoint state = LoadState(root);
                result.Since = state.Since(sources.Select(s => s.Id), now, TimeSpan.FromHours(LookbackHours), TimeSpan.FromHours(OverlapHours));
                WriteVerbose($"Reading {sources.Count} source(s) for articles published since {result.Since:yyyy-MM-dd HH:mm zzz} " +
                    $"(the last successful run less {OverlapHours} h, at most {LookbackHours} h back).");

                var failedSources = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                Collection<PSObject> articles = sources.Count == 0 ? new Collection<PSObject>() : Run(Collect(sources, result.Since), null, record =>
                {
                    if (record.TargetObject is NewsSource failed) failedSources.Add(failed.Id);
                });
                result.SourcesRead = sources.Count(s => !failedSources.Contains(s.Id));

                int filed = 0;
                if (articles.Count > 0 && result.SourcesRead > 0)
                {
                    try
                    {
                        Collection<PSObject> files = Run(Archive(root, zone), articles, record =>
                        {
                            string id = record.FullyQualifiedErrorId ?? string.Empty;
                            if (id.StartsWith(ErrorIds.WriteFailed, StringComparison.Ordinal) || id.StartsWith(ErrorIds.ArchiveFileMalformed, StringComparison.Ordinal)) filesFailed++;
                        });
                        result.Files = files.Select(f => (f.BaseObject as FileInfo)?.FullName).Where(f => f != null).ToArray();
                        filed = files.Sum(f => f.Properties[ExportAiDigestCommand.ArticlesAddedProperty]?.Value as int? ?? 0);
                        if (!string.IsNullOrEmpty(Notify)) SendNew(files);
                    }
                    catch (RuntimeException e) when (!(e is PipelineStoppedException))
                    {
                        archiveFailed = true;
                        Report(e.ErrorRecord);
                    }
                }
                result.New = filed;
                result.Skipped = articles.Count - filed;

                if (!whatIf)
                {
                    if (!archiveFailed && filesFailed == 0)
                        foreach (NewsSource s in sources.Where(s => !failedSources.Contains(s.Id))) state.Succeeded(s.Id, now);
                    result.Decide(archiveFailed, filesFailed);
                    state.LastRun = now;
                    state.LastStatus = result.Status;
                    if (Directory.Exists(root)) state.Save(root);
                }
                else result.Decide(archiveFailed, filesFailed);
            }
            catch (JobCannotRun e)
            {
                // A broken catalog, an unknown time zone or parameter: reported, logged, exit 1.
                Report(e.Record);
                if (result.Started == default) result.Started = now;
                result.Decide(archiveFailed: true, filesFailed);
            }
            catch (RuntimeException e) when (!(e is PipelineStoppedException) && e.ErrorRecord != null)
            {
                // A step of the pipeline stopped with a terminating error: reported, logged, exit 1.
                Report(e.ErrorRecord);
                if (result.Started == default) result.Started = now;
                result.Decide(archiveFailed: true, filesFailed);
            }
            result.Errors = _errors;
            if (!whatIf) AppendLog(result);
            WriteObject(result);
        }

        private List<NewsSource> ResolveSources(SourceCatalog catalog, out int unknown)
        {
            IEnumerable<string> named = (Source ?? new string[0]).Concat(MoreSource ?? new string[0])
                .SelectMany(s => (s ?? string.Empty).Split(',')).Select(s => s.Trim()).Where(s => s.Length > 0);
            var ids = named.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            string option = ids.FirstOrDefault(i => i.StartsWith("-", StringComparison.Ordinal));
            if (option != null)
                throw new JobCannotRun(Record(ErrorIds.UnknownParameter, ErrorCategory.InvalidArgument, option,
                    $"'{option}' is not a parameter of Invoke-AiNewsJob. Get-Help Invoke-AiNewsJob lists them.", null));
            if (ids.Count == 0 && catalog.DefaultSource != null) ids.Add(catalog.DefaultSource.Id);

            var sources = new List<NewsSource>();
            unknown = 0;
            foreach (string id in ids)
            {
                NewsSource source = catalog.Find(id);
                if (source != null) { sources.Add(source); continue; }
                unknown++;
                WriteItemError(ErrorIds.SourceNotFound, ErrorCategory.ObjectNotFound, id,
                    $"There is no source '{id}'. Get-AiSource lists the ids; add your own with -SourceFile or $env:{SourceCatalog.EnvironmentVariable}.");
            }
            return sources;
        }

        private JobCheckpoint LoadState(string root)
        {
            try { return JobCheckpoint.Load(root); }
            catch (Exception e) when (e is FormatException || e is IOException || e is UnauthorizedAccessException)
            {
                WriteWarning($"{e.Message} This run reads the last {LookbackHours} h; the archive's dedupe keeps articles it already has out.");
                return new JobCheckpoint();
            }
        }

        /// <summary>Get-AiArticle for the window.</summary>
        private PowerShell Collect(List<NewsSource> sources, DateTimeOffset since)
        {
            PowerShell ps = Step(PowerShell.Create(RunspaceMode.CurrentRunspace), "Get-AiArticle")
                .AddParameter("Source", sources.Select(s => s.Id).ToArray())
                .AddParameter("Since", since);
            if (!string.IsNullOrEmpty(SourceFile)) ps.AddParameter("SourceFile", SourceFile);
            if (!string.IsNullOrEmpty(CachePath)) ps.AddParameter("CachePath", CachePath);
            // -WhatIf writes nothing, the HTTP cache included: the feeds are read afresh and not stored.
            if (NoCache || WhatIfRequested) ps.AddParameter("NoCache");
            return ps;
        }

        /// <summary>Add-AiTag | Where-Object IsAiRelated | Add-AiSummary | Merge-AiArticle | Export-AiDigest -ArchivePath.</summary>
        private PowerShell Archive(string root, TimeZoneInfo zone)
        {
            PowerShell ps = Step(PowerShell.Create(RunspaceMode.CurrentRunspace), "Add-AiTag");
            ps.AddCommand("Where-Object").AddParameter("FilterScript", ScriptBlock.Create("$_.IsAiRelated"));
            Step(ps, "Add-AiSummary");
            Step(ps, "Merge-AiArticle");
            Step(ps, "Export-AiDigest").AddParameter("ArchivePath", root).AddParameter("Format", Format)
                .AddParameter("TimeZone", zone.Id).AddParameter("PassThru");
            if (WhatIfRequested) ps.AddParameter("WhatIf");
            return ps;
        }

        /// <summary>Adds one of the module's cmdlets, with this job's -Verbose and errors that do not stop the run.</summary>
        private PowerShell Step(PowerShell ps, string command)
        {
            ps.AddCommand("AiNews\\" + command).AddParameter("ErrorAction", ActionPreference.Continue);
            if (Bound("Verbose")) ps.AddParameter("Verbose");
            return ps;
        }

        /// <summary>Runs a nested pipeline in this runspace, passing its errors, warnings and verbose lines on as this cmdlet's.</summary>
        private Collection<PSObject> Run(PowerShell ps, IEnumerable<PSObject> input, Action<ErrorRecord> onError)
        {
            using (ps)
            {
                _running = ps;
                try { return input == null ? ps.Invoke() : ps.Invoke(input); }
                finally
                {
                    _running = null;
                    foreach (VerboseRecord v in ps.Streams.Verbose) WriteVerbose(v.Message);
                    foreach (WarningRecord w in ps.Streams.Warning) WriteWarning(w.Message);
                    foreach (ErrorRecord e in ps.Streams.Error)
                    {
                        onError(e);
                        Report(e);
                    }
                    if (StopToken.IsCancellationRequested) throw new PipelineStoppedException();
                }
            }
        }

        /// <summary>
        /// Writes an error of the run. With the network down every source fails the same way: the first such
        /// error is written, the others only counted and named in -Verbose, so the log says it once.
        /// </summary>
        private void Report(ErrorRecord record)
        {
            _errors++;
            if ((record.FullyQualifiedErrorId ?? string.Empty).StartsWith(FetchErrorIds.NetworkUnavailable + ",", StringComparison.Ordinal))
            {
                if (_networkDownReported)
                {
                    WriteVerbose($"{record.TargetObject} could not be reached either: {record.Exception.Message}");
                    return;
                }
                _networkDownReported = true;
            }
            WriteError(record);
        }

        private void SendNew(IEnumerable<PSObject> files)
        {
            foreach (PSObject file in files)
            {
                if (!(file.BaseObject is FileInfo info) || !(file.Properties[ExportAiDigestCommand.ArticlesAddedProperty]?.Value is int added) || added == 0) continue;
                Run(Step(PowerShell.Create(RunspaceMode.CurrentRunspace), "Send-AiDigest").AddParameter("Path", info.FullName).AddParameter("Kind", Notify), null, _ => { });
            }
        }

        private void AppendLog(JobResult result)
        {
            try { result.AppendTo(result.LogPath); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteItemError(ErrorIds.WriteFailed, ErrorCategory.WriteError, result.LogPath, $"Could not append to the job log '{result.LogPath}': {e.Message}", e);
            }
        }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        /// <summary>Why the run could not start; unlike a terminating error it still ends in a result and a log line.</summary>
        private sealed class JobCannotRun : Exception
        {
            public JobCannotRun(ErrorRecord record) : base(record.Exception.Message) { Record = record; }
            public ErrorRecord Record { get; }
        }
    }
}
