using System;
using System.Globalization;
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
    /// never put into messages or logs; only its host is.
    /// </summary>
    public sealed class WebhookSender : IDisposable
    {
        private static readonly Regex DiscordRetryAfter = new Regex("\"retry_after\"\\s*:\\s*([0-9.]+)", RegexOptions.CultureInvariant);
        private readonly HttpClient _client;
        private readonly Uri _uri;

        public WebhookSender(Uri webhook, HttpMessageHandler handler = null)
        {
            _uri = webhook ?? throw new ArgumentNullException(nameof(webhook));
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
                    using (var content = new StringContent(json, Encoding.UTF8, "application/json"))
                    using (HttpResponseMessage response = await _client.PostAsync(_uri, content, cancel).ConfigureAwait(false))
                    {
                        result.StatusCode = (int)response.StatusCode;
                        if (response.IsSuccessStatusCode) return result;
                        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        bool retryable = result.StatusCode == 429 || result.StatusCode >= 500;
                        result.Error = $"{_uri.Host} answered {result.StatusCode} {response.ReasonPhrase}: {Shorten(body)}";
                        if (!retryable || attempt >= MaxAttempts) return result;
                        wait = RetryAfter(response, body) ?? Backoff(attempt);
                    }
                }
                catch (HttpRequestException e)
                {
                    result.StatusCode = 0;
                    result.Error = $"Could not reach {_uri.Host}: {e.Message}";
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

        private static string Shorten(string body)
        {
            string b = (body ?? string.Empty).Trim();
            return b.Length > 200 ? b.Substring(0, 200) + "…" : b;
        }

        public void Dispose() => _client.Dispose();
    }
}
