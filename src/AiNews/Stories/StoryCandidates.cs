using System;
using System.Collections.Generic;

namespace AiNews.Stories
{
    /// <summary>
    /// The articles worth comparing with each article, found through fingerprint buckets instead of trying all pairs:
    /// articles sharing its URL key, and articles published within the window whose headline, body or anchors share one
    /// of its rarest shingles.
    /// </summary>
    /// <remarks>
    /// Exact, not a guess (prefix filtering, as in set-similarity joins): a feature only counts in
    /// <see cref="StoryGrouper"/> when two sets have at least c shingles in common, c a share of the smaller set. Sort
    /// each set's shingles rarest first; a set A can only have c shingles in common with B if one of its first
    /// |A| - c + 1 shingles is in B. Each article is looked up in the buckets of that prefix only, and the smaller set of
    /// every pair finds the larger: common shingles ("w:of the"), whose buckets hold most of the corpus, are rarely looked
    /// up, and every pair that can be one story is still compared. Buckets are sorted by publication time, so a lookup
    /// reads only the part within the window (and the undated articles, which every window includes).
    /// </remarks>
    internal sealed class StoryCandidates
    {
        private readonly IReadOnlyList<StoryPrint> _prints;
        private readonly long[] _ticks;     // publication time in UTC ticks; long.MinValue when there is none
        private readonly long _window;      // the grouper's window in ticks (saturated)
        private readonly List<Feature> _features = new List<Feature>();
        private readonly Dictionary<string, List<int>> _byUrl = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        private readonly int[] _stamp;      // _stamp[j] == i + 1: j was already offered for i

        /// <summary>One fingerprint feature: its buckets (dated members by time, then undated ones) and how much must be shared.</summary>
        private sealed class Feature
        {
            public Func<StoryPrint, HashSet<string>> Of;
            public int MinCount;
            public double Share;
            public int MinCommon;
            public readonly List<Bucket> Buckets = new List<Bucket>();   // by shingle id
            public int[][] Rarest;                                      // per article: its shingle ids, rarest first (null: too few)
        }

        private sealed class Bucket
        {
            public readonly List<int> Dated = new List<int>();
            public readonly List<int> Undated = new List<int>();
            public int Count => Dated.Count + Undated.Count;
        }

        public StoryCandidates(IReadOnlyList<StoryPrint> prints, StoryGrouper grouper)
        {
            _prints = prints;
            _stamp = new int[prints.Count];
            _ticks = new long[prints.Count];
            for (int i = 0; i < prints.Count; i++)
                _ticks[i] = prints[i].Published.HasValue ? prints[i].Published.Value.UtcTicks : long.MinValue;
            _window = grouper.Window < TimeSpan.Zero ? 0 : grouper.Window.Ticks;

            // A headline counts from SameHeadline Jaccard, which needs that share of the larger headline in common.
            _features.Add(new Feature { Of = p => p.Title, MinCount = StoryGrouper.MinTitleShingles, Share = StoryGrouper.SameHeadline, MinCommon = 1 });
            // A body counts from the threshold's share of the smaller body in common (containment).
            _features.Add(new Feature { Of = p => p.Body, MinCount = StoryGrouper.MinBodyShingles, Share = grouper.Threshold, MinCommon = 1 });
            // Anchors (across languages) count from MinSharedAnchors in common and the threshold's share of the smaller set.
            _features.Add(new Feature { Of = p => p.Anchors, MinCount = StoryGrouper.MinSharedAnchors, Share = grouper.Threshold, MinCommon = StoryGrouper.MinSharedAnchors });

            for (int i = 0; i < prints.Count; i++)
            {
                string key = prints[i].UrlKey;
                if (!string.IsNullOrEmpty(key))
                {
                    if (!_byUrl.TryGetValue(key, out List<int> same)) _byUrl[key] = same = new List<int>();
                    same.Add(i);
                }
            }
            // Dated members oldest first (ties in input order), so a window is one contiguous run of each bucket.
            var byTime = new List<int>(prints.Count);
            for (int i = 0; i < prints.Count; i++) byTime.Add(i);
            byTime.Sort((a, b) => _ticks[a] != _ticks[b] ? _ticks[a].CompareTo(_ticks[b]) : a.CompareTo(b));
            foreach (Feature feature in _features)
            {
                var ids = new Dictionary<string, int>(StringComparer.Ordinal);
                feature.Rarest = new int[prints.Count][];
                foreach (int i in byTime)
                {
                    HashSet<string> set = feature.Of(prints[i]);
                    if (set.Count < feature.MinCount) continue;
                    var own = new int[set.Count];
                    int n = 0;
                    foreach (string s in set)
                    {
                        if (!ids.TryGetValue(s, out int id)) { ids[s] = id = feature.Buckets.Count; feature.Buckets.Add(new Bucket()); }
                        Bucket bucket = feature.Buckets[id];
                        (_ticks[i] == long.MinValue ? bucket.Undated : bucket.Dated).Add(i);
                        own[n++] = id;
                    }
                    feature.Rarest[i] = own;
                }
                // One order for all sets: by how many articles hold the shingle, then by id.
                List<Bucket> buckets = feature.Buckets;
                Comparison<int> rarestFirst = (a, b) => buckets[a].Count != buckets[b].Count ? buckets[a].Count.CompareTo(buckets[b].Count) : a.CompareTo(b);
                foreach (int[] own in feature.Rarest) if (own != null) Array.Sort(own, rarestFirst);
            }
        }

