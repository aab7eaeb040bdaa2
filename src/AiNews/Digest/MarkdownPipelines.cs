using Markdig;

namespace AiNews.Digest
{
    /// <summary>The Markdown dialect of our digests: GitHub Flavored Markdown, as GitHub renders them.</summary>
    public static class MarkdownPipelines
    {
        public static readonly MarkdownPipeline Github = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseEmphasisExtras()      // ~~strikethrough~~ and ~single~ tildes, as on GitHub
            .UseAutoLinks()
            .UseTaskLists()
            .Build();

        /// <summary>
        /// Markdown to HTML as GitHub would show it. Callers in PowerShell must use this rather than
        /// [Markdig.Markdown]: PowerShell 7 loads its own Markdig.Signed, whose types are not ours.
        /// </summary>
        public static string ToHtml(string markdown) => Markdown.ToHtml(markdown ?? string.Empty, Github);
    }
}
