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
        /// <summary>Whether asking again may help (429, 5xx), as opposed to 401/404, an oversized answer or a timeout.</summary>
        public bool Transient { get; set; }
        /// <summary>True when the endpoint did not answer within the timeout.</summary>
        public bool TimedOut { get; set; }
        /// <summary>The size of the request body sent (UTF-8 bytes), for -Debug.</summary>
        public long RequestBytes { get; set; }
        /// <summary>The size of the response body read (bytes; 0 when none was read), for -Debug.</summary>
        public long ResponseBytes { get; set; }
        /// <summary>How long the call took, answer included.</summary>
        public System.TimeSpan Elapsed { get; set; }
    }
}
