namespace AiNews.Collection
{
    /// <summary>
    /// Stable ids of the problems the collector finds itself (fetch failures carry <see cref="Http.FetchErrorIds"/>);
    /// Commands.ErrorIds lists them with the others. Never rename one.
    /// </summary>
    public static class CollectionErrorIds
    {
        public const string SourceNotFound = "AiNews.SourceNotFound";
        public const string FeedMalformed = "AiNews.FeedMalformed";
        public const string ExtractionFailed = "AiNews.ExtractionFailed";
        public const string FileUnreadable = "AiNews.FileUnreadable";
        public const string FileTooLarge = "AiNews.FileTooLarge";
    }
}