        /// <summary>
        /// Calls <paramref name="visit"/> once with each article that may be one story with article <paramref name="i"/>
        /// (never i itself). For every pair that is one story, at least one of the two is offered the other.
        /// </summary>
        public void ForEach(int i, Action<int> visit)
        {
            if (!string.IsNullOrEmpty(_prints[i].UrlKey))
                foreach (int j in _byUrl[_prints[i].UrlKey]) Offer(i, j, visit);
            foreach (Feature feature in _features)
            {
                int[] ordered = feature.Rarest[i];
                if (ordered == null) continue;
                int prefix = ordered.Length - MinCommon(ordered.Length, feature.Share, feature.MinCommon) + 1;
                for (int k = 0; k < prefix && k < ordered.Length; k++)
                {
                    Bucket bucket = feature.Buckets[ordered[k]];
                    foreach (int j in bucket.Undated) Offer(i, j, visit);
                    if (_ticks[i] == long.MinValue) { foreach (int j in bucket.Dated) Offer(i, j, visit); continue; }
                    long from = _ticks[i] - Math.Min(_window, _ticks[i] - DateTime.MinValue.Ticks);
                    long to = _ticks[i] + Math.Min(_window, DateTime.MaxValue.Ticks - _ticks[i]);
                    for (int at = FirstAtOrAfter(bucket.Dated, from); at < bucket.Dated.Count && _ticks[bucket.Dated[at]] <= to; at++)
                        Offer(i, bucket.Dated[at], visit);
                }
            }
        }

        private void Offer(int i, int j, Action<int> visit)
        {
            if (j == i || _stamp[j] == i + 1) return;
            _stamp[j] = i + 1;
            visit(j);
        }

        private int FirstAtOrAfter(List<int> dated, long ticks)
        {
            int lo = 0, hi = dated.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (_ticks[dated[mid]] < ticks) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        // The fewest shingles a set of `count` must share to count, less one so that floating-point rounding of
        // share × count can never drop a pair that reaches the threshold exactly (a longer prefix only adds candidates).
        private static int MinCommon(int count, double share, int minCommon)
        {
            if (!(share > 0)) return minCommon;
            int needed = (int)Math.Ceiling(Math.Min(share, 1) * count) - 1;
            return Math.Max(minCommon, Math.Max(1, needed));
        }
    }
}
