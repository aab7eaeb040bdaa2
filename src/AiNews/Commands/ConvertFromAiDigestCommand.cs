using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using AiNews.Digest;
using AiNews.Digest.Archive;

namespace AiNews.Commands
{
    /// <summary>Reads digests (files, or Markdown text from the pipeline) back into AiNews.Article objects.</summary>
    [Cmdlet(VerbsData.ConvertFrom, "AiDigest", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Article))]
    public sealed class ConvertFromAiDigestCommand : AiNewsCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string TextSet = "Text";
        private const string ArchiveSet = "Archive";

        private readonly StringBuilder _text = new StringBuilder();
        private DigestReader _reader;

        /// <summary>Digest files; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        /// <summary>Digest files, taken as written (binds the output of Get-ChildItem).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        /// <summary>Digest Markdown; lines piped from Get-Content are joined into one text.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TextSet, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string InputObject { get; set; }

        /// <summary>An archive written by Export-AiDigest -ArchivePath: its day files are read, oldest first.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ArchiveSet)]
        [ValidateNotNullOrEmpty]
        public string ArchivePath { get; set; }

        /// <summary>The archive's day-file pattern (as given to Export-AiDigest -Layout).</summary>
        [Parameter(ParameterSetName = ArchiveSet)]
        [ValidateNotNullOrEmpty]
        public string Layout { get; set; } = ArchiveLayout.DefaultPattern;

        /// <summary>First day to read (inclusive).</summary>
        [Parameter(ParameterSetName = ArchiveSet)]
        public DateTime Since { get; set; } = DateTime.MinValue;

        /// <summary>Last day to read (inclusive).</summary>
        [Parameter(ParameterSetName = ArchiveSet)]
        public DateTime Until { get; set; } = DateTime.MaxValue;

        /// <summary>The zone in which the digest's dates are days (IANA or Windows id); default: local.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string TimeZone { get; set; }

        protected override void BeginProcessing()
        {
            _reader = new DigestReader(new DigestOptions { TimeZone = ResolveTimeZone(TimeZone) });
        }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case TextSet:
                    if (_text.Length > 0) _text.Append('\n');
                    _text.Append(InputObject);
                    break;
                case PathSet:
                    ReadFiles(ResolvePaths(Path, ErrorIds.DigestNotFound,
                        p => $"No digest file matches '{p}'. Check the path; Get-ChildItem lists what is there."));
                    break;
                case ArchiveSet:
                    ReadArchive();
                    break;
                default:
                    var files = new List<string>();
                    foreach (string p in LiteralPath) files.Add(FileSystemPath(p));
                    ReadFiles(files);
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == TextSet) Read(_text.ToString(), "the piped text");
        }

        private void ReadArchive()
        {
            string root = FileSystemPath(ArchivePath);
            if (!Directory.Exists(root))
            {
                WriteItemError(ErrorIds.DigestNotFound, ErrorCategory.ObjectNotFound, root, $"There is no archive folder '{root}'.");
                return;
            }
            ArchiveLayout layout;
            try { layout = new ArchiveLayout(Layout); }
            catch (ArgumentException e) { ThrowTerminating(ErrorIds.InvalidLayout, ErrorCategory.InvalidArgument, Layout, e.Message, e); return; }
            var archive = new DigestArchive(new ArchiveOptions { Root = root, Layout = layout });
            var files = new List<string>();
            foreach (var day in archive.DayFiles())
                if (day.Key >= Since.Date && day.Key <= Until.Date) files.Add(day.Value);
            WriteVerbose($"{files.Count} day file(s) of {root} fall between {Since:yyyy-MM-dd} and {Until:yyyy-MM-dd}.");
            ReadFiles(files);
        }

        private void ReadFiles(List<string> files)
        {
            for (int i = 0; i < files.Count; i++)
            {
                string file = files[i];
                if (files.Count > 1)
                    WriteProgress(new ProgressRecord(1, "Reading digests", file) { PercentComplete = i * 100 / files.Count });
                string text;
                try
                {
                    text = DigestReader.ReadFileText(file);
                }
                catch (InvalidDataException e)
                {
                    WriteItemError(ErrorIds.DigestUnreadable, ErrorCategory.InvalidData, file,
                        $"Could not read '{file}': {e.Message}. Save it as UTF-8 and read it again.", e);
                    continue;
                }
                catch (FileNotFoundException e)
                {
                    WriteItemError(ErrorIds.DigestNotFound, ErrorCategory.ObjectNotFound, file, $"The digest file '{file}' does not exist.", e);
                    continue;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
                {
                    WriteItemError(ErrorIds.DigestUnreadable, ErrorCategory.ReadError, file,
                        $"Could not read '{file}': {e.Message} Check that it is a file and that you may read it.", e);
                    continue;
                }
                WriteVerbose($"Reading {file}.");
                Read(text, file);
            }
            if (files.Count > 1) WriteProgress(new ProgressRecord(1, "Reading digests", "Done") { RecordType = ProgressRecordType.Completed });
        }

        /// <summary>Reads one digest and emits its articles; a digest Markdown cannot read is reported, and the others are still read.</summary>
        private void Read(string text, string origin)
        {
            DigestDocument document;
            try { document = _reader.Read(text); }
            catch (ArgumentException e)   // Markdig refuses text nested too deeply to be a digest
            {
                WriteItemError(ErrorIds.DigestMalformed, ErrorCategory.InvalidData, origin,
                    $"{origin} cannot be read as a digest: {e.Message} Check that it is a digest written by Export-AiDigest.", e);
                return;
            }
            Emit(document, origin);
        }

        private void Emit(DigestDocument document, string origin)
        {
            if (document.IsFolderIndex)
            {
                // Get-ChildItem ./news -Recurse -Filter *.md passes the month indexes too; they are no digests, and no error.
                WriteVerbose($"{origin} is an archive folder index (README.md), not a digest; it has no articles to read.");
                return;
            }
            foreach (string problem in document.Problems) WriteWarning($"{origin}: {problem}");
            foreach (string defect in document.Defects)
                WriteItemError(ErrorIds.DigestMalformed, ErrorCategory.InvalidData, origin,
                    $"{origin}: {defect} The other articles were read; repair the file so that Export-AiDigest can add to it again.");
            if (document.Sections == 0 && document.Day == null)
            {
                WriteItemError(ErrorIds.DigestMalformed, ErrorCategory.InvalidData, origin,
                    $"{origin} is not an AiNews digest: it has neither a digest title nor any article section (### heading).");
                return;
            }
            foreach (Article article in document.Articles) WriteObject(article);
        }
    }
}
