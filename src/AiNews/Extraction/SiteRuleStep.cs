using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace AiNews.Extraction
{
    /// <summary>Site rules (data, see <see cref="ExtractionRules"/>): a known CMS's body container and its junk.</summary>
    public sealed class SiteRuleStep : IExtractionStep
    {
        public void Run(ExtractionContext context)
        {
            if (context.Body != null) return;
            var doc = context.Document;
            foreach (var rule in context.Rules.Sites)
            {
                if (!MatchesAny(doc, rule.Match)) continue;
                // The first container with text; else the first one found (a body of images only, e.g. a
                // webtoon, is an empty body, not a reason to guess from the page around it).
                IElement container = null;
                foreach (string selector in rule.Container)
                {
                    var found = TryQuery(doc, selector);
                    if (found == null) continue;
                    if (container == null) container = found;
                    if (DomText.TextLength(found) > 0) { container = found; break; }
                }
                if (container == null) continue;
                foreach (string selector in rule.Remove)
                    foreach (var junk in TryQueryAll(container, selector)) junk.Remove();
                context.Body = container;
                context.SiteRule = rule;
                context.Page.Method = ExtractionMethod.SiteRule;
                context.Page.Rule = rule.Name;
                return;
            }
        }

        /// <summary>
        /// Whether an element of <paramref name="node"/> matches one of <paramref name="selectors"/>. A rule's selectors are
        /// asked of every page and mostly match nothing, so each was a walk of the whole page: when they all parse, they
        /// are asked as one selector list (an element matches a list when it matches one of its selectors), one walk.
        /// One that does not parse counts as matching nothing, as on its own.
        /// </summary>
        private static bool MatchesAny(IParentNode node, IReadOnlyList<string> selectors)
        {
            if (selectors.Count > 1 && selectors.All(Parses))
            {
                try { return node.QuerySelector(string.Join(", ", selectors)) != null; }
                catch (AngleSharp.Dom.DomException) { }
            }
            return selectors.Any(selector => TryQuery(node, selector) != null);
        }

        private static readonly ConcurrentDictionary<string, bool> Parsed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        private static bool Parses(string selector) => Parsed.GetOrAdd(selector, s => new CssSelectorParser().ParseSelector(s) != null);

        internal static IElement TryQuery(IParentNode node, string selector)
        {
            try { return node.QuerySelector(selector); }
            catch (AngleSharp.Dom.DomException) { return null; }
        }

        internal static IEnumerable<IElement> TryQueryAll(IParentNode node, string selector)
        {
            try { return node.QuerySelectorAll(selector).ToList(); }
            catch (AngleSharp.Dom.DomException) { return Enumerable.Empty<IElement>(); }
        }
    }
}
