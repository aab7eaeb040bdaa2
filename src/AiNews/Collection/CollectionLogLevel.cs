namespace AiNews.Collection
{
    /// <summary>Which stream a <see cref="CollectionLog"/> line belongs on.</summary>
    public enum CollectionLogLevel
    {
        /// <summary>Explains what the run did (-Verbose).</summary>
        Verbose,
        /// <summary>Something the user should know although nothing failed (an oversized feed cut short, an unknown zone).</summary>
        Warning,
    }
}
