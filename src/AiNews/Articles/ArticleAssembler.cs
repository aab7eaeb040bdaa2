using System;
using System.Collections.Generic;
using System.Linq;
using AiNews.Extraction;
using AiNews.Feeds;
using AiNews.Text;

namespace AiNews.Articles
{
    /// <summary>
    /// Builds articles from what was fetched: a feed entry (title, link, date as the publisher listed them)
    /// and, when the page was read, what the extractor found on it (the full body, images, a date the feed
    /// lacked). The source's name, id, language and policy travel with each article.
    /// </summary>
    public static class ArticleAssembler
    {
        public static Article FromEntry(FeedEntry entry, NewsSource source, string feedTitle = null)
        {
            string content = TextNormalizer.Block(!string.IsNullOrWhiteSpace(entry.Content) ? entry.Content : entry.Summary);
            var images = new List<string>();
            if (!string.IsNullOrEmpty(entry.ImageUrl)) images.Add(entry.ImageUrl);
            return new Article
            {
                Title = TextNormalizer.SingleLine(entry.Title),
                Url = entry.Link ?? entry.Id,
                Published = entry.Published ?? entry.Updated,
                Author = entry.Author,
                Source = source?.Name ?? feedTitle,
                SourceId = source?.Id,
                Policy = source?.Policy,
                Language = LanguageGuess.Decide(entry.Language ?? source?.Language, entry.Title, content),
                Content = content,
                Images = images.ToArray(),
                Tags = Array.Empty<string>(),
            };
        }

        /// <summary>Completes an article with its page: the page's body replaces the feed's excerpt.</summary>
        public static Article WithPage(Article article, ExtractedPage page)
        {
            if (!string.IsNullOrWhiteSpace(page.Content)) article.Content = TextNormalizer.Block(page.Content);
            if (string.IsNullOrWhiteSpace(article.Title)) article.Title = TextNormalizer.SingleLine(page.Title);
            if (!article.Published.HasValue) article.Published = page.Published;
            if (string.IsNullOrWhiteSpace(article.Author)) article.Author = page.Author;
            if (string.IsNullOrWhiteSpace(article.Language)) article.Language = page.Language;
            var images = new List<string>();
            if (!string.IsNullOrEmpty(page.LeadImage)) images.Add(page.LeadImage);
            images.AddRange(page.Images ?? Array.Empty<string>());
            images.AddRange(article.Images ?? Array.Empty<string>());
            article.Images = images.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).ToArray();
            return article;
        }

        /// <summary>An article from a page alone (-Uri, or an HTML file).</summary>
        public static Article FromPage(ExtractedPage page, Uri url, NewsSource source = null)
        {
            var article = new Article
            {
                Url = url?.ToString(),
                Source = source?.Name ?? url?.Host,
                SourceId = source?.Id,
                Policy = source?.Policy,
                Language = source?.Language,
                Tags = Array.Empty<string>(),
            };
            return WithPage(article, page);
        }
    }
}
