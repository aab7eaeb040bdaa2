using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using AiNews.Common;
using AiNews.Delivery;
using AiNews.Digest;
using AiNews.Http;

namespace AiNews.Commands
{
    /// <summary>
    /// Posts a digest to a Slack, Microsoft Teams or Discord incoming webhook, split to each service's
    /// message size limit, retrying on 429 and 5xx.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "AiDigest", SupportsShouldProcess = true, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(WebhookResult))]
    public sealed class SendAiDigestCommand : AiNewsCmdlet
    {
        private const string TextSet = "Text";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        public const string WebhookVariable = "AINEWS_WEBHOOK_URI";

        /// <summary>
        /// The largest digest file read with -Path: a day's digest is tens of kilobytes, and Get-AiArticle caps
        /// downloads at 10 MB too; /dev/zero or a wrong, huge file must not be read until memory runs out.
        /// </summary>
        public const long MaxDigestBytes = 10L * 1024 * 1024;

        private readonly StringBuilder _text = new StringBuilder();
        private Uri _webhook;

        /// <summary>Digest Markdown, e.g. the output of Export-AiDigest; piped lines are joined.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TextSet, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string InputObject { get; set; }

        /// <summary>Digest files, each sent as a digest of its own; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        /// <summary>Digest files taken as written ([ ] * ? are part of the name); binds the output of Get-ChildItem.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        /// <summary>
        /// The incoming webhook: a URL, or a SecureString (Get-Secret without -AsPlainText); default: $env:AINEWS_WEBHOOK_URI.
        /// It is never written to logs.
        /// </summary>
        [Parameter]
        [SecretUriTransformation]
        public Uri WebhookUri { get; set; }

        [Parameter(Mandatory = true)]
        public WebhookKind Kind { get; set; }

        /// <summary>Characters of each article's summary to include.</summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public int SummaryLength { get; set; } = 200;

        [Parameter]
        [ValidateRange(1, 10)]
        public int MaxAttempts { get; set; } = 4;

        /// <summary>A proxy for the webhook (default: the system proxy).</summary>
        [Parameter]
        public Uri Proxy { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _webhook = WebhookUri;
            if (_webhook != null) return;
            string fromEnvironment = Environment.GetEnvironmentVariable(WebhookVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment) && Uri.TryCreate(fromEnvironment.Trim(), UriKind.Absolute, out _webhook)) return;
            // -WhatIf sends nothing, so it needs no webhook: it still says what would be sent.
            if (!WhatIfRequested)
                ThrowTerminating(ErrorIds.WebhookMissing, ErrorCategory.InvalidArgument, null,
                    $"No webhook: give -WebhookUri or set ${WebhookVariable} to the incoming-webhook URL of your {Kind} channel.");
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
                    foreach (string file in ResolvePaths(Path, ErrorIds.DigestNotFound,
                        p => $"No digest file matches '{p}'; the other digests are still sent. Check the path; Get-ChildItem lists what is there."))
                        SendFile(file);
                    break;
                default:
                    foreach (string p in LiteralPath) SendFile(FileSystemPath(p));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == TextSet) Send(_text.ToString(), "the piped digest");
        }

        /// <summary>Sends one digest file; a file that cannot be read is an error of its own, and the other files are still sent.</summary>
        private void SendFile(string path)
        {
            byte[] bytes;
            try { bytes = LocalFile.ReadAtMost(path, MaxDigestBytes); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteItemError(ErrorIds.DigestNotFound, ErrorCategory.ObjectNotFound, path, $"Cannot read the digest '{path}': {e.Message}", e);
                return;
            }
            if (bytes == null)
            {
                WriteItemError(ErrorIds.FileTooLarge, ErrorCategory.LimitsExceeded, path,
                    $"'{path}' is larger than {MaxDigestBytes / (1024 * 1024)} MB, which no digest is; nothing was sent from it. Check that -Path names a digest file.");
                return;
            }
            WriteVerbose($"Reading {path}.");
            Send(new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF'), path);
        }

        private void Send(string markdown, string origin)
        {
            DigestDocument digest = new DigestReader().Read(markdown);
            if (digest.IsFolderIndex)
            {
                WriteVerbose($"{origin} is an archive folder index (README.md), not a digest; nothing was sent from it.");
                return;
            }
            if (digest.Articles.Count == 0)
            {
                WriteWarning($"{origin}: the digest has no articles; nothing was sent.");
                return;
            }
            string title = DigestFormat.Default.Title(digest.Day ?? DateTime.Today);
            List<string> messages = WebhookMessageBuilder.Build(Kind, title, digest.Articles, SummaryLength);
            if (_webhook == null)
            {
                // Only under -WhatIf (BeginProcessing stops otherwise): say what would be posted, and post nothing.
                for (int i = 0; i < messages.Count; i++)
                    ShouldProcess($"{Kind} webhook (none given yet)", $"Post message {i + 1} of {messages.Count} ({messages[i].Length} characters)");
                return;
            }

            WebhookSender sender;
            try { sender = new WebhookSender(_webhook, new HttpClientSettings { Proxy = Proxy }) { MaxAttempts = MaxAttempts }; }
            catch (ArgumentException e) { ThrowTerminating(ErrorIds.WebhookMissing, ErrorCategory.InvalidArgument, null, e.Message, e); return; }
            using (sender)
            {
                var log = new List<string>();
                sender.Log = line => { lock (log) log.Add(line); };
                for (int i = 0; i < messages.Count; i++)
                {
                    string target = $"{Kind} webhook at {sender.Host}";
                    if (!ShouldProcess(target, $"Post message {i + 1} of {messages.Count} ({messages[i].Length} characters)")) continue;
                    WriteProgress(new ProgressRecord(2, "Sending the digest", $"Message {i + 1} of {messages.Count} to {sender.Host}") { PercentComplete = i * 100 / messages.Count });
                    WebhookResult result = sender.PostAsync(WebhookMessageBuilder.Payload(Kind, messages[i]), StopToken).GetAwaiter().GetResult();
                    result.Kind = Kind;
                    result.Part = i + 1;
                    result.Parts = messages.Count;
                    lock (log) { foreach (string line in log) WriteVerbose(line); log.Clear(); }
                    if (!result.Succeeded)
                        WriteItemError(ErrorIds.WebhookFailed, ErrorCategory.ConnectionError, $"{Kind} message {i + 1} of {messages.Count}",
                            $"Message {i + 1} of {messages.Count} was not delivered after {result.Attempts} attempt(s): {result.Error} Check the webhook URL and the channel's settings; the other messages are still sent.");
                    else WriteVerbose($"Delivered message {i + 1} of {messages.Count} to {sender.Host} ({result.Attempts} attempt(s)).");
                    if (PassThru) WriteObject(result);
                }
                WriteProgress(new ProgressRecord(2, "Sending the digest", "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
