namespace AiNews.Commands
{
    /// <summary>Stable ids of AiNews error records (documented in docs/about_AiNews.md, ERROR IDS, and each cmdlet's NOTES); never rename one.</summary>
    public static class ErrorIds
    {
        public const string InvalidArticle = "AiNews.InvalidArticle";
        public const string DuplicateArticle = "AiNews.DuplicateArticle";
        public const string FileExists = "AiNews.FileExists";
        public const string WriteFailed = "AiNews.WriteFailed";
        public const string DigestNotFound = "AiNews.DigestNotFound";
        public const string DigestUnreadable = "AiNews.DigestUnreadable";
        public const string DigestMalformed = "AiNews.DigestMalformed";
        public const string TimeZoneNotFound = "AiNews.TimeZoneNotFound";
    }
}
