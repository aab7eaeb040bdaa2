namespace AiNews.Tagging
{
    /// <summary>A possible main organization of an article: a named organization it mentions, or one of the buckets.</summary>
    internal sealed class OrganizationCandidate
    {
        public OrganizationCandidate(string label, bool named, FeatureVector features)
        {
            Label = label;
            Named = named;
            Features = features;
        }

        /// <summary>What Organization becomes when this candidate wins: "OpenAI", "국내 기업" ...</summary>
        public string Label { get; }
        public bool Named { get; }
        public FeatureVector Features { get; }
    }
}
