using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Construction;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AiNews.Common;

namespace AiNews.Extraction
{
    /// <summary>
    /// The general extractor for pages no site rule knows (readability-style): paragraphs score their
    /// ancestors by text length and commas; candidates are weighted by class/id hints and link density;
    /// the best one grows to its parent when that holds more content, related siblings are merged, and
    /// the result is cleaned of link lists, forms and image strips. When that yields very little, the
    /// page is read again with fewer filters and the longest result wins.
    /// </summary>
    public sealed class ContentScoringStep : IExtractionStep
    {
        [Flags]
        private enum Pass { StripUnlikely = 1, WeightClasses = 2, CleanConditionally = 4, All = 7 }

        private static readonly Regex Unlikely = new Regex(
            @"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|share|sns|recommend|popular|most-read|trending",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);
        private static readonly Regex MaybeCandidate = new Regex(@"and|article|body|column|content|main|mathjax|shadow", RegexOptions.IgnoreCase | RegexOptions.Compiled);
        private static readonly Regex Positive = new Regex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.Compiled);
        // "hidden" but not Drupal's "field--label-hidden" (the field's label is hidden, not its text), Tailwind's
        // "overflow-hidden" or Bootstrap's "hidden-xs"/"hidden-print" (hidden on one screen size or on paper only).
        // "header": the block of the headline, dateline and byline (article-header, entry-header, infobox-header), beside the
        // story rather than part of it; its standfirst, if any, is LeadStep's.
        private static readonly Regex Negative = new Regex(
            @"-ad-|(?<!label-|label--|overflow-)hidden(?!-(xs|sm|md|lg|xl|print|mobile|phone|tablet|desktop))|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|byline|author|caption|newsletter|subscribe|header",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);
        private static readonly Regex Videos = new Regex(@"//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)", RegexOptions.IgnoreCase | RegexOptions.Compiled);
        private static readonly HashSet<string> UnlikelyRoles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            { "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog" };
        private static readonly string[] ScoreTags = { "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre" };
        private static readonly HashSet<string> PhrasingTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "img", "kbd", "mark", "q", "s",
            "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins", "label",
        };

        /// <summary>
        /// A td, section or pre inside more than this many of its own kind is not scored, and a form, table, list, div or
        /// section inside more than this many of its own kind is not judged for removal: each reads the text of its whole
        /// subtree, so a chain of hundreds of nested tables would cost depth x page size. Layout tables nest three or four
        /// deep; the paragraphs inside still score.
        /// </summary>
        private const int MaxNestedScored = 8;

        /// <summary>
        /// An element broken by &lt;br&gt; into at least this many lines, whose lines average fewer than
        /// <see cref="LineListMaxAverage"/> characters, is a list (signatories, an address, a schedule), not prose: its
        /// commas do not count towards its score.
        /// </summary>
        private const int LineListMinLines = 6;

        /// <summary>See <see cref="LineListMinLines"/>: prose broken by &lt;br&gt; has longer lines than this on average.</summary>
        private const int LineListMaxAverage = 60;

        /// <summary>An item of a list of steps says at least this much ("Stir fry to mix well."); a label under a thumbnail says less.</summary>
        private const int StepMinLength = 20;

        /// <summary>A list of steps is the author's text, not links to elsewhere: at most this share of it is link text.</summary>
        private const double StepListMaxLinkDensity = 0.2;

        // Elements visited between two looks at the clock (the budget check is cheap, but not free).
        private const int ChecksEvery = 64;

        /// <summary>
        /// A later, less filtered pass wins over the passes before it only with at least this many times their text: on a
        /// page whose story is short, a block a little longer found once the class weights are off is more likely the
        /// headline box or a teaser the weights rightly passed over than more of the story.
        /// </summary>
        public const double RetryMinGain = 1.5;

        /// <summary>
        /// Among the best candidates, blocks with the very class of the best one that score at least this share of its
        /// score are parts of the same story or page (article-like blocks of one template), like near-equal candidates:
        /// three of them under one ancestor make that ancestor the body.
        /// </summary>
        public const double SameClassMinShare = 0.5;

        /// <summary>
        /// Below this many characters (without white space) the first pass's body is short enough that part of the story
        /// may have been stripped or cleaned away with the furniture (a second block of a short news item, a section whose
        /// class looks unlikely), and the page is read again with fewer filters. Raised from 500 once a later pass has to
        /// bring <see cref="RetryMinGain"/> times the text to win (before that, 800 lost on the development half, as
        /// headline boxes won the retries): trafilatura-eval even half 500 -> 650 +2 main-text snippets, +0 boilerplate
        /// (800: +2, +1; aeb-dev unchanged with both).
        /// </summary>
        public const int DefaultMinimumLength = 650;

        /// <summary>Below this many characters the page is read again with fewer filters (<see cref="DefaultMinimumLength"/>).</summary>
        public int MinimumLength { get; set; } = DefaultMinimumLength;

        public void Run(ExtractionContext context)
        {
            if (context.Body != null) return;
            var attempts = new List<IElement>();
            var doc = context.Document;
            // The first pass changes the page; later passes start again from this copy.
            if (context.CleanDocument == null) context.CleanDocument = BodyCopy(doc);
            foreach (var pass in new[] { Pass.All, Pass.WeightClasses | Pass.CleanConditionally, Pass.CleanConditionally, (Pass)0 })
            {
                // Every pass after the first works on a fresh copy of the cleaned page.
                var work = pass == Pass.All ? doc : Reparse(context);
                var body = Grab(work, pass, context);
                if (body == null) continue;
                attempts.Add(body);
                if (DomText.TextLength(body) >= MinimumLength) break;
            }
            if (attempts.Count == 0) return;
            var best = attempts[0];
            foreach (var attempt in attempts.Skip(1))
                if (DomText.TextLength(attempt) > DomText.TextLength(best) * RetryMinGain) best = attempt;
            context.Body = best;
            context.Page.Method = ExtractionMethod.ContentScoring;
        }

        private IHtmlDocument Reparse(ExtractionContext context)
        {
            return BodyCopy(context.CleanDocument);
        }

        /// <summary>
        /// A copy of the page's body in a document of its own: what the passes and the later steps read of a copy (its
        /// Body). The head is left out: its metadata was read before the scorer runs, and copying its links, scripts and
        /// meta tags (each link element set up again, stylesheet relations and all) was a large part of copying the page.
        /// The document is a new empty one in the page's browsing context, not page.Clone(false): a clone copies the
        /// page's whole source text twice (about half a megabyte a page, on the large-object heap, per copy). It takes
        /// the page's quirks mode, which decides how class and id selectors match.
        /// </summary>
        private static IHtmlDocument BodyCopy(IHtmlDocument page)
        {
            var copy = new HtmlParser(new HtmlParserOptions(), page.Context).ParseDocument(string.Empty);
            ((IConstructableDocument)copy).QuirksMode = ((IConstructableDocument)page).QuirksMode;
            var root = page.DocumentElement;
            var emptyRoot = copy.DocumentElement;
            if (root == null) { copy.RemoveChild(emptyRoot); return copy; }
            var rootCopy = copy.Import(root, false);
            copy.ReplaceChild(rootCopy, emptyRoot);
            if (page.Body != null) rootCopy.AppendChild(copy.Import(page.Body, true));
            return copy;
        }

        [MethodImpl(HotPath.Optimized)]
        private IElement Grab(IHtmlDocument doc, Pass pass, ExtractionContext context)
        {
            var budget = context.Budget;
            var page = doc.Body;
            if (page == null) return null;
            bool weight = (pass & Pass.WeightClasses) != 0;
            var scores = new Dictionary<IElement, double>();

            // 1. Drop what is unlikely to hold the story; turn text-only divs into paragraphs.
            var toScore = new List<IElement>();
            int visited = 0;
            foreach (var node in DomText.Descendants(page))
            {
                if (++visited % ChecksEvery == 0) budget.Check("scoring the page");
                if (!DomText.IsInside(node, page)) continue;
                string match = (node.ClassName ?? "") + " " + (node.Id ?? "");
                if ((pass & Pass.StripUnlikely) != 0)
                {
                    if (Unlikely.IsMatch(match) && !MaybeCandidate.IsMatch(match) && !IsEmbeddedQuote(node) && !HasAncestor(node, "table") && !HasAncestor(node, "code")
                        && node.LocalName != "body" && node.LocalName != "a" && node.LocalName != "article" && node.LocalName != "main")
                    { node.Remove(); continue; }
                    string role = node.GetAttribute("role");
                    if (role != null && UnlikelyRoles.Contains(role.Trim())) { node.Remove(); continue; }
                }
                string tag = node.LocalName;
                if ((tag == "div" || tag == "section" || tag == "header" || tag.StartsWith("h", StringComparison.Ordinal) && tag.Length == 2 && char.IsDigit(tag[1]))
                    && !DomText.HasText(node) && node.QuerySelector("img, picture, video, iframe, object, embed") == null)
                { node.Remove(); continue; }
                if (ScoreTags.Contains(tag)) toScore.Add(node);
                if (tag == "div")
                {
                    WrapPhrasingRuns(doc, node);
                    if (!HasBlockChild(node)) toScore.Add(node);
                    else foreach (var p in node.Children.Where(c => c.LocalName == "p" && c.HasAttribute("data-wrapped"))) toScore.Add(p);
                }
            }

            // 2. Paragraphs score their ancestors.
            var candidates = new List<IElement>();
            foreach (var element in toScore)
            {
                if (++visited % ChecksEvery == 0) budget.Check("scoring the page");
                if (element.Parent == null || !DomText.IsInside(element, page)) continue;
                // A div here has no block child and a p cannot nest: only td, section and pre chains read big subtrees.
                if (element.LocalName != "div" && element.LocalName != "p" && NestedIn(element, element.LocalName) > MaxNestedScored) continue;
                int length = DomText.CollapsedLength(element, out int commaCount);
                if (length < 25) continue;
                var ancestors = Ancestors(element, 5);
                if (ancestors.Count == 0) continue;
                // Commas mark prose; in a list of short lines (names with affiliations, addresses) they do not.
                double commas = IsLineList(element, length) ? 0 : commaCount;
                double score = 1 + commas + Math.Min(Math.Floor(length / 100.0), 3);
                for (int level = 0; level < ancestors.Count; level++)
                {
                    var a = ancestors[level];
                    if (a.LocalName == "html" || a.Parent == null) continue;
                    if (!scores.ContainsKey(a)) { scores[a] = InitialScore(a, weight); candidates.Add(a); }
                    double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                    scores[a] += score / divider;
                }
            }

            // 3. Candidates weighted by link density; the best few.
            foreach (var c in candidates) scores[c] *= 1 - DomText.LinkDensity(c);
            var top = candidates.OrderByDescending(c => scores[c]).Take(5).ToList();
            IElement best = top.FirstOrDefault();
            if (best == null || best == page || best.LocalName == "body")
            {
                var all = doc.CreateElement("div");
                foreach (var child in page.ChildNodes.ToList()) all.AppendChild(child);
                page.AppendChild(all);
                best = all;
                scores[best] = InitialScore(best, weight);
            }
            else
            {
                // Several near-equal candidates under one ancestor: the story is that ancestor.
                // So are blocks of the best one's own class (the stories of a newsletter issue, the sections of a long page)
                // that score at least half as much.
                var alternatives = top.Skip(1).Where(c => scores[c] / scores[best] >= 0.75
                    || !string.IsNullOrWhiteSpace(best.ClassName) && c.ClassName == best.ClassName && scores[c] / scores[best] >= SameClassMinShare)
                    .Select(c => Ancestors(c, 0)).ToList();
                if (alternatives.Count >= 3)
                {
                    for (var parent = best.ParentElement; parent != null && parent.LocalName != "body"; parent = parent.ParentElement)
                    {
                        if (alternatives.Count(list => list.Contains(parent)) >= 3) { best = parent; break; }
                    }
                }
                if (!scores.ContainsKey(best)) scores[best] = InitialScore(best, weight);

                // Climb while the parent scores higher (the story is split over several children).
                double last = scores[best];
                double threshold = last / 3;
                for (var parent = best.ParentElement; parent != null && parent.LocalName != "body"; parent = parent.ParentElement)
                {
                    if (!scores.TryGetValue(parent, out double ps)) continue;
                    if (ps < threshold) break;
                    if (ps > last) { best = parent; break; }
                    last = ps;
                }
                for (var parent = best.ParentElement; parent != null && parent.LocalName != "body" && parent.Children.Length == 1; parent = best.ParentElement)
                {
                    best = parent;
                }
                if (!scores.ContainsKey(best)) scores[best] = InitialScore(best, weight);
            }

            // 4. Merge related siblings.
            var article = doc.CreateElement("div");
            double topScore = scores[best];
            double siblingThreshold = Math.Max(10, topScore * 0.2);
            var parentOfTop = best.ParentElement;
            var siblings = parentOfTop == null ? new List<IElement> { best } : parentOfTop.Children.ToList();
            foreach (var sibling in siblings)
            {
                bool append = sibling == best;
                if (!append)
                {
                    double bonus = 0;
                    if (!string.IsNullOrEmpty(best.ClassName) && sibling.ClassName == best.ClassName) bonus += topScore * 0.2;
                    if (scores.TryGetValue(sibling, out double s) && s + bonus >= siblingThreshold) append = true;
                    else if (sibling.LocalName == "p")
                    {
                        double ld = DomText.LinkDensity(sibling);
                        string text = DomText.Text(sibling);
                        if (text.Length > 80 && ld < 0.25) append = true;
                        else if (text.Length < 80 && text.Length > 0 && ld == 0 && Regex.IsMatch(text, @"\.( |$)")) append = true;
                    }
                }
                if (append) article.AppendChild(sibling);
            }

            // 5. The hidden blocks inside the story are its own (collapsed sections, tabs); then clean what the story picked up.
            PageCleanupStep.Restore(context, article);
            if ((pass & Pass.CleanConditionally) != 0) Clean(article, weight, budget);
            return article;
        }

        private static void Clean(IElement article, bool weight, ExtractionBudget budget)
        {
            foreach (var h in article.QuerySelectorAll("h1, h2").ToList())
                if (weight && ClassWeight(h) < 0) h.Remove();
            // An <aside> (related stories, a box of links) is judged like a div: left in, its links would count against the
            // story around it and take the story out with them. So is an <article> inside the story (a teaser card).
            foreach (var tag in new[] { "form", "fieldset", "table", "ul", "ol", "aside", "article", "div", "section" })
            {
                // Innermost first, so that a wrapper is judged on what is left inside it.
                foreach (var node in article.QuerySelectorAll(tag).Reverse().ToList())
                {
                    budget.Check("cleaning the article");
                    if (!DomText.IsInside(node, article)) continue;
                    // Deep chains of one tag are judged at their outer levels only (each judgement reads the subtree).
                    if (NestedIn(node, tag) > MaxNestedScored) continue;
                    // A link list or box judged junk takes the label that introduced it ("Further reading:") along.
                    if (ShouldRemove(node, weight)) BodyCleanupStep.RemoveWithLabel(node, article);
                }
            }
        }

        // A block whose text is all in &lt;pre&gt; blocks (not counting those inside another): a command or listing the story shows.
        private static bool IsCodeBlock(int length, BlockContents contents) =>
            length > 0 && contents.Pres > 0 && contents.PreText >= length;

        /// <summary>
        /// What <see cref="ShouldRemove"/> counts below a block, gathered in one walk of its subtree: it used to ask seven
        /// selector queries (each a walk of the subtree) of every block it judged, innermost first, so a page's nested
        /// wrappers were walked again and again. Counted as those queries counted: descendants only, tag names in any case,
        /// nested headings and lists each with their own text, a pre inside another pre not on its own.
        /// </summary>
        private sealed class BlockContents
        {
            public int Paragraphs, Images, Items, Inputs, HeadingText, ListText, Pres, PreText, Embeds;

            public static BlockContents Of(IElement block)
            {
                var contents = new BlockContents();
                contents.Add(block, block.LocalName == "pre");
                return contents;
            }

            [MethodImpl(HotPath.Optimized)]
            private void Add(INode parent, bool insidePre)
            {
                var children = parent.ChildNodes;
                for (int i = 0; i < children.Length; i++)
                {
                    if (!(children[i] is IElement e)) continue;
                    string name = e.LocalName;
                    if (Is(name, "p")) Paragraphs++;
                    else if (Is(name, "img")) Images++;
                    else if (Is(name, "li")) Items++;
                    else if (Is(name, "input")) Inputs++;
                    else if (HeadingTags.Contains(name)) HeadingText += DomText.TextLength(e);
                    else if (Is(name, "ul") || Is(name, "ol")) ListText += DomText.TextLength(e);
                    else if (Is(name, "pre") && !insidePre) { Pres++; PreText += DomText.TextLength(e); }
                    else if (EmbedTags.Contains(name))
                    {
                        string src = e.GetAttribute("src") ?? e.GetAttribute("data") ?? "";
                        if (name == "video" || Videos.IsMatch(src)) Embeds++;
                    }
                    if (e.HasChildNodes) Add(e, insidePre || name == "pre");
                }
            }

            private static bool Is(string name, string tag) => string.Equals(name, tag, StringComparison.OrdinalIgnoreCase);

            private static readonly HashSet<string> HeadingTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "h1", "h2", "h3", "h4", "h5", "h6" };
            private static readonly HashSet<string> EmbedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "object", "embed", "iframe", "video" };
        }

        // Embedded posts (tweets, Instagram) quoted by the story are part of it.
        private static bool IsEmbeddedQuote(IElement node) =>
            node.LocalName == "blockquote" || DomText.HasDescendant(node, "blockquote");

        private static bool IsLineList(IElement element, int textLength)
        {
            int breaks = DomText.CountDescendants(element, "br");
            return breaks + 1 >= LineListMinLines && textLength / (double)(breaks + 1) < LineListMaxAverage;
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool ShouldRemove(IElement node, bool weightClasses)
        {
            if (IsEmbeddedQuote(node) && node.QuerySelectorAll("p").Length <= node.QuerySelectorAll("blockquote p").Length + 1) return false;
            string tag = node.LocalName;
            if (tag == "table" && IsDataTable(node)) return false;
            if (HasAncestor(node, "code") || HasAncestor(node, "pre")) return false;
            // The text's length without white space, read once for all the ratios below.
            int total = DomText.TextLength(node);
            var contents = BlockContents.Of(node);
            // A wrapper of a code block (a copy button's box around a one-line command) holds the story's code, however short.
            if (IsCodeBlock(total, contents)) return false;
            int weight = weightClasses ? ClassWeight(node) : 0;
            if (weight < 0) return true;
            int length = DomText.CollapsedLength(node, out int commas);
            if (commas >= 10) return false;
            bool isList = tag == "ul" || tag == "ol";
            if (!isList) isList = total > 0 && contents.ListText / (double)total > 0.9;
            int p = contents.Paragraphs;
            int img = contents.Images;
            int li = contents.Items - 100;
            int input = contents.Inputs;
            int headings = contents.HeadingText;
            double headingDensity = length == 0 ? 0 : headings / (double)total;
            int embeds = contents.Embeds;
            double ld = DomText.LinkDensity(node, total);
            bool inFigure = HasAncestor(node, "figure");
            bool remove =
                (img > 1 && p / (double)img < 0.5 && !inFigure && !(isList && IsStepList(node))) ||
                (!isList && li > p) ||
                (input > Math.Floor(p / 3.0)) ||
                (!isList && headingDensity < 0.9 && length < 25 && (img == 0 || img > 2) && !inFigure) ||
                (!isList && weight < 25 && ld > 0.2) ||
                (weight >= 25 && ld > 0.5) ||
                ((embeds == 1 && length < 75) || embeds > 1);
            if (isList && remove)
            {
                // A list of images is a gallery, not junk.
                bool gallery = node.Children.Length > 0 && node.Children.All(c => c.Children.Length == 1 && c.QuerySelectorAll("img").Length == 1 && DomText.TextLength(c) == 0);
                if (gallery) return false;
            }
            return remove;
        }

        // Photo captions and credits under a gallery's pictures seldom end like a sentence; steps do.
        private static readonly Regex SentenceEnd = new Regex(@"[.!?。！？](\W*)$", RegexOptions.Compiled);

        // A list (or a block that is mostly one) whose items each say something in a sentence that ends like one, each
        // with its picture (recipe directions, how-to steps), is the story told step by step, not a strip of images.
        private static bool IsStepList(IElement list)
        {
            var items = list.QuerySelectorAll("li").ToList();
            if (items.Count < 2 || DomText.LinkDensity(list) > StepListMaxLinkDensity) return false;
            int sentences = items.Count(li => DomText.TextLength(li) >= StepMinLength && SentenceEnd.IsMatch(DomText.Text(li)));
            return sentences * 2 > items.Count;
        }

        private static bool IsDataTable(IElement table)
        {
            if (table.GetAttribute("role") == "presentation") return false;
            if (table.GetAttribute("datatable") == "0") return false;
            if (table.HasAttribute("summary") || table.QuerySelector("caption, col, colgroup, tfoot, thead, th") != null) return true;
            if (table.QuerySelector("table") != null) return false;
            int rows = table.QuerySelectorAll("tr").Length;
            int cols = table.QuerySelectorAll("tr").Select(r => r.Children.Length).DefaultIfEmpty(0).Max();
            return rows >= 10 || cols > 4 || rows * cols > 10;
        }

        private static double InitialScore(IElement e, bool weight)
        {
            double score;
            switch (e.LocalName)
            {
                case "div": score = 5; break;
                case "pre": case "td": case "blockquote": score = 3; break;
                case "address": case "ol": case "ul": case "dl": case "dd": case "dt": case "li": case "form": score = -3; break;
                case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": case "th": score = -5; break;
                case "article": score = 8; break;
                default: score = 0; break;
            }
            return weight ? score + ClassWeight(e) : score;
        }

        private static int ClassWeight(IElement e)
        {
            int w = 0;
            string c = e.ClassName;
            if (!string.IsNullOrEmpty(c))
            {
                if (Negative.IsMatch(c)) w -= 25;
                if (Positive.IsMatch(c)) w += 25;
            }
            string id = e.Id;
            if (!string.IsNullOrEmpty(id))
            {
                if (Negative.IsMatch(id)) w -= 25;
                if (Positive.IsMatch(id)) w += 25;
            }
            string prop = e.GetAttribute("itemprop");
            if (prop != null && prop.IndexOf("articleBody", StringComparison.OrdinalIgnoreCase) >= 0) w += 25;
            return w;
        }

        private static List<IElement> Ancestors(IElement e, int max)
        {
            var list = new List<IElement>();
            for (var p = e.ParentElement; p != null; p = p.ParentElement)
            {
                list.Add(p);
                if (max > 0 && list.Count == max) break;
            }
            return list;
        }

        /// <summary>How many ancestors of <paramref name="e"/> are <paramref name="tag"/> elements.</summary>
        private static int NestedIn(IElement e, string tag)
        {
            int n = 0;
            for (var p = e.ParentElement; p != null; p = p.ParentElement) if (p.LocalName == tag) n++;
            return n;
        }

        private static bool HasAncestor(IElement e, string tag)
        {
            for (var p = e.ParentElement; p != null; p = p.ParentElement) if (p.LocalName == tag) return true;
            return false;
        }

        private static bool HasBlockChild(IElement e)
        {
            foreach (var c in e.Children) if (DomText.IsBlock(c)) return true;
            return false;
        }

        // <div>text<br>text<p>..</p></div>: runs of text and inline elements become <p> so that they score.
        private static void WrapPhrasingRuns(IDocument doc, IElement div)
        {
            if (!HasBlockChild(div)) return;
            bool hasText = false;
            foreach (var n in div.ChildNodes)
                if (n is IText t && !string.IsNullOrWhiteSpace(t.Data)) { hasText = true; break; }
            if (!hasText) return;
            IElement p = null;
            foreach (var child in div.ChildNodes.ToList())
            {
                bool phrasing = child is IText || (child is IElement e && PhrasingTags.Contains(e.LocalName));
                if (!phrasing) { p = null; continue; }
                if (p == null)
                {
                    if (child is IText t0 && string.IsNullOrWhiteSpace(t0.Data)) continue;
                    p = doc.CreateElement("p");
                    p.SetAttribute("data-wrapped", "1");
                    div.InsertBefore(p, child);
                }
                p.AppendChild(child);
            }
        }
    }
}
