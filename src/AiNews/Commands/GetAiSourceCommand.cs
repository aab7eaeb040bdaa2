using System;
using System.IO;
using System.Management.Automation;
using AiNews.Sources;

namespace AiNews.Commands
{
    /// <summary>Lists the news sources of the catalog (shipped, plus a user's catalog file).</summary>
    [Cmdlet(VerbsCommon.Get, "AiSource")]
    [OutputType(typeof(NewsSource))]
    public sealed class GetAiSourceCommand : AiNewsCmdlet
    {
        /// <summary>Source ids; wildcards allowed. Default: all.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SourceIdCompleter))]
        [SupportsWildcards]
        public string[] Id { get; set; }

        /// <summary>A catalog file that extends or overrides the shipped one (default: $env:AINEWS_SOURCES).</summary>
        [Parameter]
        public string SourceFile { get; set; }

        private SourceCatalog _catalog;

        protected override void BeginProcessing()
        {
            _catalog = LoadCatalog(this, SourceFile);
        }

        protected override void ProcessRecord()
        {
            if (Id == null || Id.Length == 0)
            {
                foreach (NewsSource s in _catalog.Sources) WriteObject(s);
                return;
            }
            foreach (string id in Id)
            {
                var pattern = new WildcardPattern(id, WildcardOptions.IgnoreCase);
                bool found = false;
                foreach (NewsSource s in _catalog.Sources)
                {
                    if (!pattern.IsMatch(s.Id)) continue;
                    found = true;
                    WriteObject(s);
                }
                if (!found && !WildcardPattern.ContainsWildcardCharacters(id))
                    WriteItemError(ErrorIds.SourceNotFound, ErrorCategory.ObjectNotFound, id,
                        $"There is no source '{id}'. Get-AiSource lists the ids; add your own with -SourceFile or $env:{SourceCatalog.EnvironmentVariable}.");
            }
        }

        /// <summary>The catalog, or a terminating error that says which file is wrong and how.</summary>
        internal static SourceCatalog LoadCatalog(AiNewsCmdlet cmdlet, string sourceFile)
        {
            SourceCatalog catalog = ReadCatalog(cmdlet, sourceFile, out ErrorRecord error);
            if (error != null) cmdlet.ThrowTerminatingError(error);
            return catalog;
        }

        /// <summary>The catalog, or null and the error record that says which file is wrong (for a caller that must not stop).</summary>
        internal static SourceCatalog ReadCatalog(AiNewsCmdlet cmdlet, string sourceFile, out ErrorRecord error)
        {
            error = null;
            string file = string.IsNullOrWhiteSpace(sourceFile) ? null : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(sourceFile);
            try
            {
                return SourceCatalog.Load(file);
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                error = new ErrorRecord(new AiNewsException(e.Message, e), ErrorIds.SourceCatalogInvalid,
                    ErrorCategory.InvalidData, file ?? Environment.GetEnvironmentVariable(SourceCatalog.EnvironmentVariable));
                return null;
            }
        }
    }
}
