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
            if (!string.IsNullOrWhiteSpace(body)) context.StructuredBody = System.Net.WebUtility.HtmlDecode(body).Trim();
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

    /// <summary>
    /// Fills what structured data left open from OpenGraph, <c>article:</c> meta, &lt;meta name=author&gt;,
    /// &lt;time datetime&gt;, &lt;title&gt; and &lt;html lang&gt;.
    /// </summary>
    public sealed class MetaTagsStep : IExtractionStep
    {
        /// <summary>The meta tags that carry a publication date, most specific first.</summary>
        private static readonly string[] DateMetaNames =
        {
            "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "article:modified_time",
        };

        private static string OutOfRange(string text, TimeZoneInfo zone) =>
            DateParser.TryParse(text, zone, out _, out string problem) ? null : problem;

        public void Run(ExtractionContext context)
        {
            var doc = context.Document;
            var page = context.Page;
            page.Title = page.Title ?? Meta(doc, "og:title") ?? Meta(doc, "twitter:title") ?? TitleElement(doc);
            page.Published = page.Published
                ?? DateMetaNames.Select(name => DateParser.Find(Meta(doc, name), context.AssumedZone)).FirstOrDefault(d => d.HasValue)
                ?? context.LooseDate
                ?? TimeElement(doc, context.AssumedZone);
            if (page.Published == null)
            {
                // A date outside DateRange (year 0001, a typo'd 2062) counts as missing; -Verbose says which.
                string refused = DateMetaNames.Select(name => OutOfRange(Meta(doc, name), context.AssumedZone)).FirstOrDefault(r => r != null);
                if (refused != null) page.Notes.Add($"The page's date is treated as missing: {refused}.");
            }
            page.Author = page.Author ?? AuthorMeta(doc);
            page.Description = page.Description ?? Meta(doc, "og:description") ?? Meta(doc, "description") ?? Meta(doc, "twitter:description");
            page.LeadImage = page.LeadImage ?? context.Absolute(Meta(doc, "og:image") ?? Meta(doc, "og:image:url") ?? Meta(doc, "twitter:image") ?? Meta(doc, "twitter:image:src"));
            if (page.Language == null)
            {
                string lang = doc.DocumentElement?.GetAttribute("lang") ?? Meta(doc, "og:locale");
                if (!string.IsNullOrWhiteSpace(lang)) page.Language = lang.Trim();
            }
        }

        /// <summary>Content of the first &lt;meta&gt; whose property, name or itemprop is <paramref name="key"/> (case-insensitive).</summary>
        internal static string Meta(IDocument doc, string key)
        {
            foreach (var meta in doc.Head?.QuerySelectorAll("meta") ?? doc.QuerySelectorAll("meta"))
            {
                string k = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
                if (k == null || !string.Equals(k.Trim(), key, StringComparison.OrdinalIgnoreCase)) continue;
                string v = meta.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(v)) return TextNormalizer.SingleLine(v);
            }
            return null;
        }

        // <title> usually carries the site name too ("Headline - Site", "Headline | Section | Site").
        private static string TitleElement(IDocument doc)
        {
            string t = TextNormalizer.SingleLine(doc.Title);
            if (t.Length == 0) return null;
            var parts = Regex.Split(t, @"\s+(?:[|\-–—:]{1,2}|::)\s+");
            if (parts.Length > 1)
            {
                string first = parts[0].Trim();
                bool substantial = first.Split(' ').Length >= 3 || first.Length >= 10;
                if (substantial) return first;
            }
            return t;
        }

        private static string AuthorMeta(IDocument doc)
        {
            string a = Meta(doc, "author") ?? Meta(doc, "article:author") ?? Meta(doc, "dable:author") ?? Meta(doc, "byl") ?? Meta(doc, "dc.creator") ?? Meta(doc, "parsely-author") ?? Meta(doc, "sailthru.author");
            if (a != null && a.StartsWith("http", StringComparison.OrdinalIgnoreCase)) a = null;
            if (a == null)
            {
                var el = doc.QuerySelector("[rel='author'], [itemprop='author'] [itemprop='name'], [itemprop='author']");
                string t = TextNormalizer.SingleLine(el?.TextContent);
                if (t.Length > 0 && t.Length < 80) a = t;
            }
            return CleanAuthor(a);
        }

        /// <summary>"By Jane Doe" → "Jane Doe"; "김테스트 기자" → "김테스트".</summary>
        internal static string CleanAuthor(string a)
        {
            if (a == null) return null;
            a = Regex.Replace(a, @"^(By|From)\s+", "", RegexOptions.IgnoreCase).Trim();
            a = Regex.Replace(a, @"\s*(기자|특파원|객원기자|선임기자|수석기자|편집위원)$", "").Trim();
            return a.Length == 0 ? null : a;
        }

        private static DateTimeOffset? TimeElement(IDocument doc, TimeZoneInfo assumedZone)
        {
            foreach (var time in doc.QuerySelectorAll("time[datetime], [itemprop='datePublished']"))
            {
                var d = DateParser.Find(time.GetAttribute("datetime") ?? time.GetAttribute("content") ?? time.TextContent, assumedZone);
                if (d != null) return d;
            }
            return null;
        }
    }
}
