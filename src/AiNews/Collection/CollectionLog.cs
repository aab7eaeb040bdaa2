namespace AiNews.Collection
{
    /// <summary>A line for the verbose or the warning stream.</summary>
    public sealed class CollectionLog : CollectionEvent
    {
        public CollectionLog(CollectionLogLevel level, string message)
        {
            Level = level;
            Message = message;
        }

        public CollectionLogLevel Level { get; }
        public string Message { get; }

        public override string ToString() => Message;
    }
}
