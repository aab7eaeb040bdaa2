using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using AiNews.Text;

namespace AiNews.Extraction
{
    /// <summary>
    /// Never an empty body when the page holds text: when no block won (the scorer found nothing, or clean-up left
    /// nothing), the body is the JSON-LD articleBody, else the page's best run of paragraphs (the element whose own
    /// &lt;p&gt; children hold the most prose), else the page's description (og:description / meta description).
    /// Each fallback is a note for -Verbose and sets <see cref="ExtractedPage.Method"/>.
    /// </summary>
    public sealed class FallbackStep : IExtractionStep
    {
        /// <summary>A paragraph with more than this share of its text in links is navigation, not prose, and is not counted.</summary>
        public const double MaxLinkDensity = 0.5;

        /// <summary>A paragraph run needs at least this many characters of text to stand for the page's body.</summary>
        public const int MinRunLength = 40;

        public void Run(ExtractionContext context)
        {
            var page = context.Page;
            // A site rule knows its site: a body of images only (a webtoon) stays empty rather than be guessed.
            if (!string.IsNullOrWhiteSpace(page.Content) || context.SiteRule != null) return;
            if (!string.IsNullOrWhiteSpace(context.StructuredBody))
            {
                Use(context, TextNormalizer.Paragraphs(context.StructuredBody).Select(p => string.Join("\n", p)).ToList(), ExtractionMethod.StructuredData,
                    "No block of the page won as its body; the articleBody of its structured data (JSON-LD) is used.");
                return;
            }
            var run = BestParagraphRun((context.CleanDocument ?? context.Document)?.Body);
            if (run != null)
            {
                Use(context, run, ExtractionMethod.ParagraphRun,
                    $"No block of the page won as its body; its longest run of paragraphs ({run.Count} paragraph(s)) is used.");
                return;
            }
            if (!string.IsNullOrWhiteSpace(page.Description))
            {
                Use(context, new List<string> { page.Description }, ExtractionMethod.Description,
                    "The page holds no paragraph of text; its description (og:description or meta description) is used as the body.");
            }
        }

        private static void Use(ExtractionContext context, List<string> paragraphs, ExtractionMethod method, string note)
        {
            paragraphs = paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
            if (paragraphs.Count == 0) return;
            context.Paragraphs = paragraphs;
            context.Page.Content = TextStep.Composed(string.Join("\n\n", paragraphs));
            context.Page.Method = method;
            context.Page.Notes.Add(note);
        }

        // The element whose <p> children (prose, not link lists) hold the most text; its paragraphs in order.
        private static List<string> BestParagraphRun(IElement root)
        {
            if (root == null) return null;
            var lengths = new Dictionary<IElement, int>();
            foreach (var p in root.QuerySelectorAll("p"))
            {
                var parent = p.ParentElement;
                if (parent == null) continue;
                int length = DomText.TextLength(p);
                if (length == 0 || DomText.LinkDensity(p) > MaxLinkDensity) continue;
                lengths.TryGetValue(parent, out int sum);
                lengths[parent] = sum + length;
            }
            if (lengths.Count == 0) return null;
            var best = lengths.OrderByDescending(kv => kv.Value).First();
            if (best.Value < MinRunLength) return null;
            return best.Key.Children.Where(c => c.LocalName == "p" && DomText.TextLength(c) > 0 && DomText.LinkDensity(c) <= MaxLinkDensity)
                .SelectMany(DomText.Paragraphs).ToList();
        }
    }
}
