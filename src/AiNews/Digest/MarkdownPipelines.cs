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
    }
}
