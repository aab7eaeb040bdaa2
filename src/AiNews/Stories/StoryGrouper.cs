using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Stories
{
    /// <summary>
    /// Finds the same story among articles: the same canonical URL, or near-duplicate text — by shingles
    /// within a language, by shared anchors (names, model ids, numbers) across Korean and English — among
    /// articles published within <see cref="Window"/> of each other. Groups are transitive (union-find).
    /// </summary>
    public sealed class StoryGrouper
    {
        /// <summary>Similarity from which two articles are one story (0..1). Default 0.5.</summary>
        public double Threshold { get; set; } = 0.5;

        /// <summary>How far apart two reports of one story may be published.</summary>
        public TimeSpan Window { get; set; } = TimeSpan.FromHours(48);

        /// <summary>Body characters compared (the lead carries the story; tails carry boilerplate).</summary>
        public int BodyLength { get; set; } = 1000;

        private sealed class Print
        {
            public string Url;
            public HashSet<string> Title, Body, Anchors;
            public string Language;
            public DateTimeOffset? Published;
        }

        public List<List<Article>> Group(IReadOnlyList<Article> articles)
        {
            var prints = articles.Select(a =>
            {
                string body = a.Content ?? string.Empty;
                if (body.Length > BodyLength) body = body.Substring(0, BodyLength);
                return new Print
                {
                    Url = CanonicalUrl.Key(a.Url),
                    Title = StoryShingles.Of(a.Title),
                    Body = StoryShingles.Of(a.Title + "\n" + body),
                    Anchors = StoryShingles.Anchors(a.Title + "\n" + body),
                    Language = a.Language ?? LanguageGuess.Of(a.Title + " " + body),
                    Published = a.Published,
                };
            }).ToList();

            var parent = Enumerable.Range(0, articles.Count).ToArray();
            int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
            for (int i = 0; i < prints.Count; i++)
                for (int j = i + 1; j < prints.Count; j++)
                    if (Find(i) != Find(j) && Similarity(prints[i], prints[j]) >= Threshold) parent[Find(j)] = Find(i);

            return Enumerable.Range(0, articles.Count).GroupBy(Find).OrderBy(g => g.Min())
                .Select(g => g.Select(i => articles[i]).ToList()).ToList();
        }

        /// <summary>How likely two articles report one story, 0..1.</summary>
        private double Similarity(Print a, Print b)
        {
            if (a.Url.Length > 0 && a.Url == b.Url) return 1;
            if (a.Published.HasValue && b.Published.HasValue && (a.Published.Value - b.Published.Value).Duration() > Window) return 0;
            if (a.Language == b.Language)
                return Math.Max(StoryShingles.Jaccard(a.Title, b.Title), StoryShingles.Containment(a.Body, b.Body));
            // Across languages only names and numbers are shared; ask for several of them.
            int shared = a.Anchors.Count(b.Anchors.Contains);
            return shared >= 3 ? StoryShingles.Containment(a.Anchors, b.Anchors) : 0;
        }
    }
}
