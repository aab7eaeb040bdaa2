namespace AiNews.Fetching
{
    /// <summary>What a <see cref="FetchEvent"/> carries.</summary>
    public enum FetchEventKind
    {
        /// <summary>A verbose line (<see cref="FetchEvent.Log"/>).</summary>
        Log,
        /// <summary>A request finished: <see cref="FetchEvent.Result"/> or <see cref="FetchEvent.Error"/> is set.</summary>
        Completed,
    }
}
