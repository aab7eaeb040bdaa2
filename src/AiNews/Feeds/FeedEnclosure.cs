namespace AiNews.Feeds
{
    /// <summary>An attached file: a podcast's audio, an image.</summary>
    public sealed class FeedEnclosure
    {
        public string Url { get; set; }
        public string Type { get; set; }
        public long? Length { get; set; }
    }
}
