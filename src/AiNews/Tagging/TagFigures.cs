namespace AiNews.Tagging
{
    /// <summary>Counts for one tag (or all tags, micro-averaged) and the precision, recall and F1 they give.</summary>
    public sealed class TagFigures
    {
        public int TruePositives { get; set; }
        public int FalsePositives { get; set; }
        public int FalseNegatives { get; set; }
        /// <summary>Articles that carry the tag by their labels.</summary>
        public int Support => TruePositives + FalseNegatives;
        public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => Support == 0 ? 0 : (double)TruePositives / Support;
        public double F1 => 2 * TruePositives + FalsePositives + FalseNegatives == 0 ? 0
            : 2.0 * TruePositives / (2 * TruePositives + FalsePositives + FalseNegatives);
    }
}
