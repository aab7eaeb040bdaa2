using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace AiNews.Delivery
{
    /// <summary>The outcome of one posted message.</summary>
    public sealed class WebhookResult
    {
        public WebhookKind Kind { get; internal set; }
        public int Part { get; internal set; }
        public int Parts { get; internal set; }
        public int StatusCode { get; internal set; }
        public int Attempts { get; internal set; }
        public bool Succeeded => StatusCode >= 200 && StatusCode < 300;
        /// <summary>What went wrong, for a failed post.</summary>
        public string Error { get; internal set; }
    }

    /// <summary>
    /// Posts messages to an incoming webhook, retrying 429 and 5xx with exponential backoff and honouring
    /// Retry-After (the header, or Discord's "retry_after" in the body). The webhook URL is a secret: it is
    /// never put into messages or logs; only its host is. Nor is any of a reply's body, which may echo the URL or a
    /// token: it is read (at most <see cref="MaxReplyBytes"/>, as bytes, whatever charset it claims) only to find
    /// Discord's retry_after.
    /// </summary>
    public sealed class WebhookSender : IDisposable
    {
        /// <summary>
        /// The most of a reply's body read: a rate-limit reply is a few hundred bytes; a misbehaving endpoint that
        /// answers with megabytes must not cost memory for a number we look for in the first line.
        /// </summary>
        public const int MaxReplyBytes = 64 * 1024;

        private static readonly Regex DiscordRetryAfter = new Regex("\"retry_after\"\\s*:\\s*([0-9.]+)", RegexOptions.CultureInvariant);
        private readonly HttpClient _client;
        private readonly Uri _uri;

        public WebhookSender(Uri webhook, HttpMessageHandler handler = null)
        {
            _uri = webhook ?? throw new ArgumentNullException(nameof(webhook));
            if (!webhook.IsAbsoluteUri)
                throw new ArgumentException("The webhook URL is not an absolute http or https URL; give the full incoming-webhook URL your channel shows.", nameof(webhook));
            if (webhook.Scheme != Uri.UriSchemeHttps && webhook.Scheme != Uri.UriSchemeHttp)
                throw new ArgumentException($"A webhook URL must be http or https, not '{webhook.Scheme}'.", nameof(webhook));
            _client = handler == null ? new HttpClient() : new HttpClient(handler);
            _client.Timeout = TimeSpan.FromSeconds(30);
        }

        public int MaxAttempts { get; set; } = 4;
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
        /// <summary>The longest wait a Retry-After may impose before the post is given up.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>Called with a line for -Verbose (retries and waits).</summary>
        public Action<string> Log { get; set; }

        public string Host => _uri.Host;

        public async Task<WebhookResult> PostAsync(string json, CancellationToken cancel)
        {
            var result = new WebhookResult();
            for (int attempt = 1; ; attempt++)
            {
                result.Attempts = attempt;
                TimeSpan? wait = null;
                try
                {
                    // ResponseHeadersRead: the reply's body is read by ReadReplyAsync, capped, not buffered whole by HttpClient.
                    using (var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") })
                    using (HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false))
                    {
                        result.StatusCode = (int)response.StatusCode;
                        if (response.IsSuccessStatusCode) return result;
                        string body;
                        using (var reading = CancellationTokenSource.CreateLinkedTokenSource(cancel))
                        using (reading.Token.Register(response.Dispose)) // unblocks a read stuck on a stalled connection
                        {
                            reading.CancelAfter(_client.Timeout);
                            body = await ReadReplyAsync(response, reading.Token).ConfigureAwait(false);
                        }
                        bool retryable = result.StatusCode == 429 || result.StatusCode >= 500;
                        result.Error = $"{_uri.Host} answered {result.StatusCode} {Scrub(response.ReasonPhrase)} (its reply is not shown: it may echo the webhook's secret).";
                        if (!retryable || attempt >= MaxAttempts) return result;
                        wait = RetryAfter(response, body) ?? Backoff(attempt);
                    }
                }
                catch (HttpRequestException e)
                {
                    result.StatusCode = 0;
                    result.Error = $"Could not reach {_uri.Host}: {Scrub(e.Message)}";
                    if (attempt >= MaxAttempts) return result;
                    wait = Backoff(attempt);
                }
                catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
                {
                    result.StatusCode = 0;
                    result.Error = $"{_uri.Host} did not answer within {_client.Timeout.TotalSeconds:0} s.";
                    if (attempt >= MaxAttempts) return result;
                    wait = Backoff(attempt);
                }
                if (wait.Value > MaxDelay)
                {
                    result.Error += $" It asked to wait {wait.Value.TotalSeconds:0} s, longer than the {MaxDelay.TotalSeconds:0} s allowed.";
                    return result;
                }
                Log?.Invoke($"{result.Error} Retrying in {wait.Value.TotalSeconds:0.#} s (attempt {attempt + 1} of {MaxAttempts}).");
                await Task.Delay(wait.Value, cancel).ConfigureAwait(false);
            }
        }

        private TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));

        private static TimeSpan? RetryAfter(HttpResponseMessage response, string body)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta != null) return header.Delta.Value;
            if (header?.Date != null) return header.Date.Value - DateTimeOffset.UtcNow > TimeSpan.Zero ? header.Date.Value - DateTimeOffset.UtcNow : TimeSpan.Zero;
            Match m = DiscordRetryAfter.Match(body ?? string.Empty);
            if (m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                return TimeSpan.FromSeconds(seconds);
            return null;
        }

        // The first MaxReplyBytes of the body as UTF-8 (invalid bytes replaced): a bogus charset label cannot throw.
        private static async Task<string> ReadReplyAsync(HttpResponseMessage response, CancellationToken cancel)
        {
            if (response.Content == null) return string.Empty;
            try
            {
                using (Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    var buffer = new byte[MaxReplyBytes];
                    int total = 0, n;
                    while (total < buffer.Length && (n = await stream.ReadAsync(buffer, total, buffer.Length - total, cancel).ConfigureAwait(false)) > 0)
                        total += n;
                    return new UTF8Encoding(false, false).GetString(buffer, 0, total);
                }
            }
            catch (Exception e) when (e is IOException || e is HttpRequestException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                return string.Empty; // the status says what matters; a broken body only loses a retry_after hint
            }
        }

        // Whatever a message from the network stack says, the webhook's path and query (its secret) do not appear in it.
        private string Scrub(string text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            foreach (string secret in new[] { _uri.PathAndQuery, _uri.AbsolutePath, _uri.Query, Uri.UnescapeDataString(_uri.PathAndQuery) })
                if (secret.Length > 1) text = text.Replace(secret, "/…");
            return text;
        }

        public void Dispose() => _client.Dispose();
    }
}
