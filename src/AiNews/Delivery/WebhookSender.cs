using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AiNews.Common;
using AiNews.Http;

namespace AiNews.Delivery
{
    /// <summary>
    /// Posts messages to an incoming webhook, retrying as <see cref="RetryPolicy"/> says (429 and transient 5xx, with
    /// backoff) and honouring Retry-After (the header, or Discord's "retry_after" in the body). The webhook URL is a
    /// secret: it is never put into messages or logs; only its host is. Nor is any of a reply's body, which may echo the
    /// URL or a token: it is read (at most <see cref="MaxReplyBytes"/>, as bytes, whatever charset it claims) only to find
    /// Discord's retry_after.
    /// </summary>
    public sealed class WebhookSender : IDisposable
    {
        /// <summary>
        /// The most of a reply's body read: a rate-limit reply is a few hundred bytes; a misbehaving endpoint that
        /// answers with megabytes must not cost memory for a number we look for in the first line.
        /// </summary>
        public const int MaxReplyBytes = 64 * 1024;

        private readonly HttpClient _client;
        private readonly Uri _uri;

        /// <param name="webhook">The incoming-webhook URL (a secret).</param>
        /// <param name="settings">The proxy and User-Agent (null: the system proxy, the AiNews User-Agent).</param>
        /// <param name="handler">A transport to use as is (tests); null makes one from <paramref name="settings"/>.</param>
        public WebhookSender(Uri webhook, HttpClientSettings settings = null, HttpMessageHandler handler = null)
        {
            _uri = webhook ?? throw new ArgumentNullException(nameof(webhook));
            if (!webhook.IsAbsoluteUri)
                throw new ArgumentException("The webhook URL is not an absolute http or https URL; give the full incoming-webhook URL your channel shows.", nameof(webhook));
            if (webhook.Scheme != Uri.UriSchemeHttps && webhook.Scheme != Uri.UriSchemeHttp)
                throw new ArgumentException($"A webhook URL must be http or https, not '{webhook.Scheme}'.", nameof(webhook));
            settings = settings ?? new HttpClientSettings();
            settings.FollowRedirects = true; // a webhook that moved is followed, as any HTTP client would
            _client = HttpClientFactory.Create(settings, handler);
        }

        public int MaxAttempts { get; set; } = 4;
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
        /// <summary>The longest wait a Retry-After may impose before the post is given up.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>Time allowed for the answer's headers, and again for reading its body.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
        /// <summary>Called with a line for -Verbose (retries and waits).</summary>
        public Action<string> Log { get; set; }

        public string Host => _uri.Host;

        /// <summary>Posts <paramref name="json"/>; cancelling <paramref name="cancel"/> (Ctrl+C) ends the post and its waits at once.</summary>
        public async Task<WebhookResult> PostAsync(string json, CancellationToken cancel)
        {
            var policy = new RetryPolicy(Math.Max(0, MaxAttempts - 1), BaseDelay, MaxDelay);
            var result = new WebhookResult();
            for (int attempt = 1; ; attempt++)
            {
                result.Attempts = attempt;
                TimeSpan? wait = null;
                try
                {
                    using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel))
                    using (var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") })
                    {
                        timeout.CancelAfter(Timeout);
                        // ResponseHeadersRead: the reply's body is read by ReadReplyAsync, capped, not buffered whole by HttpClient.
                        using (HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                        {
                            result.StatusCode = (int)response.StatusCode;
                            if (response.IsSuccessStatusCode) return result;
                            string body;
                            using (var reading = CancellationTokenSource.CreateLinkedTokenSource(cancel))
                            using (reading.Token.Register(response.Dispose)) // unblocks a read stuck on a stalled connection
                            {
                                reading.CancelAfter(Timeout);
                                body = await ReadReplyAsync(response, reading.Token).ConfigureAwait(false);
                            }
                            result.Error = $"{_uri.Host} answered {result.StatusCode} {Scrub(response.ReasonPhrase)} (its reply is not shown: it may echo the webhook's secret).";
                            if (!RetryPolicy.IsTransient(result.StatusCode) || !policy.MayRetryAfter(attempt)) return result;
                            wait = RetryPolicy.RetryAfter(response) ?? DiscordRetryAfter(body) ?? policy.Backoff(attempt);
                        }
                    }
                }
                catch (HttpRequestException e)
                {
                    result.StatusCode = 0;
                    result.Error = $"Could not reach {_uri.Host}: {Scrub(e.Message)}";
                    if (!policy.MayRetryAfter(attempt)) return result;
                    wait = policy.Backoff(attempt);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    result.StatusCode = 0;
                    result.Error = $"{_uri.Host} did not answer within {Timeout.TotalSeconds:0} s.";
                    if (!policy.MayRetryAfter(attempt)) return result;
                    wait = policy.Backoff(attempt);
                }
                if (policy.IsTooLong(wait.Value))
                {
                    result.Error += $" It asked to wait {wait.Value.TotalSeconds:0} s, longer than the {MaxDelay.TotalSeconds:0} s allowed.";
                    return result;
                }
                Log?.Invoke($"{result.Error} Retrying in {wait.Value.TotalSeconds:0.#} s (attempt {attempt + 1} of {MaxAttempts}).");
                await Task.Delay(wait.Value, cancel).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Discord's rate-limit reply says how long to wait in its JSON body ({"retry_after": 0.5, ...}, in seconds) when
        /// it sends no Retry-After header. Null when the body is not such an object.
        /// </summary>
        private static TimeSpan? DiscordRetryAfter(string body)
        {
            double? seconds = Json.Number(Json.TryParse(body ?? string.Empty) as IDictionary<string, object>, "retry_after");
            if (!seconds.HasValue || double.IsNaN(seconds.Value) || seconds.Value < 0) return null;
            return TimeSpan.FromSeconds(Math.Min(seconds.Value, int.MaxValue)); // absurd waits stay representable (and too long)
        }

        // The first MaxReplyBytes of the body as UTF-8 (invalid bytes replaced): a bogus charset label cannot throw.
        private static async Task<string> ReadReplyAsync(HttpResponseMessage response, CancellationToken cancel)
        {
            if (response.Content == null) return string.Empty;
            try
            {
                using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    BoundedBody body = await BoundedReader.ReadAsync(stream, MaxReplyBytes, truncate: true, cancel).ConfigureAwait(false);
                    return new UTF8Encoding(false, false).GetString(body.Bytes);
                }
            }
            catch (Exception e) when (e is System.IO.IOException || e is HttpRequestException || e is ObjectDisposedException || e is OperationCanceledException)
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
