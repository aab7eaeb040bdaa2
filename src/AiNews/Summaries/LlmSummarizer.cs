using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using AiNews.Common;
using AiNews.Http;
using AiNews.Tagging;
using AiNews.Text;

namespace AiNews.Summaries
{
    /// <summary>
    /// Summarises and labels articles with one structured Chat Completions request each. Every answer is checked
    /// (empty content, finish_reason "length", invalid JSON, labels outside the taxonomy); a bad one is asked again
    /// once with a larger token budget, and a second failure returns <see cref="LlmStatus.FellBack"/> for the caller
    /// to use the extractive summary.
    /// </summary>
    public sealed class LlmSummarizer : IDisposable
    {
        /// <summary>Part of the cache key: change it whenever the prompt changes meaning.</summary>
        public const string PromptVersion = "summary-labels-v1";

        /// <summary>
        /// The longest summary accepted: the prompt asks for 2-3 sentences (about 300-600 characters); a summary past
        /// 2,000 is the model rambling or an endpoint stuffing the digest, and is asked again, then replaced by the
        /// extractive one.
        /// </summary>
        public const int MaxSummaryCharacters = 2000;

        /// <summary>
        /// Timeouts in a row after which the endpoint is given up for the rest of the run: each one costs -TimeoutSec per
        /// article, and an endpoint that is down or overloaded for two articles rarely recovers within the run.
        /// </summary>
        public const int ConsecutiveTimeoutsToGiveUp = 2;

        private readonly LlmOptions _options;
        private readonly Taxonomy _taxonomy;
        private readonly ChatCompletionsClient _client;
        private readonly SummaryCache _cache;
        private readonly HashSet<string> _orgLabels, _tagLabels;
        private bool _jsonMode;
        private int _timeoutsInARow;

