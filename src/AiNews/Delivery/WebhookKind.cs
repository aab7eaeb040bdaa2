namespace AiNews.Delivery
{
    /// <summary>The chat services whose incoming webhooks Send-AiDigest speaks.</summary>
    public enum WebhookKind
    {
        Slack,
        Teams,
        Discord,
    }
}
