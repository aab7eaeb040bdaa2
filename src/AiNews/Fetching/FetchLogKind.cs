namespace AiNews.Fetching
{
    public enum FetchLogKind
    {
        Fetched,
        FromCache,
        Redirected,
        Retrying,
        Skipped,
        Failed,
        Robots,
        Cache,
    }
}
