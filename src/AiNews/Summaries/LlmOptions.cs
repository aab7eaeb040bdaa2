using System;

namespace AiNews.Summaries
{
    /// <summary>Which endpoint and model <see cref="LlmSummarizer"/> asks, and how.</summary>
    public sealed class LlmOptions
    {
        public string Endpoint { get; set; }
        public string Model { get; set; }
        public string ApiKey { get; set; }
        /// <summary>"ko" or "en" for the summary's language; null writes in the article's own language.</summary>
        public string Language { get; set; }
        public int MaxTokens { get; set; } = 1024;
        /// <summary>The budget of the one retry: reasoning models spend the first on thinking and stop with "length".</summary>
        public int RetryMaxTokens { get; set; } = 4096;
        public int MaxInputCharacters { get; set; } = 6000;
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);
        public bool JsonMode { get; set; } = true;
        /// <summary>A proxy for the endpoint (-Proxy); null means the system proxy.</summary>
        public Uri Proxy { get; set; }
    }
}
