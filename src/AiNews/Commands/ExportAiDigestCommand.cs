using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using AiNews.Common;
using AiNews.Digest;
using AiNews.Digest.Archive;
using AiNews.Digest.Html;
using System.Linq;

namespace AiNews.Commands
{
    /// <summary>
    /// Collects the piped articles and renders the daily digest: to the pipeline as Markdown text, to a
    /// file, or into an archive of day files that it merges without repeating or losing an article.
    /// </summary>
    [Cmdlet(VerbsData.Export, "AiDigest", SupportsShouldProcess = true, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(string), ParameterSetName = new[] { TextSet })]
    [OutputType(typeof(FileInfo), ParameterSetName = new[] { FileSet, ArchiveSet })]
    public sealed class ExportAiDigestCommand : AiNewsCmdlet
    {
        private const string TextSet = "Text";
        private const string FileSet = "File";
        private const string ArchiveSet = "Archive";

        /// <summary>With -ArchivePath -PassThru: the note property of each day file that tells how many articles this run added to it.</summary>
        public const string ArticlesAddedProperty = "ArticlesAdded";

        private readonly List<Article> _articles = new List<Article>();
        private DigestOptions _options;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ArticleTransformation]
        public Article InputObject { get; set; }

        /// <summary>The digest file to write (UTF-8 without BOM).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>The archive root: each article goes into the day file of its publication day.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ArchiveSet)]
        [ValidateNotNullOrEmpty]
        public string ArchivePath { get; set; }

        /// <summary>Day-file path pattern under the archive root, with {yyyy}, {MM}, {dd}, {M}, {d}.</summary>
        [Parameter(ParameterSetName = ArchiveSet)]
        [ValidateNotNullOrEmpty]
        public string Layout { get; set; } = ArchiveLayout.DefaultPattern;

        /// <summary>Days before an article's day in which the same article or story counts as already published.</summary>
        [Parameter(ParameterSetName = ArchiveSet)]
        [ValidateRange(0, 366)]
        public int LookbackDays { get; set; } = 7;

