using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using AiNews.Common;
using AiNews.Http;

namespace AiNews.Summaries
{
    /// <summary>
    /// A minimal client for any OpenAI-compatible Chat Completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM,
    /// LM Studio, OpenRouter). The API key goes into a header and nowhere else: not into errors, not into logs.
    /// </summary>
    public sealed class ChatCompletionsClient : IDisposable
    {
        /// <summary>
        /// The largest response read: a completion of a few thousand tokens is well under 100 KB; a broken or hostile
        /// endpoint that streams 300 MB must not take gigabytes of memory. Read as a stream and given up at the cap.
        /// </summary>
        public const int MaxResponseBytes = 4 * 1024 * 1024;

        private readonly TimeSpan _timeout;
        private readonly HttpClient _http;
        private readonly Uri _uri;
        private readonly string _apiKey;
        private readonly bool _azure;

        /// <param name="settings">The proxy and User-Agent (null: the system proxy, the AiNews User-Agent).</param>
        public ChatCompletionsClient(string endpoint, string apiKey, TimeSpan timeout, HttpClientSettings settings = null)
        {
            _uri = ResolveEndpoint(endpoint);
            _apiKey = apiKey;
            _azure = _uri.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase);
            _timeout = timeout;
            settings = settings ?? new HttpClientSettings();
            settings.FollowRedirects = true; // an endpoint that moved is followed, as any HTTP client would
            // The timeout covers the whole call, body included (see Send); the factory's client has none of its own.
            _http = HttpClientFactory.Create(settings);
        }

        public Uri Uri => _uri;

        /// <summary>"http://localhost:11434/v1" → ".../v1/chat/completions"; a full URL (Azure's with ?api-version) stays as given.</summary>
        public static Uri ResolveEndpoint(string endpoint)
        {
            if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out Uri uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"The endpoint '{UriDisplay.WithoutQuery(endpoint)}' is not an http(s) URL.", nameof(endpoint));
            if (uri.AbsolutePath.TrimEnd('/').EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase)) return uri;
            var b = new UriBuilder(uri);
            b.Path = b.Path.TrimEnd('/') + "/chat/completions";
            return b.Uri;
        }

        /// <summary>
        /// One call. Failures come back in the reply (<see cref="ChatReply.Error"/>); only cancelling
        /// <paramref name="cancellationToken"/> (Ctrl+C) throws, an <see cref="OperationCanceledException"/>.
        /// </summary>
        public ChatReply Send(string model, string system, string user, int maxTokens, bool jsonMode, CancellationToken cancellationToken = default(CancellationToken))
        {
            var body = new StringBuilder();
            body.Append("{\"model\":").Append(Json.Quote(model))
                .Append(",\"messages\":[{\"role\":\"system\",\"content\":").Append(Json.Quote(system))
                .Append("},{\"role\":\"user\",\"content\":").Append(Json.Quote(user)).Append("}]")
                .Append(",\"max_tokens\":").Append(maxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(",\"temperature\":0.2");
            if (jsonMode) body.Append(",\"response_format\":{\"type\":\"json_object\"}");
            body.Append('}');

            var clock = System.Diagnostics.Stopwatch.StartNew();
            byte[] payload = new UTF8Encoding(false).GetBytes(body.ToString());
            ChatReply reply = SendBytes(payload, cancellationToken);
            reply.RequestBytes = payload.Length;
            reply.Elapsed = clock.Elapsed;
            return reply;
        }

        private ChatReply SendBytes(byte[] payload, CancellationToken cancellationToken)
        {
            using (var request = new HttpRequestMessage(HttpMethod.Post, _uri))
            {
                request.Content = new ByteArrayContent(payload);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                if (!string.IsNullOrEmpty(_apiKey))
                {
                    if (_azure) request.Headers.Add("api-key", _apiKey);
                    else request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _apiKey);
                }
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(_timeout);
                    HttpResponseMessage response;
                    try { response = _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).GetAwaiter().GetResult(); }
                    catch (HttpRequestException e) { return new ChatReply { Error = "the endpoint did not answer: " + e.Message, Transient = true }; }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { return TimedOut(); }
                    using (response)
                    using (timeout.Token.Register(response.Dispose)) // unblocks a read stuck on a stalled connection
                    {
                        string text;
                        try { text = ReadCapped(response.Content, timeout.Token); }
                        catch (InvalidDataException e) { return new ChatReply { StatusCode = (int)response.StatusCode, Error = e.Message }; }
                        catch (Exception) when (timeout.IsCancellationRequested)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            return TimedOut();
                        }
                        catch (Exception e) when (e is IOException || e is HttpRequestException || e is ObjectDisposedException)
                        {
                            return new ChatReply { StatusCode = (int)response.StatusCode, Error = "the connection broke during the answer: " + e.Message, Transient = true };
                        }
                        ChatReply reply = Interpret(response, text);
                        reply.ResponseBytes = Encoding.UTF8.GetByteCount(text);
                        return reply;
                    }
                }
            }
        }

        private ChatReply TimedOut() =>
            new ChatReply { Error = $"no complete answer within {_timeout.TotalSeconds:0} s (timed out; -TimeoutSec)", TimedOut = true };

        // The body as UTF-8, at most MaxResponseBytes; more is an error, never a bigger buffer.
        private static string ReadCapped(HttpContent content, CancellationToken cancel)
        {
            if (content == null) return string.Empty;
            using (Stream stream = content.ReadAsStreamAsync().GetAwaiter().GetResult())
            {
                BoundedBody body = BoundedReader.ReadAsync(stream, MaxResponseBytes, truncate: false, cancel).GetAwaiter().GetResult();
                if (body.Exceeded)
                    throw new InvalidDataException($"the answer is larger than {MaxResponseBytes / (1024 * 1024)} MB; it was not read further");
                return new UTF8Encoding(false, false).GetString(body.Bytes);
            }
        }

        private static ChatReply Interpret(HttpResponseMessage response, string text)
        {
            int status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
                return new ChatReply
                {
                    StatusCode = status,
                    Error = $"HTTP {status} {response.ReasonPhrase}",
                    Transient = RetryPolicy.IsTransient(status),
                };
            return Parse(text, status);
        }

        private static ChatReply Parse(string text, int status)
        {
            try
            {
                var root = Json.Parse(text) as Dictionary<string, object>;
                if (root != null && root.TryGetValue("choices", out object c) && c is List<object> choices && choices.Count > 0
                    && choices[0] is Dictionary<string, object> choice)
                {
                    string content = null;
                    if (choice.TryGetValue("message", out object m) && m is Dictionary<string, object> message)
                        content = Json.String(message, "content");
                    return new ChatReply { StatusCode = status, Content = content, FinishReason = Json.String(choice, "finish_reason") };
                }
                return new ChatReply { StatusCode = status, Error = "the response has no choices" };
            }
            catch (FormatException) { return new ChatReply { StatusCode = status, Error = "the response is not JSON" }; }
        }

        public void Dispose() => _http.Dispose();
    }
}
