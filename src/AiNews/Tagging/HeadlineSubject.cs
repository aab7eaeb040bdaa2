namespace AiNews.Tagging
{
    /// <summary>The headline's subject as the rules read it: a named organization, a bucket kind, or an unknown name.</summary>
    internal sealed class HeadlineSubject
    {
        public string Text;
        /// <summary>A named organization of the taxonomy, or null.</summary>
        public string Organization;
        /// <summary>A bucket kind (<see cref="Taxonomy.Government"/> ...) or "unknown" when the subject is not a named organization.</summary>
        public string Kind;
        /// <summary>Known to be abroad (a foreign member, a foreign-looking research lab).</summary>
        public bool Foreign;
        /// <summary>How it was found: "comma" (a short phrase closed by a comma), "start" (a phrase's first words), "first" (the headline's first word).</summary>
        public string How;
        /// <summary>For an unknown name: how often the body repeats it (a company's own story keeps naming it).</summary>
        public int Mentions;
    }
}
