namespace AiNews.Collection
{
    /// <summary>How far the run is: feeds and pages done of those known so far.</summary>
    public sealed class CollectionProgress : CollectionEvent
    {
        public CollectionProgress(string status, int percentComplete, bool completed)
        {
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
        }

        /// <summary>"2 of 3 feed(s), 10 of 24 page(s)", or "Done".</summary>
        public string Status { get; }
        public int PercentComplete { get; }
        /// <summary>True for the last progress event of a run.</summary>
        public bool Completed { get; }

        public override string ToString() => Status;
    }
}
