namespace AiNews.Fetching
{
    /// <summary>What the caller expects; decides the Accept header, the content-type check and the error ids.</summary>
    public enum FetchKind
    {
        /// <summary>Anything; no content-type check.</summary>
        Any = 0,
        /// <summary>An RSS, RDF or Atom feed (XML).</summary>
        Feed = 1,
        /// <summary>An HTML page.</summary>
        Html = 2,
    }
}
