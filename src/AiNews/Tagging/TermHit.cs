using System;
using System.Collections.Generic;

namespace AiNews.Tagging
{
    /// <summary>Where a term occurs: the index of its first token and of its last.</summary>
    public readonly struct TermHit
    {
        public TermHit(Term term, int first, int last) { Term = term; First = first; Last = last; }
        public Term Term { get; }
        public int First { get; }
        public int Last { get; }
    }
}
