namespace AiNews.Tagging
{
    /// <summary>A dictionary hit with the weight of where it stands (headline, lead, body, tail).</summary>
    internal sealed class WeightedHit
    {
        public TermHit Hit;
        public System.Collections.Generic.IReadOnlyList<Token> Tokens;
        public double Weight;
        public bool InTitle;
        /// <summary>Character offset in the body; -1 in the headline.</summary>
        public int Offset;
        public bool InLead;
    }
}
