using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace AiNews.Extraction
{
    /// <summary>
    /// The standfirst (lead, deck, intro paragraph) between the headline and the story. Many pages set it apart from
    /// the body, in the article's header or a box of its own, where the content scorer does not reach (and
    /// <see cref="BodyCleanupStep"/> drops the header block with the headline); readers count it as the story's first
    /// paragraph. It is looked for right after the page's headline, by its class (lead, intro, deck, teaser … in the
    /// words CMSs use) or as the first sentence-like paragraph there, and put in front of the body unless the body
    /// already holds it. A standfirst set as a list of points (the story in brief, each point shorter than a lead) is
    /// read as one block and put in front point by point. Pages located by a site rule are left as their rule says.
    /// </summary>
    public sealed class LeadStep : IExtractionStep
    {
        // Class/id words for a standfirst, in the languages CMS templates are written in (en, fr, es, de, cs).
        private static readonly Regex LeadHint = new Regex(
            @"lead|intro|standfirst|deck|\bdek\b|summary|subtitle|sub-?head|excerpt|abstract|strapline|teaser|perex|chapo|chapeau|sapo|bajada|entradilla|vorspann|einleitung",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        // A standfirst ends like a sentence (a byline or a date line does not).
        private static readonly Regex SentenceEnd = new Regex(@"[.!?…:""”»“)]$", RegexOptions.Compiled);

        /// <summary>
        /// A standfirst has at least this many characters. Shorter lines there are kickers, dates, bylines, and the
        /// one-line deks of English-language news that restate the headline and that publishers leave out of the
        /// articleBody they declare (on aeb-dev, nearly every lead under 160 characters cost precision; on trafilatura's
        /// even half the longer ones carry most of the recall gained).
        /// </summary>
        public const int MinLength = 160;

        /// <summary>... and at most this many: longer text after the headline is the story itself, which the scorer judges.</summary>
        public const int MaxLength = 800;

        /// <summary>How many text blocks after the headline are looked at (dateline, byline, share bar, then the lead).</summary>
        public const int SearchBlocks = 6;

        /// <summary>
        /// Only blocks of at least this many characters count toward <see cref="SearchBlocks"/>: a byline written as
        /// many small pieces ("By", the name, "Full Bio", one block per profile link, the date, "Checked by" and a second
        /// name) is one thing to a reader, not six paragraphs before the story. 40 characters is more than such a piece
        /// and less than a sentence (25 gave the same on the development half; 80 let a one-line dek in on aeb-dev).
        /// </summary>
        public const int CountedBlockMinLength = 40;

        /// <summary>A standfirst is prose: at most this share of its text in links (a teaser list of other stories is not).</summary>
        public const double MaxLinkDensity = 0.3;

        /// <summary>How many ancestors of a text block are asked for a lead-like class.</summary>
        private const int HintAncestors = 2;

        public void Run(ExtractionContext context)
        {
            var body = context.Body;
            var page = context.CleanDocument?.Body;
            if (body == null || page == null || context.SiteRule != null) return;
            var headline = Headline(page, BodyCleanupStep.Normalize(context.Page.Title));
            if (headline == null) return;
            string story = null;   // the body's text, read once a block needs it

            bool after = false;
            int blocks = 0;
            IElement last = null;
            foreach (var e in DomText.Descendants(page))
            {
                if (e == headline) { after = true; continue; }
                if (!after || DomText.IsInside(e, headline) || !HasOwnText(e)) continue;
                var block = BlockOf(e, page);
                // A standfirst written as a short list of points ("the story in brief") is read as one block.
                if (block != null && block.LocalName == "li" && block.ParentElement is IElement list && (list.LocalName == "ul" || list.LocalName == "ol")) block = list;
                if (block == null || block == last || DomText.IsInside(headline, block)) continue;
                last = block;
                string text = DomText.Text(block);
                if (text.Length >= CountedBlockMinLength && ++blocks > SearchBlocks) return;
                string key = BodyCleanupStep.Normalize(text);
                if (key.Length == 0) continue;
                // The story has begun: what follows is the body's own text.
                if (text.Length < MinLength) continue;
                if (story == null) story = BodyCleanupStep.Normalize(DomText.Text(body));
                if (story.Contains(key)) return;
                if (text.Length > MaxLength || DomText.LinkDensity(block) > MaxLinkDensity) continue;
                bool hinted = HasLeadHint(block, headline);
                bool sentence = block.LocalName == "p" && SentenceEnd.IsMatch(text);
                if (!hinted && !sentence) continue;
                // A list goes in point by point, one paragraph each.
                List<string> paragraphs = block.LocalName == "ul" || block.LocalName == "ol"
                    ? block.Children.Where(c => c.LocalName == "li" && DomText.HasText(c)).Select(c => DomText.Text(c)).ToList()
                    : new List<string> { text };
                for (int i = paragraphs.Count - 1; i >= 0; i--)
                {
                    var lead = body.Owner.CreateElement("p");
                    lead.TextContent = paragraphs[i];
                    body.Prepend(lead);
                }
                context.Page.Notes.Add(hinted
                    ? $"The standfirst after the headline (<{block.LocalName}> marked as a lead) was put in front of the body."
                    : $"The paragraph after the headline, outside the located body, was put in front of it as its standfirst.");
                return;
            }
        }

        // The <h1> that carries the page's title, else the first <h1>.
        private static IElement Headline(IElement page, string title)
        {
            IElement first = null;
            foreach (var h in page.QuerySelectorAll("h1"))
            {
                string t = BodyCleanupStep.Normalize(DomText.Text(h));
                if (t.Length == 0) continue;
                if (first == null) first = h;
                if (title.Length > 0 && (t == title || title.Contains(t) || t.Contains(title))) return h;
            }
            return first;
        }

        private static bool HasOwnText(IElement e)
        {
            foreach (var n in e.ChildNodes)
                if (n is IText t && !string.IsNullOrWhiteSpace(t.Data)) return true;
            return false;
        }

        // The nearest block element holding the text (a <strong> inside a <p> is read as the <p>).
        private static IElement BlockOf(IElement e, IElement page)
        {
            for (var x = e; x != null && x != page; x = x.ParentElement)
                if (DomText.IsBlock(x)) return x;
            return null;
        }

        private static bool HasLeadHint(IElement block, IElement headline)
        {
            int level = 0;
            for (var x = block; x != null && level <= HintAncestors; x = x.ParentElement, level++)
            {
                // An ancestor that also holds the headline is the article's wrapper, not the lead's box.
                if (level > 0 && DomText.IsInside(headline, x)) break;
                if (LeadHint.IsMatch((x.ClassName ?? "") + " " + (x.Id ?? ""))) return true;
            }
            return false;
        }
    }
}
