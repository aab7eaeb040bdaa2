using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AiNews.Common;
using AiNews.Text;

namespace AiNews.Extraction
{
    /// <summary>
    /// Structured data first: the page's JSON-LD (NewsArticle, Article, BlogPosting and kin, also inside
    /// @graph or arrays) gives headline, dates, author, image, description, language and articleBody.
    /// </summary>
    public sealed class JsonLdStep : IExtractionStep
    {
        private static readonly HashSet<string> ArticleTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle",
            "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle",
            "LiveBlogPosting", "SocialMediaPosting", "Blog", "Review", "WebPage", "ItemPage",
        };

        public void Run(ExtractionContext context)
        {
            var best = FindArticles(context).OrderByDescending(Rank).FirstOrDefault();
            if (best == null) return;
            var page = context.Page;
            page.Title = page.Title ?? Text(Json.Get(best, "headline")) ?? Text(Json.Get(best, "name"));
            string date = Text(Json.Get(best, "datePublished")) ?? Text(Json.Get(best, "dateCreated"));
            var published = DateParser.Find(date, context.AssumedZone);
            // A date without an offset is a guess; an article:published_time with one may follow.
            if (DateParser.HasOffset(date)) page.Published = page.Published ?? published;
            else context.LooseDate = context.LooseDate ?? published;
            page.Author = page.Author ?? MetaTagsStep.CleanAuthor(Names(Json.Get(best, "author")) ?? Names(Json.Get(best, "creator")));
            page.Description = page.Description ?? Text(Json.Get(best, "description"));
            page.Language = page.Language ?? Text(Json.Get(best, "inLanguage"));
            page.LeadImage = page.LeadImage ?? context.Absolute(ImageUrl(Json.Get(best, "image")) ?? ImageUrl(Json.Get(best, "thumbnailUrl")));
            string body = Json.AsString(Json.Get(best, "articleBody"));
            if (!string.IsNullOrWhiteSpace(body)) context.StructuredBody = FromMarkup(context, System.Net.WebUtility.HtmlDecode(body).Trim());
        }

        // Markup tags (an element name followed by an attribute or the tag's end) that some CMSs leave in the articleBody.
        private static readonly Regex MarkupTag = new Regex(@"</?(p|br|a|div|span|strong|em|b|i|h[1-6]|ul|ol|li|blockquote|figure|img|audio|source)(\s[^<>]*)?/?>",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>
        /// An articleBody holding at least this many markup tags is the story's HTML (some CMSs put the stored HTML there,
        /// escaped once): it is read as HTML, not shown with its tags. One or two "&lt;" in a text are prose (a formula, "a &lt;b&gt;").
        /// </summary>
        public const int MarkupMinTags = 3;

        // The articleBody's HTML as paragraphs of text; players and scripts left out, and paragraphs that are all link text
        // and short ("read also" teasers of other stories) dropped, by the bounds BodyCleanupStep uses in the page's body.
        private static string FromMarkup(ExtractionContext context, string body)
        {
            if (MarkupTag.Matches(body).Count < MarkupMinTags) return body;
            var holder = context.Document.CreateElement("div");
            // Cut to the depth the page itself is parsed at (ArticleExtractor): the tree builder and the teaser check
            // below are quadratic in nesting depth, and the articleBody is not part of the page's limited markup.
            holder.InnerHtml = HtmlNestingLimiter.Limit(body, out _);
            foreach (var e in holder.QuerySelectorAll("script, style, audio, video, iframe, noscript").ToList()) e.Remove();
            foreach (var e in holder.QuerySelectorAll("p, li, div").ToList())
            {
                int length = DomText.TextLength(e);
                if (length > 0 && length < BodyCleanupStep.LinkOnlyMaxLength && e.QuerySelector("a") != null && DomText.LinkDensity(e) > BodyCleanupStep.TeaserMinLinkDensity) e.Remove();
            }
            return string.Join("\n\n", DomText.Paragraphs(holder));
        }

        private static int Rank(Dictionary<string, object> item)
        {
            int rank = 0;
            foreach (string t in Types(item))
            {
                if (t.EndsWith("Article", StringComparison.OrdinalIgnoreCase) || t == "BlogPosting") rank = Math.Max(rank, 4);
                else if (t == "WebPage" || t == "ItemPage") rank = Math.Max(rank, 1);
                else rank = Math.Max(rank, 2);
            }
            if (Json.Get(item, "articleBody") != null) rank += 2;
            if (Json.Get(item, "datePublished") != null) rank += 1;
            return rank;
        }

        private static IEnumerable<Dictionary<string, object>> FindArticles(ExtractionContext context)
        {
            foreach (var script in context.Document.QuerySelectorAll("script[type='application/ld+json' i]"))
            {
                object root;
                try { root = string.IsNullOrWhiteSpace(script.TextContent) ? null : Json.Parse(script.TextContent); }
                catch (JsonTooDeepException) { context.Page.Notes.Add($"Structured data (JSON-LD) nested deeper than {Json.MaxDepth} levels was ignored."); continue; }
                catch (FormatException) { root = Json.TryParse(script.TextContent); }
                foreach (var item in Walk(root, 0))
                    if (Types(item).Any(ArticleTypes.Contains)) yield return item;
            }
        }

        // Items at the top, in arrays, in @graph, and in mainEntity / mainEntityOfPage objects.
        private static IEnumerable<Dictionary<string, object>> Walk(object node, int depth)
        {
            if (node == null || depth > 4) yield break;
            if (node is List<object> list)
            {
                foreach (var item in list) foreach (var x in Walk(item, depth + 1)) yield return x;
                yield break;
            }
            if (!(node is Dictionary<string, object> map)) yield break;
            yield return map;
            foreach (string key in new[] { "@graph", "mainEntity", "mainEntityOfPage" })
                if (map.TryGetValue(key, out var child) && !(child is string))
                    foreach (var x in Walk(child, depth + 1)) yield return x;
        }

        private static IEnumerable<string> Types(Dictionary<string, object> item) =>
            Json.Items(Json.Get(item, "@type")).Select(Json.AsString).Where(t => t != null)
                .Select(t => t.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? t.Substring(t.LastIndexOf('/') + 1) : t);

        private static string Text(object value)
        {
            string s = Json.AsString(value) ?? Json.Items(value).Select(Json.AsString).FirstOrDefault(x => x != null);
            if (string.IsNullOrWhiteSpace(s)) return null;
            return TextNormalizer.SingleLine(System.Net.WebUtility.HtmlDecode(s));
        }

        private static string Names(object value)
        {
            var names = new List<string>();
            foreach (object a in Json.Items(value))
            {
                string name = a is string s ? s : Text(Json.Get(a, "name"));
                name = TextNormalizer.SingleLine(name);
                if (name.Length > 0 && !name.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !names.Contains(name)) names.Add(name);
            }
            return names.Count == 0 ? null : string.Join(", ", names);
        }

        private static string ImageUrl(object value)
        {
            foreach (object i in Json.Items(value))
            {
                string url = i is string s ? s : Json.AsString(Json.Get(i, "url")) ?? Json.AsString(Json.Get(i, "contentUrl"));
                if (!string.IsNullOrWhiteSpace(url)) return url;
            }
            return null;
        }
    }
}
