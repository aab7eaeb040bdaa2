namespace AiNews.Commands
{
    /// <summary>Stable ids of AiNews error records (documented in docs/about_AiNews.md, ERROR IDS, and each cmdlet's NOTES); never rename one.</summary>
    public static class ErrorIds
    {
        public const string InvalidArticle = "AiNews.InvalidArticle";
        public const string FileExists = "AiNews.FileExists";
        public const string WriteFailed = "AiNews.WriteFailed";
        public const string DigestNotFound = "AiNews.DigestNotFound";
        public const string DigestUnreadable = "AiNews.DigestUnreadable";
        public const string DigestMalformed = "AiNews.DigestMalformed";
        public const string TimeZoneNotFound = "AiNews.TimeZoneNotFound";
        public const string InvalidFormat = "AiNews.InvalidFormat";
        public const string InvalidLayout = "AiNews.InvalidLayout";
        public const string ArchiveLocked = "AiNews.ArchiveLocked";
        public const string ArchiveUnreadable = "AiNews.ArchiveUnreadable";
        public const string ArchiveFileMalformed = "AiNews.ArchiveFileMalformed";
        public const string ArchiveNotWritable = "AiNews.ArchiveNotWritable";
        public const string PageNotRendered = "AiNews.PageNotRendered";
        public const string DateOutOfRange = "AiNews.DateOutOfRange";
        public const string WebhookMissing = "AiNews.WebhookMissing";
        public const string WebhookFailed = "AiNews.WebhookFailed";
        public const string FeedMalformed = Collection.CollectionErrorIds.FeedMalformed;
        public const string ExtractionFailed = Collection.CollectionErrorIds.ExtractionFailed;
        public const string FileUnreadable = Collection.CollectionErrorIds.FileUnreadable;
        public const string SourceNotFound = Collection.CollectionErrorIds.SourceNotFound;
        public const string SourceCatalogInvalid = "AiNews.SourceCatalogInvalid";
        public const string TaxonomyInvalid = "AiNews.TaxonomyInvalid";
        public const string SummaryFailed = "AiNews.SummaryFailed";
        public const string LlmFailed = "AiNews.LlmFailed";
        public const string FileTooLarge = Collection.CollectionErrorIds.FileTooLarge;
        public const string SchedulerUnavailable = "AiNews.SchedulerUnavailable";
        public const string InvalidSchedule = "AiNews.InvalidSchedule";
        public const string JobExists = "AiNews.JobExists";
        public const string JobNotFound = "AiNews.JobNotFound";
        public const string UnknownParameter = "AiNews.UnknownParameter";
        public const string ConflictingParameters = "AiNews.ConflictingParameters";
    }
}
