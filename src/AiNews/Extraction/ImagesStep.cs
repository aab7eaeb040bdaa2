using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;

namespace AiNews.Extraction
{
    /// <summary>Absolute URLs of the body's images (src, lazy-loading attributes, srcset); the lead image when none was declared.</summary>
    public sealed class ImagesStep : IExtractionStep
    {
        private static readonly string[] SourceAttributes = { "data-src", "data-original", "data-lazy-src", "data-url", "src" };

        public void Run(ExtractionContext context)
        {
            var images = new List<string>();
            if (context.Body != null)
            {
                foreach (var img in context.Body.QuerySelectorAll("img, amp-img"))
                {
                    string url = null;
                    // <picture>: the sources are variants of the one image; the first stands in for a missing src.
                    if (img.ParentElement?.LocalName == "picture" && string.IsNullOrWhiteSpace(img.GetAttribute("src")))
                        url = FirstOfSrcset(img.ParentElement.QuerySelector("source[srcset]")?.GetAttribute("srcset"));
                    foreach (string a in SourceAttributes)
                    {
                        if (url != null) break;
                        string v = img.GetAttribute(a);
                        if (!string.IsNullOrWhiteSpace(v) && !v.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase)) { url = v; break; }
                    }
                    url = url ?? FirstOfSrcset(img.GetAttribute("srcset") ?? img.GetAttribute("data-srcset"));
                    string abs = context.Absolute(url);
                    if (abs == null || images.Contains(abs) || IsTracker(img)) continue;
                    images.Add(abs);
                }
            }
            context.Page.Images = images;
            if (context.Page.LeadImage == null && images.Count > 0) context.Page.LeadImage = images[0];
        }

        private static string FirstOfSrcset(string srcset)
        {
            if (string.IsNullOrWhiteSpace(srcset)) return null;
            string first = srcset.Split(',')[0].Trim();
            int space = first.IndexOf(' ');
            return space > 0 ? first.Substring(0, space) : first;
        }

        private static bool IsTracker(IElement img) =>
            (img.GetAttribute("width") == "1" || img.GetAttribute("width") == "0") && (img.GetAttribute("height") == "1" || img.GetAttribute("height") == "0");
    }
}
