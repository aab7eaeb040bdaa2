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
