namespace AiNews.Collection
{
    /// <summary>
    /// Something <see cref="ArticleCollector.Collect"/> hands to its caller, in the order it happened: an
    /// <see cref="ArticleCollected"/>, a <see cref="CollectionProblem"/>, a <see cref="CollectionProgress"/> or a
    /// <see cref="CollectionLog"/>. The caller (Get-AiArticle) writes each to its pipeline stream.
    /// </summary>
    public abstract class CollectionEvent
    {
        internal CollectionEvent() { }
    }
}
