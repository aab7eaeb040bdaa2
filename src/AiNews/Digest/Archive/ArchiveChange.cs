namespace AiNews.Digest.Archive
{
    /// <summary>One file the archive would write.</summary>
    public sealed class ArchiveChange
    {
        /// <summary>The file's full path.</summary>
        public string Path { get; internal set; }
        /// <summary>The path under the archive root, with '/' separators, as messages name it.</summary>
        public string RelativePath { get; internal set; }
        /// <summary>The file does not exist yet.</summary>
        public bool Created { get; internal set; }
        /// <summary>Articles added (0 for an index).</summary>
        public int Added { get; internal set; }
        /// <summary>A folder's README.md, a day's web page or index.html, rather than a day file.</summary>
        public bool IsIndex { get; internal set; }
        /// <summary>The whole new text of the file.</summary>
        public string Text { get; internal set; }
        /// <summary>What the change does, as -WhatIf and -Verbose say it.</summary>
        public string Description => IsIndex
            ? $"{(Created ? "Create" : "Update")} {RelativePath}"
            : $"{(Created ? "Create" : "Add to")} {RelativePath}: {Added} new article(s)";
    }
}
