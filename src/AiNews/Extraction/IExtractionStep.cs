using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace AiNews.Extraction
{
    /// <summary>
    /// One small step of the extraction pipeline (Markdig-style): it reads and refines the shared
    /// <see cref="ExtractionContext"/>. Steps run in order; a step that finds its work already done
    /// (e.g. a body located by an earlier step) leaves it alone.
    /// </summary>
    public interface IExtractionStep
    {
        void Run(ExtractionContext context);
    }
}
