using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Tagging
{
    /// <summary>
    /// The one place that writes an article's labels (Organization, Organizations, Tags, Importance, IsAiRelated),
    /// whoever decided them: the tagger (Add-AiTag, Get-AiArticle -AiOnly), the user (Add-AiTag -Organization/-Tag)
    /// or an LLM (Add-AiSummary). So the rules that tie the labels together hold for all of them.
    /// </summary>
    public static class ArticleLabels
    {
        /// <summary>
        /// Sets the labels given; a null argument leaves that label as it is. The main organization, when it is a named
        /// organization of <paramref name="taxonomy"/>, is always among Organizations (first, when it was missing), so
        /// the digest's organization index finds the story under it.
        /// </summary>
        public static void Set(Article article, Taxonomy taxonomy, bool? isAiRelated = null, string organization = null,
            IEnumerable<string> organizations = null, IEnumerable<string> tags = null, string importance = null)
        {
            if (article == null) throw new ArgumentNullException(nameof(article));
            if (taxonomy == null) throw new ArgumentNullException(nameof(taxonomy));
            if (isAiRelated.HasValue) article.IsAiRelated = isAiRelated;
            if (importance != null) article.Importance = importance;
            if (tags != null) article.Tags = tags.ToArray();
            if (organizations != null) article.Organizations = organizations.ToArray();
            if (organization == null) return;
            article.Organization = organization;
            string[] listed = article.Organizations ?? Array.Empty<string>();
            if (!listed.Contains(organization, StringComparer.Ordinal) && taxonomy.Organizations.Any(o => o.Name == organization))
                article.Organizations = new[] { organization }.Concat(listed).ToArray();
        }
    }
}
