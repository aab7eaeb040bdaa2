using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace AiNews.Extraction
{
    /// <summary>
    /// The ingredients of a recipe. Recipe templates set them in a column or box of their own beside the directions, as a
    /// list or table whose items are often all links (to a glossary or a shop), so the content scorer takes the
    /// directions for the body and the cleaner drops the ingredients as a link list; readers count them as the recipe's
    /// text. A block whose class or id names it "ingredient(s)" (recipe plugins and CMSs name it so, in English whatever
    /// the page's language), outside the body, holding a list or table, is put in front of the body when the body holds
    /// no such block. Pages located by a site rule are left as their rule says.
    /// </summary>
    public sealed class IngredientsStep : IExtractionStep
    {
        /// <summary>A class or id word of the ingredients block (wprm-recipe-ingredients, recipe-ingredients, ingredients-list …).</summary>
        private static readonly Regex IngredientsWord = new Regex(@"(?<![a-z])ingredient", RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>
        /// The ingredients have at most this many characters in all: a longer block under such a class is a wrapper of the
        /// whole recipe (or of a page of recipes), not its list of ingredients.
        /// </summary>
        public const int MaxLength = 2500;

        /// <summary>A list of ingredients has at least this many items (rows or list items).</summary>
        public const int MinItems = 2;

        public void Run(ExtractionContext context)
        {
            var body = context.Body;
            var page = context.CleanDocument?.Body;
            if (body == null || page == null || context.SiteRule != null) return;
            if (DomText.Descendants(body).Any(e => IsNamed(e) && DomText.HasText(e))) return;
            var blocks = new List<IElement>();
            var seen = new List<string>();   // templates that repeat the list (one for phones, one for wide screens)
            int total = 0;
            foreach (var e in DomText.Descendants(page))
            {
                if (!IsNamed(e) || blocks.Count > 0 && DomText.IsInside(e, blocks[blocks.Count - 1])) continue;
                if (DomText.IsInside(e, body) || DomText.IsInside(body, e)) continue;
                int length = DomText.TextLength(e);
                if (length == 0 || length > MaxLength) continue;
                if (e.QuerySelectorAll("li, tr").Count(DomText.HasText) < MinItems) continue;
                if (total + length > MaxLength) break;
                string key = BodyCleanupStep.Normalize(DomText.Text(e));
                if (seen.Any(k => k.Contains(key) || key.Contains(k))) continue;
                seen.Add(key);
                blocks.Add(e);
                total += length;
            }
            if (blocks.Count == 0) return;
            for (int i = blocks.Count - 1; i >= 0; i--) body.Prepend(blocks[i].Clone(true));
            context.Page.Notes.Add("The recipe's ingredients, set beside the located body, were put in front of it.");
        }

        private static bool IsNamed(IElement e) =>
            IngredientsWord.IsMatch(e.GetAttribute("class") ?? "") || IngredientsWord.IsMatch(e.Id ?? "");
    }
}
