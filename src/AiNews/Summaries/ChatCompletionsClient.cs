using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;

namespace AiNews.Summaries
{
    /// <summary>What one Chat Completions call returned: the message text and why generation stopped.</summary>
    public sealed class ChatReply
    {
        public int StatusCode { get; set; }
        public string Content { get; set; }
        public string FinishReason { get; set; }
        /// <summary>Why the call failed (HTTP status, unreadable body), or null.</summary>
        public string Error { get; set; }
        /// <summary>Whether asking again may help (429, 5xx, timeouts), as opposed to 401/404.</summary>
        public bool Transient { get; set; }
    }

    /// <summary>
    /// A minimal client for any OpenAI-compatible Chat Completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM,
    /// LM Studio, OpenRouter). The API key goes into a header and nowhere else: not into errors, not into logs.
    /// </summary>
    public sealed class ChatCompletionsClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly Uri _uri;
        private readonly string _apiKey;
        private readonly bool _azure;

        public ChatCompletionsClient(string endpoint, string apiKey, TimeSpan timeout)
        {
            _uri = ResolveEndpoint(endpoint);
            _apiKey = apiKey;
            _azure = _uri.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase);
            _http = new HttpClient { Timeout = timeout };
        }

        public Uri Uri => _uri;

        /// <summary>"http://localhost:11434/v1" → ".../v1/chat/completions"; a full URL (Azure's with ?api-version) stays as given.</summary>
        public static Uri ResolveEndpoint(string endpoint)
        {
            if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out Uri uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"The endpoint '{endpoint}' is not an http(s) URL.", nameof(endpoint));
            if (uri.AbsolutePath.TrimEnd('/').EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase)) return uri;
            var b = new UriBuilder(uri);
            b.Path = b.Path.TrimEnd('/') + "/chat/completions";
            return b.Uri;
        }

        public ChatReply Send(string model, string system, string user, int maxTokens, bool jsonMode)
        {
            var body = new StringBuilder();
            body.Append("{\"model\":").Append(Json.Quote(model))
                .Append(",\"messages\":[{\"role\":\"system\",\"content\":").Append(Json.Quote(system))
                .Append("},{\"role\":\"user\",\"content\":").Append(Json.Quote(user)).Append("}]")
                .Append(",\"max_tokens\":").Append(maxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(",\"temperature\":0.2");
            if (jsonMode) body.Append(",\"response_format\":{\"type\":\"json_object\"}");
            body.Append('}');

            using (var request = new HttpRequestMessage(HttpMethod.Post, _uri))
            {
                request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
                if (!string.IsNullOrEmpty(_apiKey))
                {
                    if (_azure) request.Headers.Add("api-key", _apiKey);
                    else request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _apiKey);
                }
                HttpResponseMessage response;
                try { response = _http.SendAsync(request).GetAwaiter().GetResult(); }
                catch (HttpRequestException e) { return new ChatReply { Error = "the endpoint did not answer: " + e.Message, Transient = true }; }
                catch (System.Threading.Tasks.TaskCanceledException) { return new ChatReply { Error = "the request timed out", Transient = true }; }
                using (response)
                {
                    string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                    int status = (int)response.StatusCode;
                    if (!response.IsSuccessStatusCode)
                        return new ChatReply
                        {
                            StatusCode = status,
                            Error = $"HTTP {status} {response.ReasonPhrase}",
                            Transient = status == 429 || status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
                        };
                    return Parse(text, status);
                }
            }
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
