using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace AiNews.Extraction
{
    /// <summary>
    /// Clean-up inside the located body: the rules file's junk selectors (share buttons, related links,
    /// tag blocks, reporter boxes, newsletter boxes, ads) and captions that only credit the photo.
    /// </summary>
    public sealed class BodyCleanupStep : IExtractionStep
    {
        private static readonly Regex CreditCaption = new Regex(
            @"^[\(\[]?\s*(사진|이미지|그림|자료|출처|제공|photo|image|credit|source)\s*[=:]|^(사진|이미지)\s*[\(\[]|(getty images|shutterstock|reuters|\bap\b|afp|연합뉴스|뉴시스|뉴스1)\s*[\)\]]?$",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>Paragraphs shorter than this that are all link text are dropped as teasers.</summary>
        public const int LinkOnlyMaxLength = 200;

        /// <summary>
        /// ... and "all link text" means more than this share: a short label before the link ("Read also:", "See:")
        /// leaves a teaser a teaser.
        /// </summary>
        public const double TeaserMinLinkDensity = 0.6;

        /// <summary>
        /// A &lt;figcaption&gt; made of at least this many paragraphs is prose, not a photo's label or credit: the text of a slide in
        /// a gallery or listicle (each idea, step or place with its picture), which slideshow templates put in each slide's figcaption.
        /// A label or credit is one line; two paragraphs are what a writer put under the picture.
        /// </summary>
        public const int CaptionProseMinParagraphs = 2;

        /// <summary>
        /// The class names CMS templates give the visible label of a field (Drupal 7 "field-label", Drupal 8+ and kin
        /// "field__label"): "Date of issue:", "Category:", "Source:" in front of the field's value.
        /// </summary>
        public const string FieldLabelSelector = ".field-label, .field__label";

        /// <summary>A field label is a few words: an element with more text than this under such a class is not a label.</summary>
        public const int FieldLabelMaxLength = 60;

        /// <summary>
        /// A line of at most this many characters ending in a colon ("Read also:", "Share this article:") or a heading, set
        /// right before a block the cleanup removes, introduced that block: it leaves with it. Longer lines are sentences
        /// that go on into what follows.
        /// </summary>
        public const int OrphanLabelMaxLength = 80;

        /// <summary>
        /// A block that holds one picture first and after it at most this many characters of text (no paragraph, list,
        /// heading or table) is the picture with its caption, set without a caption class
        /// (`div.image` + `span`, `div.visual` + `div.description`): the caption leaves with the picture.
        /// </summary>
        public const int ImageBlockCaptionMaxLength = 250;

        /// <summary>
        /// ... unless at least this many blocks of the same tag and class, each with a picture, stand side by side: a
        /// story told in pictures (how-to steps, a photo series), whose text under each picture is the story.
        /// </summary>
        public const int ImageBlockSeriesMin = 3;

        /// <summary>The block around the headline holds at most this many characters besides it (dateline, byline, kicker).</summary>
        public const int HeadlineBlockMaxExtra = 400;

        /// <summary>
        /// ... and at most this share of the body's text besides the headline: on a page whose whole story is two short
        /// paragraphs the "block around the headline" would otherwise be the story, and the page came back empty.
        /// </summary>
        public const double HeadlineBlockMaxShare = 0.5;

        /// <summary>
        /// Class or id words that CMSs and plugins give to furniture: comment threads, rating and review widgets,
        /// disclaimers and disclosures, author boxes, teaser and trending lists, tag lists, sign-up forms, subscription
        /// offers, paywall and log-in prompts. Matched at the start
        /// of a word of the class or id (so "recent-comments" and "post-ratings" match, "commentary" and "integrating"
        /// do not). Structure, not phrases: the words are the markup's, in any language of the page.
        /// </summary>
        public static readonly Regex FurnitureClassWords = new Regex(
            @"(?<![a-z])(comment(?!ary)|rating|disclaimer|disclosure|trending|upsell|sign-?up|author-?(box|bio|info)|breadcrumb|pagination|teaser|affiliate|notice|tags(?![a-z])|subscri|newsletter|paywall|login)",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>
        /// Comment threads whose class or id names them in the site's own language rather than English: German
        /// "kommentare", Polish/Czech "komentarz"/"komentare", Spanish/Portuguese/Catalan "comentarios"/"comentaris"
        /// (Italian "commenti" and French "commentaires" already match "comment"). Treated like FurnitureClassWords and
        /// bound by the same FurnitureMaxShare, so an opinion column marked "kommentar" that is the story stays.
        /// </summary>
        public static readonly Regex LocalizedCommentClassWords = new Regex(
            @"(?<![a-z])(kom+entar|comentari)",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>
        /// Furniture blocks are removed only when together they hold at most this share of the body's text: a wrapper of
        /// most of the story that carries such a word ("comment-content" around a forum post), or a live ticker made of
        /// "comment" blocks, is the story.
        /// </summary>
        public const double FurnitureMaxShare = 0.5;

        /// <summary>
        /// A block that holds the body's first paragraph and at most this many characters is the story's lead (CMSs
        /// class standfirsts "article-teaser"), not furniture.
        /// </summary>
        public const int LeadMaxLength = 600;

        /// <summary>
        /// A block of at most this many characters whose links all point to social networks, messengers or app stores
        /// ("Follow us on …", "Join our Telegram channel", "Share this article:" with its buttons, "Get our app") is
        /// the site's furniture, in whatever language it is written: the links say what it is.
        /// </summary>
        public const int SocialBlockMaxLength = 200;

        /// <summary>
        /// Hosts of social networks, messengers and app stores (general knowledge of share and follow URLs, not pages of
        /// any corpus). A link to one of them counts as a follow/share link only as a share endpoint or a profile,
        /// channel or app page (see <see cref="IsSocialLink"/>): a link to a single post is a source the story cites.
        /// </summary>
        private static readonly Regex SocialHost = new Regex(
            @"(^|\.)(facebook\.com|fb\.me|twitter\.com|x\.com|instagram\.com|t\.me|telegram\.me|wa\.me|whatsapp\.com|linkedin\.com|pinterest\.[a-z.]+|youtube\.com|tiktok\.com|xing\.com|reddit\.com|vk\.com|threads\.net|flipboard\.com|tumblr\.com|plus\.google\.com|apps\.apple\.com|itunes\.apple\.com|play\.google\.com|news\.google\.com)$",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>
        /// Share links that open a messenger or the mail program with the page's address ("whatsapp://send?text=…",
        /// "mailto:?subject=…" with no recipient): a button, never a source.
        /// </summary>
        private static readonly Regex MessengerShare = new Regex(
            @"^((whatsapp|tg|viber|fb-messenger|sms|threema):|mailto:\?)", RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>Paths of share endpoints and app pages on those hosts (sharer.php, intent/tweet, shareArticle, store/apps).</summary>
        private static readonly Regex SocialPath = new Regex(
            @"shar(e|er)|intent|send|store/apps|/app/|/apps/|/channel/|/c/|/user/|/@|/join|/pin/create|/publications/",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        public void Run(ExtractionContext context)
        {
            var body = context.Body;
            if (body == null) return;
            // Selectors match by class-name fragments; one that hits a wrapper of most of the story
            // ("entry-content-read-more") is wrong about that page, so such a match is left alone.
            int total = DomText.TextLength(body);
            foreach (string selector in context.Rules.Remove)
                foreach (var junk in SiteRuleStep.TryQueryAll(body, selector))
                    if (DomText.IsInside(junk, body) && DomText.TextLength(junk) * 2 <= total) RemoveWithLabel(junk, body);
            // The label of a CMS field ("Date of issue:", "Category:") names the value beside it; the value may be text, the label is not.
            foreach (var label in body.QuerySelectorAll(FieldLabelSelector).ToList())
                if (DomText.TextLength(label) <= FieldLabelMaxLength) label.Remove();
            RemoveHeadlineBlock(context);
            RemoveFurniture(body, total);
            RemoveSocialBlocks(context, body);
            foreach (var caption in body.QuerySelectorAll("figcaption, .wp-caption-text, [class*='caption' i]").ToList())
            {
                if (caption.QuerySelector("p") != null && DomText.TextLength(caption) > 300) continue;
                if (caption.LocalName == "figcaption" && caption.QuerySelectorAll("p").Count(DomText.HasText) >= CaptionProseMinParagraphs) continue;
                caption.Remove();
            }
            RemoveImageBlocks(body);
            // Captions without markup: a short italic, small or grey line right after an image.
            foreach (var img in body.QuerySelectorAll("img").ToList())
            {
                var next = NextAfterImage(img, body);
                if (next == null || DomText.HasDescendant(next, "img")) continue;
                int length = DomText.TextLength(next);
                if (length == 0 || length > 160 || next.QuerySelector("a") != null) continue;
                // A sentence that ends like one is more likely the story going on in italics than a caption.
                if (Regex.IsMatch(DomText.Text(next), @"[.!?""”]$")) continue;
                bool styled = next.LocalName == "em" || next.LocalName == "i" || next.LocalName == "small"
                    || Regex.IsMatch(next.ClassName ?? "", @"caption|credit|legend|small|gray|grey|muted|note", RegexOptions.IgnoreCase)
                    || next.Children.Length == 1 && next.Children[0].LocalName is string t && (t == "em" || t == "i" || t == "small") && DomText.TextLength(next.Children[0]) == length;
                if (styled) next.Remove();
            }
            // A line of photo credit standing alone as a paragraph.
            foreach (var p in body.QuerySelectorAll("p, span, div, em").ToList())
            {
                if (p.Children.Length > 1) continue;
                string text = DomText.Text(p);
                if (text.Length > 0 && text.Length < 80 && CreditCaption.IsMatch(text)) p.Remove();
            }
            // Paragraphs and list items that are nothing but a link to the same site: teasers of other
            // stories. Links elsewhere (sources, shops, references) are part of what the author wrote.
            foreach (var e in body.QuerySelectorAll("p, li, h2, h3, h4, h5, h6").ToList())
            {
                if (!DomText.IsInside(e, body) || e.QuerySelector("a") == null) continue;
                int length = DomText.TextLength(e);
                if (length > 0 && length < LinkOnlyMaxLength && DomText.LinkDensity(e) > TeaserMinLinkDensity
                    && e.QuerySelectorAll("a").All(a => IsSameSite(context, a.GetAttribute("href")))) RemoveWithLabel(e, body);
            }
            // The headline repeated inside the body.
            string title = Normalize(context.Page.Title);
            foreach (var h in body.QuerySelectorAll("h1, h2").ToList())
            {
                string t = Normalize(DomText.Text(h));
                if (t.Length > 0 && (t == title || h.LocalName == "h1" && title.Length > 0 && (title.Contains(t) || t.Contains(title)))) h.Remove();
            }
        }

        // Pictures with their captions in a block of their own (see ImageBlockCaptionMaxLength).
        private static void RemoveImageBlocks(IElement body)
        {
            int total = DomText.TextLength(body);
            foreach (var e in body.QuerySelectorAll("div, span, figure").ToList())
            {
                if (!DomText.IsInside(e, body) || DomText.CountDescendants(e, "img") != 1) continue;
                // Inside a sentence's paragraph or item a picture is an icon or emoji in the text, not a figure.
                if (e.ParentElement?.Closest("p, li, h1, h2, h3, h4, h5, h6, td, th, a") != null) continue;
                int length = DomText.TextLength(e);
                if (length == 0 || length > ImageBlockCaptionMaxLength || length * 2 > total) continue;
                // A paragraph beside a picture is text set next to it (a CMS's "text with image" element), not a caption.
                if (e.QuerySelector("p, li, h1, h2, h3, h4, h5, h6, table, blockquote") != null) continue;
                // Three or more such blocks side by side are a story told in pictures (steps, a photo series).
                if (ImageSeriesLength(e) >= ImageBlockSeriesMin) continue;
                // The picture comes first, on its own: the text after it is what is written under it.
                var first = e.ChildNodes.FirstOrDefault(n => DomText.HasText(n) || n is IElement x && (x.LocalName == "img" || DomText.HasDescendant(x, "img")));
                if (!(first is IElement holder) || DomText.HasText(holder)) continue;
                e.Remove();
            }
        }

        // How many blocks of this one's tag and class, each with a picture, stand in a row with it (line breaks between them
        // do not interrupt the row; text does).
        private static int ImageSeriesLength(IElement e)
        {
            bool Same(IElement x) => x != null && x.LocalName == e.LocalName && x.ClassName == e.ClassName && DomText.HasDescendant(x, "img");
            IElement Step(IElement x, bool forward)
            {
                for (INode n = forward ? x.NextSibling : x.PreviousSibling; n != null; n = forward ? n.NextSibling : n.PreviousSibling)
                {
                    if (n is IElement el) { if (el.LocalName == "br") continue; return el; }
                    if (DomText.HasText(n)) return null;
                }
                return null;
            }
            int count = 1;
            for (var x = Step(e, false); Same(x); x = Step(x, false)) count++;
            for (var x = Step(e, true); Same(x); x = Step(x, true)) count++;
            return count;
        }

        // Removes a block of furniture and the label that introduced it (see OrphanLabelMaxLength). A list item takes its
        // list along once no item with text is left, and the label is then the list's: one teaser of several is not
        // what a label before the list names.
        internal static void RemoveWithLabel(IElement e, IElement body)
        {
            var parent = e.ParentElement;
            // Only a block is introduced by a label: an inline element removed from a sentence leaves the sentence as it is.
            // The label is looked for while the block is still in place (a removed node has no siblings).
            var label = e.LocalName != "li" && DomText.IsBlock(e) ? PreviousLabel(e) : null;
            e.Remove();
            if (e.LocalName == "li")
            {
                if (parent == null || parent == body || !(parent.LocalName == "ul" || parent.LocalName == "ol") || DomText.HasText(parent)) return;
                label = PreviousLabel(parent);
                parent.Remove();
            }
            label?.RemoveFromParent();
        }

        // The node right before a block, skipping white space and empty elements (rules, breaks), when it is a label: a
        // short line ending in a colon, or a heading, with no link of its own.
        private static INode PreviousLabel(IElement block)
        {
            var node = block.PreviousSibling;
            while (node != null && !DomText.HasText(node) && !(node is IElement x && x.QuerySelector("img, iframe, video") != null)) node = node.PreviousSibling;
            if (node == null) return null;
            string text = DomText.Text(node).Trim();
            if (text.Length == 0 || text.Length > OrphanLabelMaxLength) return null;
            if (node is IElement element)
            {
                if (element.LocalName == "a" || element.QuerySelector("a, img") != null) return null;
                bool heading = IsHeading(element);
                if (!heading && !(DomText.IsBlock(element) || element.LocalName == "strong" || element.LocalName == "b")) return null;
                if (text.EndsWith(":")) return node;
                // A heading is the removed block's only when nothing of its section is left after it.
                if (!heading) return null;
                var next = block.NextSibling;
                while (next != null && !DomText.HasText(next)) next = next.NextSibling;
                return next == null || next is IElement n && IsHeading(n) ? node : null;
            }
            // Loose text before the block, in a container of blocks (not the end of a paragraph's sentence).
            return node.NodeType == NodeType.Text && text.EndsWith(":") && node.ParentElement != null
                && !SentenceHolders.Contains(node.ParentElement.LocalName) && !IsHeading(node.ParentElement) ? node : null;
        }

        private static bool IsHeading(IElement e) =>
            e.LocalName.Length == 2 && e.LocalName[0] == 'h' && e.LocalName[1] >= '1' && e.LocalName[1] <= '6';

        // Elements whose text is a sentence or a cell: loose text ending in a colon inside one goes on into what follows.
        private static readonly HashSet<string> SentenceHolders = new HashSet<string>(StringComparer.Ordinal)
        {
            "p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption",
        };

        // The article's own header inside the body (headline, standfirst, dateline, byline): the headline is
        // not part of the body, and the block around it is metadata that structured data already gave us.
        private static void RemoveHeadlineBlock(ExtractionContext context)
        {
            var body = context.Body;
            foreach (var header in body.QuerySelectorAll("header").ToList())
            {
                if (!DomText.IsInside(header, body)) continue;
                int length = DomText.TextLength(header);
                if (length < 600 && length * 2 < DomText.TextLength(body)) header.Remove();
            }
            string title = Normalize(context.Page.Title);
            if (title.Length == 0) return;
            foreach (var h in body.QuerySelectorAll("h1").ToList())
            {
                string t = Normalize(DomText.Text(h));
                if (t.Length == 0 || !(t == title || title.Contains(t) || t.Contains(title))) continue;
                // Grow to the largest ancestor that still holds only a little text besides the headline and no paragraph of its own.
                IElement block = h;
                int headline = DomText.TextLength(h);
                int story = DomText.TextLength(body) - headline;
                for (var parent = h.ParentElement; parent != null && parent != body; parent = parent.ParentElement)
                {
                    int besides = DomText.TextLength(parent) - headline;
                    if (besides > HeadlineBlockMaxExtra) break;
                    if (parent.QuerySelectorAll("p").Any(x => DomText.TextLength(x) > 200)) break;
                    // On a short page the whole story may fit in the 400 characters: the block must leave most of it.
                    if (besides > story * HeadlineBlockMaxShare) break;
                    block = parent;
                }
                block.Remove();
                break;
            }
        }

        // Blocks whose class or id names them furniture (see FurnitureClassWords), and forms (sign-up, comment and
        // search forms: their labels and notices are not the story).
        private static void RemoveFurniture(IElement body, int total)
        {
            var blocks = new List<IElement>();
            // The first paragraph of the body is the story's own lead even when its class calls it a "teaser".
            var firstParagraph = body.QuerySelectorAll("p").FirstOrDefault(DomText.HasText);
            foreach (var e in DomText.Descendants(body))
            {
                if (blocks.Count > 0 && DomText.IsInside(e, blocks[blocks.Count - 1])) continue;   // inside one found already
                if (firstParagraph != null && (e == firstParagraph || e.Contains(firstParagraph)) && DomText.TextLength(e) <= LeadMaxLength) continue;
                if (e.LocalName == "form" || FurnitureClassWords.IsMatch(e.GetAttribute("class") ?? "") || FurnitureClassWords.IsMatch(e.Id ?? "") || LocalizedCommentClassWords.IsMatch(e.GetAttribute("class") ?? "") || LocalizedCommentClassWords.IsMatch(e.Id ?? ""))
                    blocks.Add(e);
            }
            if (blocks.Sum(DomText.TextLength) > total * FurnitureMaxShare) return;
            foreach (var e in blocks) RemoveWithLabel(e, body);
        }

        // Short blocks whose links are all follow, share or app links (see SocialBlockMaxLength), with their labels.
        private static void RemoveSocialBlocks(ExtractionContext context, IElement body)
        {
            foreach (var e in body.QuerySelectorAll("p, li, ul, div, section").ToList())
            {
                if (!DomText.IsInside(e, body) || DomText.TextLength(e) > SocialBlockMaxLength) continue;
                var links = e.QuerySelectorAll("a[href]").ToList();
                if (links.Count > 0 && links.All(a => IsSocialLink(context, a.GetAttribute("href")))) RemoveWithLabel(e, body);
            }
        }

        // A share endpoint, a profile or channel, or an app's page on a social network, messenger or app store.
        private static bool IsSocialLink(ExtractionContext context, string href)
        {
            if (string.IsNullOrWhiteSpace(href)) return false;
            if (MessengerShare.IsMatch(href.Trim())) return true;
            string abs = context.Absolute(href);
            if (abs == null || !Uri.TryCreate(abs, UriKind.Absolute, out var uri) || !SocialHost.IsMatch(uri.Host)) return false;
            string path = uri.AbsolutePath.Trim('/');
            // A profile is one path segment without a query (youtube.com/watch?v=… and /playlist?list=… are a video and a
            // list the story cites).
            return path.Length == 0 || path.IndexOf('/') < 0 && uri.Query.Length <= 1 || SocialPath.IsMatch(uri.AbsolutePath);
        }

        // The element that follows an image: its next sibling, or the next sibling of the nearest wrapper that holds nothing but the image.
        private static IElement NextAfterImage(IElement img, IElement body)
        {
            IElement current = img;
            for (int depth = 0; depth < 4 && current != null && current != body; depth++)
            {
                var next = current.NextElementSibling;
                while (next != null && next.LocalName == "br") next = next.NextElementSibling;
                if (next != null) return next;
                if (next == null && current.ParentElement != null && current.ParentElement != body && DomText.TextLength(current.ParentElement) == DomText.TextLength(current))
                { current = current.ParentElement; continue; }
                return null;
            }
            return null;
        }

        private static bool IsSameSite(ExtractionContext context, string href)
        {
            if (string.IsNullOrWhiteSpace(href)) return true;
            string abs = context.Absolute(href);
            if (abs == null) return true;
            if (context.PageUri == null || !context.PageUri.IsAbsoluteUri) return !Uri.IsWellFormedUriString(href.Trim(), UriKind.Absolute);
            return SiteOf(new Uri(abs).Host) == SiteOf(context.PageUri.Host);
        }

        // The last two labels of a host (three for hosts like news.bbc.co.uk): close enough to a registrable domain.
        private static string SiteOf(string host)
        {
            var labels = host.ToLowerInvariant().Split('.');
            int keep = labels.Length >= 3 && labels[labels.Length - 2].Length <= 3 && labels[labels.Length - 1].Length == 2 ? 3 : 2;
            return string.Join(".", labels.Skip(Math.Max(0, labels.Length - keep)));
        }

        // What Normalize takes out. Compiled once: Normalize runs on every paragraph of every body (twice in TextStep's
        // repeat check) and on the text of whole pages, where the static Regex.Replace's cache look-up and interpreter
        // cost 3% of a warm extraction.
        private static readonly Regex NotLettersOrDigits = new Regex(@"[\W_]+", RegexOptions.Compiled);

        internal static string Normalize(string s) => NotLettersOrDigits.Replace(s ?? string.Empty, "").ToLowerInvariant();
    }
}
