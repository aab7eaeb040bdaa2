using System;
using System.Collections.Generic;
using System.Linq;
using AiNews.Articles;
using AiNews.Text;

namespace AiNews.Stories
{
    /// <summary>
    /// One article for a story carried by several outlets: the richest body (in the language most reports
    /// are in), every source kept, labels united, the earliest publication time, and more importance the
    /// more outlets carry it.
    /// </summary>
    public static class StoryMerger
    {
        // A story that this many outlets carry is important whatever each rated it; two outlets lift it out of Low.
        private const int OutletsForHigh = 3;
        private const int OutletsForNormal = 2;

        /// <summary>The one article of a story from its reports (a group of <see cref="StoryGrouper.Group"/>).</summary>
        /// <exception cref="ArgumentException">The group is empty.</exception>
        public static Article Merge(IReadOnlyList<Article> group)
        {
            if (group == null || group.Count == 0) throw new ArgumentException("A story needs at least one article.", nameof(group));
            if (group.Count == 1) return group[0];

            // The richest body in the language most of the reports are in (a Korean digest keeps Korean text).
            string language = group.GroupBy(a => LanguageGuess.Decide(a.Language, a.Title, a.Content))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(a => Index(group, a))).First().Key;
            Article richest = group.Where(a => LanguageGuess.Decide(a.Language, a.Title, a.Content) == language)
                .OrderByDescending(a => (a.Content ?? string.Empty).Length).ThenBy(a => Index(group, a)).First();
            var sources = new List<ArticleSource>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            // Sources deduplicated on the URL key the digest and the archive use: a tracking-parameter variant is no other outlet.
            foreach (Article a in new[] { richest }.Concat(group.Where(x => !ReferenceEquals(x, richest))))
            {
                IEnumerable<ArticleSource> own = a.Sources != null && a.Sources.Length > 0 ? a.Sources : new[] { new ArticleSource(a.Source, a.Url) };
                foreach (ArticleSource s in own)
                    if (seen.Add(CanonicalUrl.Key(s.Url))) sources.Add(new ArticleSource(s.Name, s.Url));
            }

            int outlets = sources.Select(s => s.Name ?? s.Url).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            string importance = Highest(group.Select(a => a.Importance));
            if (outlets >= OutletsForHigh) importance = ImportanceLevel.High;
            else if (outlets >= OutletsForNormal && importance == ImportanceLevel.Low) importance = ImportanceLevel.Normal;

            return new Article
            {
                Title = richest.Title,
                Url = richest.Url,
                Published = group.Where(a => a.Published.HasValue).Select(a => a.Published).DefaultIfEmpty(richest.Published).Min(),
                Source = richest.Source,
                SourceId = richest.SourceId,
                Policy = richest.Policy,
                Language = language,
                Author = richest.Author,
                Organization = richest.Organization ?? group.Select(a => a.Organization).FirstOrDefault(o => !string.IsNullOrEmpty(o)),
                Organizations = Union(group.Select(a => a.Organizations)),
                Tags = Union(new[] { richest.Tags }.Concat(group.Select(a => a.Tags))),
                Importance = importance,
                Summary = !string.IsNullOrWhiteSpace(richest.Summary) ? richest.Summary : group.Select(a => a.Summary).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
                Content = richest.Content,
                Images = Union(group.Select(a => a.Images)),
                Sources = sources.ToArray(),
            };
        }

        private static int Index(IReadOnlyList<Article> group, Article a)
        {
            for (int i = 0; i < group.Count; i++) if (ReferenceEquals(group[i], a)) return i;
            return -1;
        }

        private static string Highest(IEnumerable<string> grades)
        {
            var set = new HashSet<string>(grades.Where(g => g != null));
            return set.Contains(ImportanceLevel.High) ? ImportanceLevel.High : set.Contains(ImportanceLevel.Normal) || set.Count == 0 ? ImportanceLevel.Normal : ImportanceLevel.Low;
        }

        private static string[] Union(IEnumerable<IEnumerable<string>> lists) =>
            lists.Where(l => l != null).SelectMany(l => l).Where(x => !string.IsNullOrWhiteSpace(x)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
