using System;
using System.IO;
using System.Management.Automation;
using AiNews.Digest;

namespace AiNews.Commands
{
    /// <summary>
    /// Collects the piped articles and renders the daily digest: to the pipeline as Markdown text, or to a file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "AiDigest", SupportsShouldProcess = true, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(string), ParameterSetName = new[] { TextSet })]
    [OutputType(typeof(FileInfo), ParameterSetName = new[] { FileSet })]
    public sealed class ExportAiDigestCommand : AiNewsCmdlet
    {
        private const string TextSet = "Text";
        private const string FileSet = "File";

        private DigestWriter _writer;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ArticleTransformation]
        public Article InputObject { get; set; }

        /// <summary>The digest file to write (UTF-8 without BOM).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        public SwitchParameter Force { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The day in the digest's title; default: the latest article's day.</summary>
        [Parameter]
        public DateTime Date { get; set; }

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
            var options = new DigestOptions { MaxContentLength = MaxContentLength };
            try { options.TimeZone = TimeZoneResolver.Find(TimeZone); }
            catch (TimeZoneNotFoundException e) { ThrowTerminating(ErrorIds.TimeZoneNotFound, ErrorCategory.InvalidArgument, TimeZone, e.Message, e); }
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Date))) options.Date = Date.Date;
            _writer = new DigestWriter(options);
        }

        protected override void ProcessRecord()
        {
            string problem = DigestWriter.Problem(InputObject);
            if (problem != null)
            {
                WriteItemError(ErrorIds.InvalidArticle, ErrorCategory.InvalidData, InputObject, problem + " The article was left out of the digest.");
                return;
            }
            if (!_writer.Add(InputObject))
                WriteVerbose($"Skipped '{InputObject.Title}': an article with URL {InputObject.Url} is already in the digest.");
        }

        protected override void EndProcessing()
        {
            if (_writer.Count == 0) WriteWarning("No articles were given; the digest has a title and an empty table of contents.");
            string markdown = _writer.Render();
            if (ParameterSetName == TextSet)
            {
                WriteObject(markdown);
                return;
            }

            string path = FileSystemPath(Path);
            if (File.Exists(path) && !Force)
            {
                WriteItemError(ErrorIds.FileExists, ErrorCategory.ResourceExists, path,
                    $"The file '{path}' already exists. Use -Force to overwrite it, or choose another -Path.");
                return;
            }
            if (!ShouldProcess(path, $"Write digest of {_writer.Count} article(s) for {_writer.Day:yyyy-MM-dd}")) return;
            try
            {
                AtomicFile.WriteAllText(path, markdown);
                WriteVerbose($"Wrote {_writer.Count} article(s) to {path}.");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteItemError(ErrorIds.WriteFailed, ErrorCategory.WriteError, path, $"Could not write '{path}': {e.Message}", e);
                return;
            }
            if (PassThru) WriteObject(new FileInfo(path));
        }
    }
}
