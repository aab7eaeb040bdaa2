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
}