        public LlmSummarizer(LlmOptions options, Taxonomy taxonomy, SummaryCache cache)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (string.IsNullOrWhiteSpace(options.Model)) throw new ArgumentException("A model name is required.", nameof(options));
            _taxonomy = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));
            _client = new ChatCompletionsClient(options.Endpoint, options.ApiKey, options.Timeout, new HttpClientSettings { Proxy = options.Proxy });
            _cache = cache;
            _jsonMode = options.JsonMode;
            _orgLabels = new HashSet<string>(taxonomy.OrganizationLabels, StringComparer.Ordinal);
            _tagLabels = new HashSet<string>(taxonomy.Tags.Select(t => t.Name), StringComparer.Ordinal);
        }

        public Uri Endpoint => _client.Uri;

        /// <summary>
        /// Receives one line per cache look-up and per request (sizes, status, time) for -Debug; called on the caller's
        /// thread. The lines name the article and the model, never the API key or the endpoint's query.
        /// </summary>
        public Action<string> Trace { get; set; }

        /// <summary>Summarises and labels one article; cancelling <paramref name="cancellationToken"/> (Ctrl+C) throws an OperationCanceledException.</summary>
        public LlmOutcome Summarize(string title, string content, string articleLanguage, CancellationToken cancellationToken = default(CancellationToken))
        {
            string language = _options.Language ?? LanguageGuess.Decide(articleLanguage, title, content) ?? "en";
            string key = SummaryCache.Key(_options.Model, PromptVersion, language, title, content);
            LlmResult cached = _cache?.Get(key);
            if (cached != null && Validate(cached, title) == null)
            {
                Trace?.Invoke($"LLM cache hit for '{title}' (key {key.Substring(0, Math.Min(12, key.Length))}…).");
                return new LlmOutcome { Status = LlmStatus.Cached, Result = cached };
            }
            Trace?.Invoke($"LLM cache {(cached == null ? "miss" : "entry unusable")} for '{title}'{(_cache == null ? " (no cache)" : "")}.");
            if (_timeoutsInARow >= ConsecutiveTimeoutsToGiveUp)
                return new LlmOutcome { Status = LlmStatus.FellBack, Problem = $"the endpoint timed out {_timeoutsInARow} times in a row, so it is not asked again in this run" };

            string system = SystemPrompt(language);
            string user = UserPrompt(title, content);
            if (content != null && content.Length > _options.MaxInputCharacters)
                Trace?.Invoke($"'{title}': the body is cut to its first {_options.MaxInputCharacters:N0} of {content.Length:N0} characters for the request.");
            string first = Attempt(system, user, _options.MaxTokens, title, cancellationToken, out LlmResult result);
            if (first == null)
            {
                _cache?.Put(key, result);
                return new LlmOutcome { Status = LlmStatus.Ok, Result = result };
            }
            if (first.StartsWith("!", StringComparison.Ordinal))    // not worth a retry (401, 404 ...)
                return new LlmOutcome { Status = LlmStatus.FellBack, Problem = first.Substring(1) };
            string second = Attempt(system, user, Math.Max(_options.RetryMaxTokens, _options.MaxTokens * 2), title, cancellationToken, out result);
            if (second == null)
            {
                _cache?.Put(key, result);
                return new LlmOutcome { Status = LlmStatus.Retried, Result = result, Problem = first };
            }
            return new LlmOutcome { Status = LlmStatus.FellBack, Problem = first + "; retry: " + second.TrimStart('!') };
        }

        // Null when the answer is good; otherwise what was wrong ("!" in front: do not retry).
        private string Attempt(string system, string user, int maxTokens, string title, CancellationToken cancellationToken, out LlmResult result)
        {
            result = null;
            ChatReply reply = Send(system, user, maxTokens, title, cancellationToken);
            if (reply.StatusCode == 400 && _jsonMode)
            {
                // Some servers (LM Studio, older vLLM) reject response_format json_object: ask without it from now on.
                _jsonMode = false;
                reply = Send(system, user, maxTokens, title, cancellationToken);
            }
            // A timeout is not retried: the retry would wait as long again, and a larger budget makes it slower still.
            _timeoutsInARow = reply.TimedOut ? _timeoutsInARow + 1 : 0;
            if (reply.Error != null) return (reply.Transient ? "" : "!") + reply.Error;
            if (string.Equals(reply.FinishReason, "length", StringComparison.OrdinalIgnoreCase))
                return $"finish_reason 'length' (the {maxTokens}-token budget ran out)";
            if (string.IsNullOrWhiteSpace(reply.Content)) return "empty content";
            Dictionary<string, object> obj = ParseObject(reply.Content);
            if (obj == null) return "the content is not a JSON object";
            result = new LlmResult
            {
                Summary = TextNormalizer.SingleLine(Json.String(obj, "summary") ?? string.Empty),
                Organization = Json.String(obj, "organization")?.Trim(),
                Tags = Json.Strings(obj, "tags").Distinct().ToArray(),
                Importance = Json.String(obj, "importance")?.Trim(),
            };
            string problem = Validate(result, title);
            if (problem != null) { result = null; return problem; }
            return null;
        }

        private ChatReply Send(string system, string user, int maxTokens, string title, CancellationToken cancellationToken)
        {
            ChatReply reply = _client.Send(_options.Model, system, user, maxTokens, _jsonMode, cancellationToken);
            Trace?.Invoke($"LLM request for '{title}': {reply.RequestBytes:N0} bytes sent ({_options.Model}, max_tokens {maxTokens}, JSON mode {(_jsonMode ? "on" : "off")}); "
                + (reply.StatusCode > 0 ? $"HTTP {reply.StatusCode}, {reply.ResponseBytes:N0} bytes back" : "no answer")
                + $" in {reply.Elapsed.TotalSeconds:0.0} s"
                + (reply.FinishReason != null ? $", finish_reason {reply.FinishReason}" : "")
                + (reply.Error != null ? $"; {reply.Error}" : "") + ".");
            return reply;
        }

        private string Validate(LlmResult r, string title)
        {
            if (string.IsNullOrWhiteSpace(r.Summary)) return "no summary in the answer";
            if (r.Summary.Length > MaxSummaryCharacters) return $"the summary has {r.Summary.Length:N0} characters, more than the {MaxSummaryCharacters:N0} allowed";
            if (string.Equals(r.Summary.Trim(), TextNormalizer.SingleLine(title), StringComparison.Ordinal)) return "the summary repeats the title";
            if (r.Organization == null || !_orgLabels.Contains(r.Organization)) return $"organization '{r.Organization}' is not in the taxonomy";
            string stray = r.Tags.FirstOrDefault(t => !_tagLabels.Contains(t));
            if (stray != null) return $"tag '{stray}' is not in the taxonomy";
            if (!ImportanceLevel.TryNormalize(r.Importance, out string grade)) return $"importance '{r.Importance}' is not one of {string.Join(", ", ImportanceLevel.All)}";
            r.Importance = grade;
            return null;
        }

        // Models wrap JSON in ``` fences or add a sentence around it: take the outermost object.
        private static Dictionary<string, object> ParseObject(string content)
        {
            int start = content.IndexOf('{'), end = content.LastIndexOf('}');
            if (start < 0 || end <= start) return null;
            try { return Json.Parse(content.Substring(start, end - start + 1)) as Dictionary<string, object>; }
            catch (FormatException) { return null; }
        }

        private string SystemPrompt(string language)
        {
            var sb = new StringBuilder();
            sb.AppendLine("You are the editor of a daily AI news digest. Read the article and answer with ONE JSON object and nothing else:");
            sb.AppendLine("{\"summary\": string, \"organization\": string, \"tags\": [string], \"importance\": string}");
            sb.AppendLine(language != null && language.StartsWith("ko", StringComparison.OrdinalIgnoreCase)
                ? "summary: 2-3 plain sentences in Korean (한국어), factual, no title repetition, no bylines or photo credits."
                : "summary: 2-3 plain sentences in English, factual, no title repetition, no bylines or photo credits.");
            sb.AppendLine("organization: the ONE organization the story is mainly about, exactly one of: " + string.Join(", ", _taxonomy.OrganizationLabels) + ".");
            sb.AppendLine("Use a bucket when the subject is not a named organization: " + _taxonomy.BucketName(Taxonomy.Research) + " (Korean universities and public institutes), "
                + _taxonomy.BucketName(Taxonomy.Government) + " (any government body), " + _taxonomy.BucketName(Taxonomy.Domestic) + " (other Korean companies), "
                + _taxonomy.BucketName(Taxonomy.Foreign) + " (other foreign companies and labs), " + _taxonomy.BucketName(Taxonomy.Other) + " (no single main organization).");
            sb.AppendLine("tags: 0 to 5 of these, only when the topic is a main subject:");
            foreach (TagEntry t in _taxonomy.Tags)
                sb.Append("- ").Append(t.Name).Append(string.IsNullOrEmpty(t.Description) ? "" : ": " + t.Description).AppendLine();
            sb.AppendLine("importance: one of 주요 (major news), 일반 (normal), 참고 (minor or only loosely about AI).");
            return sb.ToString();
        }

        private string UserPrompt(string title, string content)
        {
            string body = content ?? string.Empty;
            if (body.Length > _options.MaxInputCharacters) body = body.Substring(0, _options.MaxInputCharacters);
            return "Title: " + (title ?? string.Empty) + "\n\nText:\n" + body;
        }

        public void Dispose() => _client.Dispose();
    }
}