        /// <summary>Seconds to wait for another job that is writing the same archive.</summary>
        [Parameter(ParameterSetName = ArchiveSet)]
        [ValidateRange(0, 3600)]
        public int LockTimeout { get; set; } = 60;

        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = ArchiveSet)]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The day in the digest's title; default: the latest article's day.</summary>
        [Parameter(ParameterSetName = TextSet)]
        [Parameter(ParameterSetName = FileSet)]
        public DateTime Date { get; set; }

        /// <summary>
        /// Markdown (the default) or Html (one self-contained page). With -ArchivePath, "Markdown,Html" also
        /// writes a page beside each day file and an index.html; the Markdown files are always written.
        /// </summary>
        [Parameter]
        [ValidateSet("Markdown", "Html", IgnoreCase = true)]
        public string[] Format { get; set; } = { "Markdown" };

        /// <summary>The zone whose calendar decides each article's day (IANA or Windows id); default: local.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string TimeZone { get; set; }

        /// <summary>Body characters kept before "..." (0 keeps whole bodies).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int MaxContentLength { get; set; } = DigestFormat.Default.DefaultMaxContentLength;

        protected override void BeginProcessing()
        {
            _options = new DigestOptions { MaxContentLength = MaxContentLength, TimeZone = ResolveTimeZone(TimeZone) };
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Date)))
            {
                string outOfRange = DateRange.DayProblem(Date, _options.TimeZone);
                if (outOfRange != null)
                    ThrowTerminating(ErrorIds.DateOutOfRange, ErrorCategory.InvalidArgument, Date,
                        $"-Date {outOfRange}: a digest is about a day from {DateRange.EarliestYear} to {DateRange.MaxDaysAhead} days from today. Give such a day, or leave -Date out to use the latest article's day.");
                _options.Date = Date.Date;
            }
        }

        protected override void ProcessRecord()
        {
            string problem = DigestWriter.Problem(InputObject);
            if (problem != null)
            {
                WriteItemError(ErrorIds.InvalidArticle, ErrorCategory.InvalidData, InputObject, problem + " The article was left out of the digest.");
                return;
            }
            if (InputObject.RejectedPublished.HasValue)
                WriteVerbose($"The date of '{InputObject.Title}' is treated as missing: {DateRange.Problem(InputObject.RejectedPublished.Value)}.");
            _articles.Add(InputObject);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ArchiveSet)
            {
                ExportToArchive();
                return;
            }

            var writer = new DigestWriter(_options);
            foreach (Article article in _articles)
                if (!writer.Add(article))
                    WriteVerbose($"Skipped '{article.Title}': an article with URL {article.Url} is already in the digest.");
            if (writer.Count == 0) WriteWarning("No articles were given; the digest has a title and an empty table of contents.");
            if (WantsHtml && WantsMarkdown && ParameterSetName != ArchiveSet)
                ThrowTerminating(ErrorIds.InvalidFormat, ErrorCategory.InvalidArgument, Format,
                    "Give one -Format for a single digest (Markdown or Html); both together are for -ArchivePath.");
            if (ParameterSetName == TextSet)
            {
                string markdown = writer.Render();
                WriteObject(WantsHtml ? DigestPage.Render(markdown) : markdown);
                return;
            }

            string path = FileSystemPath(Path);
            if (File.Exists(path) && !Force)
            {
                WriteItemError(ErrorIds.FileExists, ErrorCategory.ResourceExists, path,
                    $"The file '{path}' already exists. Use -Force to overwrite it, -ArchivePath to merge into an archive, or choose another -Path.");
                return;
            }
            if (!ShouldProcess(path, $"Write digest of {writer.Count} article(s) for {writer.Day:yyyy-MM-dd}")) return;
            // Markdown goes to the file section by section (a digest of 50,000 articles is hundreds of MB of text);
            // a page is rendered from the whole Markdown at once.
            Action<Stream> content = WantsHtml
                ? Utf8Of(DigestPage.Render(writer.Render()))
                : stream => { using (var text = new StreamWriter(stream, AtomicFile.Utf8NoBom, 1 << 16, leaveOpen: true)) writer.Render(text); };
            if (Write(path, content)) WriteVerbose($"Wrote {writer.Count} article(s) to {path}.");
        }

        private void ExportToArchive()
        {
            string root = FileSystemPath(ArchivePath);
            if (_articles.Count == 0)
            {
                // A scheduled run that found nothing new leaves the archive as it was: no lock, no index, no empty page.
                WriteVerbose($"No articles to file; {root} is left as it is.");
                return;
            }
            ArchiveLayout layout;
            try { layout = new ArchiveLayout(Layout); }
            catch (ArgumentException e) { ThrowTerminating(ErrorIds.InvalidLayout, ErrorCategory.InvalidArgument, Layout, e.Message, e); return; }

            var options = new ArchiveOptions
            {
                Root = root, Layout = layout, LookbackDays = LookbackDays, Digest = _options, Html = WantsHtml,
                RunDay = TimeZoneResolver.DayOf(DateTimeOffset.Now, _options.TimeZone),
            };
            ArchiveLock archiveLock = null;
            if (WhatIfRequested) WriteVerbose($"-WhatIf: {root} is read without taking its lock, and nothing is created or written.");
            else try
            {
                WriteVerbose($"Waiting up to {LockTimeout} s for the archive lock in {root}.");
                archiveLock = ArchiveLock.Acquire(root, TimeSpan.FromSeconds(LockTimeout), StopToken);
            }
            catch (TimeoutException e) { ThrowTerminating(ErrorIds.ArchiveLocked, ErrorCategory.ResourceBusy, root, e.Message, e); }
            catch (UnauthorizedAccessException e) { ThrowTerminating(ErrorIds.ArchiveNotWritable, ErrorCategory.PermissionDenied, root, e.Message, e); }
            catch (IOException e)
            {
                ThrowTerminating(ErrorIds.WriteFailed, ErrorCategory.WriteError, root, $"Cannot use the archive folder '{root}': {e.Message}", e);
            }

            using (archiveLock)
            {
                // Under the lock no other job is writing, so a temporary file here was left by one that was killed.
                // The archive lists its folders once (only those changed since the last run) for these and its day files.
                var archive = new DigestArchive(options);
                string[] leftovers;
                try { leftovers = archive.Leftovers(); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    ThrowTerminating(ErrorIds.ArchiveUnreadable, ErrorCategory.ReadError, root, $"Cannot read the archive '{root}': {e.Message}", e);
                    return;
                }
                if (leftovers.Length > 0 && ShouldProcess(root, $"Remove {leftovers.Length} temporary file(s) left by an interrupted run"))
                    foreach (string file in leftovers) File.Delete(file);
                ArchivePlan plan;
                try { plan = archive.Plan(_articles); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    ThrowTerminating(ErrorIds.ArchiveUnreadable, ErrorCategory.ReadError, root, $"Cannot read the archive '{root}': {e.Message}", e);
                    return;
                }
                foreach (string note in plan.Notes) WriteVerbose(note);
                foreach (string path in plan.Unreadable)
                    WriteItemError(ErrorIds.ArchiveFileMalformed, ErrorCategory.InvalidData, path,
                        $"'{path}' cannot be added to safely: {plan.UnreadableReasons[path]}. It was left as it is and its day got no new articles. " +
                        "Repair it (ConvertFrom-AiDigest names what is wrong), or move it away to let the archive recreate it, then run again.");
                foreach (var skipped in plan.Skipped) WriteVerbose($"Skipped '{skipped.Key.Title}': {skipped.Value}.");
                if (plan.Changes.Count == 0) WriteVerbose("Nothing to write: the archive already has every article.");

                // Day files first; indexes and pages only from the day files that were written (or would be, with -WhatIf).
                var written = plan.Changes.Where(c => !c.IsIndex && Apply(c)).ToList();
                List<ArchiveChange> indexes = plan.Changes.Where(c => c.IsIndex).ToList();
                if (written.Count < plan.Changes.Count(c => !c.IsIndex))
                {
                    WriteVerbose("Not every day file was written; the indexes are planned again from what is on disk.");
                    try { indexes = archive.PlanIndexes(written); }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                        WriteItemError(ErrorIds.ArchiveUnreadable, ErrorCategory.ReadError, root, $"Cannot read the archive '{root}' to update its indexes: {e.Message}", e);
                        indexes.Clear();
                    }
                }
                foreach (var page in archive.PagesNotRendered)
                    WriteItemError(ErrorIds.PageNotRendered, ErrorCategory.InvalidData, page.Key,
                        $"The web page of '{page.Key}' cannot be made: Markdown cannot render the file ({page.Value}). The day file has its articles; " +
                        "its page was left as it was. Remove the deeply nested brackets, quotes or lists from the file, then run again.");
                foreach (ArchiveChange index in indexes) Apply(index);
                if (archive.PrintFilesRead > 0) WriteVerbose($"Compared with {archive.PrintFilesRead} look-back day files through their kept story prints, without reading them.");
                var (rendered, parts) = archive.IndexPartsRendered;
                if (parts > 0) WriteVerbose($"Rendered {rendered} of the {parts} month parts of index.html (the others are taken from the page as it was).");
                var (listed, visited) = archive.FoldersListed;
                WriteVerbose($"Listed {listed} of the archive's {visited} folders (the others are as the last run listed them).");
                WriteVerbose($"Read {archive.DayFilesRead} day files (the look-back window, and days changed since the last run) and the title files of {archive.TitleFilesRead} folder{(archive.TitleFilesRead == 1 ? "" : "s")}.");
                if (!WhatIfRequested && !archive.SaveTitleIndex(written))
                    WriteVerbose("The archive's title index could not be written; the next run reads the day files again.");
            }
        }

        /// <summary>Writes one planned change; true when it was written, or would be with -WhatIf.</summary>
        private bool Apply(ArchiveChange change)
        {
            string what = $"Performing the operation \"{change.Description}\" on target \"{change.Path}\".";
            if (!ShouldProcess(what, "Are you sure you want to perform this action?\n" + what, "Confirm", out ShouldProcessReason reason))
                return reason == ShouldProcessReason.WhatIf;
            if (!Write(change.Path, change.Text, change.IsIndex ? (int?)null : change.Added)) return false;
            WriteVerbose(change.Description + ".");
            return true;
        }

        private bool WantsHtml => Format.Any(f => string.Equals(f, "Html", StringComparison.OrdinalIgnoreCase));
        private bool WantsMarkdown => Format.Any(f => string.Equals(f, "Markdown", StringComparison.OrdinalIgnoreCase));

        private static Action<Stream> Utf8Of(string text) => stream =>
        {
            byte[] bytes = AtomicFile.Utf8NoBom.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        };

        private bool Write(string path, string text, int? added = null) => Write(path, Utf8Of(text), added);

        private bool Write(string path, Action<Stream> content, int? added = null)
        {
            try
            {
                AtomicFile.Write(path, content);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Moving the finished file onto a folder of the same name fails with "The file ... already exists".
                string reason = Directory.Exists(path) ? "a folder has that name; rename or remove it and run again" : e.Message;
                WriteItemError(ErrorIds.WriteFailed, ErrorCategory.WriteError, path, $"Could not write '{path}': {reason}", e);
                return false;
            }
            if (PassThru)
            {
                var file = new PSObject(new FileInfo(path));
                if (added.HasValue) file.Properties.Add(new PSNoteProperty(ArticlesAddedProperty, added.Value));
                WriteObject(file);
            }
            return true;
        }
    }
}
