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
        public int BodyLength { get; set; } = StoryPrint.DefaultBodyLength;

        /// <summary>The articles in groups of one story each, groups and members in input order.</summary>
        public List<List<Article>> Group(IReadOnlyList<Article> articles)
        {
            var prints = StoryPrint.OfAll(articles, BodyLength);

            var parent = Enumerable.Range(0, articles.Count).ToArray();
            int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
            // Groups are the connected parts of the "same story" graph, whatever order its edges are found in; the
            // fingerprint buckets find every edge (see StoryCandidates) without comparing all pairs. A threshold of 0
            // or less makes every pair one story, which no bucket can find: then all pairs are compared.
            if (Threshold > 0)
            {
                var candidates = new StoryCandidates(prints, this);
                for (int i = 0; i < prints.Length; i++)
                    candidates.ForEach(i, j => { if (Find(i) != Find(j) && IsSameStory(prints[i], prints[j])) parent[Find(j)] = Find(i); });
            }
            else
            {
                for (int i = 0; i < prints.Length; i++)
                    for (int j = i + 1; j < prints.Length; j++)
                        if (Find(i) != Find(j) && IsSameStory(prints[i], prints[j])) parent[Find(j)] = Find(i);
            }

            return Enumerable.Range(0, articles.Count).GroupBy(Find).OrderBy(g => g.Min())
                .Select(g => g.Select(i => articles[i]).ToList()).ToList();
        }

        // Too few shingles prove nothing: "Body text." is in many articles, and short headlines share words by chance.
        internal const int MinTitleShingles = 8;
        internal const int MinBodyShingles = 20;
        // A headline alone must be nearly the same to make one story: outlets' rewrites are caught by their bodies.
        internal const double SameHeadline = 0.85;
        // Across languages only names and numbers are shared; fewer than this many in common is coincidence.
        internal const int MinSharedAnchors = 3;

        /// <summary>True when two fingerprinted articles report one story.</summary>
        public bool IsSameStory(StoryPrint a, StoryPrint b) => Similarity(a, b) >= Threshold;

        /// <summary>How likely two articles report one story, 0..1.</summary>
        private double Similarity(StoryPrint a, StoryPrint b)
        {
            if (a.UrlKey.Length > 0 && a.UrlKey == b.UrlKey) return 1;
            if (a.Published.HasValue && b.Published.HasValue && (a.Published.Value - b.Published.Value).Duration() > Window) return 0;
            if (a.Language == b.Language)
            {
                // Headlines that differ in a number ("6화"/"7화", "GPT-5"/"GPT-6") are different stories however alike.
                // Too few shingles prove nothing ("Body text." is in many articles).
                // A headline alone must be nearly the same: outlets' rewrites are caught by their bodies.
                double title = StoryShingles.SameSet(a.TitleNumbers, b.TitleNumbers) && Math.Min(a.Title.Length, b.Title.Length) >= MinTitleShingles
                    ? StoryShingles.Jaccard(a.Title, b.Title) : 0;
                if (title < SameHeadline) title = 0;
                double body = Math.Min(a.Body.Length, b.Body.Length) >= MinBodyShingles ? StoryShingles.Containment(a.Body, b.Body) : 0;
                return Math.Max(title, body);
            }
            // Across languages only names and numbers are shared; ask for several of them.
            int shared = StoryShingles.Common(a.Anchors, b.Anchors);
            return shared >= MinSharedAnchors ? StoryShingles.Containment(a.Anchors, b.Anchors) : 0;
        }
    }
}
