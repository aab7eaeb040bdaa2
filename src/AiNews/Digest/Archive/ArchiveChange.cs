namespace AiNews.Digest.Archive
{
    /// <summary>One file the archive would write.</summary>
    public sealed class ArchiveChange
    {
        public string Path { get; internal set; }
        public string RelativePath { get; internal set; }
        public bool Created { get; internal set; }
        /// <summary>Articles added (0 for an index).</summary>
        public int Added { get; internal set; }
        public bool IsIndex { get; internal set; }
        public string Text { get; internal set; }
        public string Description => IsIndex
            ? $"{(Created ? "Create" : "Update")} {RelativePath}"
            : $"{(Created ? "Create" : "Add to")} {RelativePath}: {Added} new article(s)";
    }
}
