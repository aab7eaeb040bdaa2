using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using AiNews.Common;

namespace AiNews.Commands
{
    /// <summary>What every AiNews cmdlet shares: error records with stable ids, path resolution.</summary>
    public abstract class AiNewsCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing); pass it to network and long work.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();

        /// <summary>A non-terminating error about one item; the pipeline goes on with the others.</summary>
        protected void WriteItemError(string errorId, ErrorCategory category, object target, string message, Exception inner = null)
        {
            WriteError(Record(errorId, category, target, message, inner));
        }

        /// <summary>An error after which nothing can continue.</summary>
        protected void ThrowTerminating(string errorId, ErrorCategory category, object target, string message, Exception inner = null)
        {
            ThrowTerminatingError(Record(errorId, category, target, message, inner));
        }

        /// <summary>
        /// The error record; an address as target keeps its full text for scripts, but is displayed (and so
        /// logged by schedulers) without its query, which may hold a token.
        /// </summary>
        protected static ErrorRecord Record(string errorId, ErrorCategory category, object target, string message, Exception inner)
        {
            var record = new ErrorRecord(new AiNewsException(message, inner), errorId, category, target);
            if (target is Uri uri) record.CategoryInfo.TargetName = UriDisplay.WithoutQuery(uri);
            return record;
        }

        /// <summary>The zone of a -TimeZone argument (IANA or Windows id; empty for local), or a terminating error naming it.</summary>
        protected TimeZoneInfo ResolveTimeZone(string id)
        {
            TimeZoneInfo zone = FindTimeZone(id, out ErrorRecord error);
            if (error != null) ThrowTerminatingError(error);
            return zone;
        }

        /// <summary>The zone of a -TimeZone argument, or null and the error record that names it (for a caller that must not stop).</summary>
        protected static TimeZoneInfo FindTimeZone(string id, out ErrorRecord error)
        {
            error = null;
            try { return TimeZoneResolver.Find(id); }
            catch (TimeZoneNotFoundException e)
            {
                error = Record(ErrorIds.TimeZoneNotFound, ErrorCategory.InvalidArgument, id, e.Message, e);
                return null;
            }
        }

        /// <summary>The shipped taxonomy, merged with a -Taxonomy file when one is given, or a terminating error naming the file.</summary>
        protected Tagging.Taxonomy LoadTaxonomy(string file)
        {
            try
            {
                Tagging.Taxonomy taxonomy = Tagging.Taxonomy.Default;
                return string.IsNullOrEmpty(file) ? taxonomy : taxonomy.MergedWith(FileSystemPath(file));
            }
            catch (ModuleDataException e)
            {
                ThrowTerminating(ErrorIds.TaxonomyInvalid, ErrorCategory.InvalidData, file ?? e.File, e.Message, e);
                return null;
            }
        }

        /// <summary>True under -WhatIf (given, or through $WhatIfPreference): nothing may be created, not even a lock file.</summary>
        protected bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out object given)
                ? given is SwitchParameter s && s.IsPresent
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        /// <summary>
        /// The files of -Path arguments (wildcards expanded, in the order given). A path without wildcards that does not
        /// exist is one non-terminating <paramref name="errorId"/> error whose message is <paramref name="notFound"/>(path);
        /// a pattern that matches nothing is no error (as with Get-ChildItem), only a -Verbose line. The other paths are still resolved.
        /// </summary>
        protected List<string> ResolvePaths(IEnumerable<string> paths, string errorId, Func<string, string> notFound)
        {
            var files = new List<string>();
            foreach (string p in paths)
            {
                Exception missing = null;
                try
                {
                    var matches = GetResolvedProviderPathFromPSPath(p, out ProviderInfo _);
                    files.AddRange(matches);
                    if (matches.Count == 0) WriteVerbose($"No file matches '{p}'.");
                    continue;
                }
                catch (ItemNotFoundException e) { missing = e; }
                WriteItemError(errorId, ErrorCategory.ObjectNotFound, p, notFound(p), missing);
            }
            return files;
        }

        /// <summary>A provider path relative to the current location, as a full file-system path.</summary>
        protected string FileSystemPath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
