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
        private readonly bool _everyPair;   // a threshold of 0 or less makes every pair one story, shared shingles or not

        /// <summary>
        /// One fingerprint feature: its buckets and how much must be shared. The buckets lie in one array: bucket b (a
        /// shingle) holds Members[Start[b] .. Start[b + 1]), its dated members first, oldest first (Dated[b] of them),
        /// then the undated ones. Flat arrays instead of a pair of lists per shingle: at 50,000 articles there are
        /// millions of shingles, and two lists each cost more than the prints themselves.
        /// </summary>
        private sealed class Feature
        {
            public Func<StoryPrint, ulong[]> Of;
            public int MinCount;
            public double Share;
            public int MinCommon;
            public bool AcrossLanguages;                                // compared between languages only (else within one)
            public int[] Start, Dated, Members;
            public Dictionary<ulong, int> Ids;                          // shingle -> bucket
            public int[][] Rarest;                                      // per article: the prefix of its shingle ids, rarest first (null: too few)
            public int Count(int bucket) => Start[bucket + 1] - Start[bucket];
        }

        /// <param name="prints">The articles' prints.</param>
        /// <param name="grouper">The grouper whose threshold and window decide what may be one story.</param>
        /// <param name="outsideOnly">
        /// Only <see cref="ForEachSharing"/> will be asked (the archive looks up its look-back days' articles among a
        /// run's): the rarest-first prefixes that <see cref="ForEach"/> needs are not made.
        /// </param>
        public StoryCandidates(IReadOnlyList<StoryPrint> prints, StoryGrouper grouper, bool outsideOnly = false)
        {
            _prints = prints;
            _stamp = new int[prints.Count];
            _ticks = new long[prints.Count];
            for (int i = 0; i < prints.Count; i++)
                _ticks[i] = prints[i].Published.HasValue ? prints[i].Published.Value.UtcTicks : long.MinValue;
            _window = grouper.Window < TimeSpan.Zero ? 0 : grouper.Window.Ticks;
            _everyPair = !(grouper.Threshold > 0);

            // A headline counts from SameHeadline Jaccard, which needs that share of the larger headline in common.
            _features.Add(new Feature { Of = p => p.Title, MinCount = StoryGrouper.MinTitleShingles, Share = StoryGrouper.SameHeadline, MinCommon = 1 });
            // A body counts from the threshold's share of the smaller body in common (containment).
            _features.Add(new Feature { Of = p => p.Body, MinCount = StoryGrouper.MinBodyShingles, Share = grouper.Threshold, MinCommon = 1 });
            // Anchors (across languages) count from MinSharedAnchors in common and the threshold's share of the smaller set.
            _features.Add(new Feature { Of = p => p.Anchors, MinCount = StoryGrouper.MinSharedAnchors, Share = grouper.Threshold, MinCommon = StoryGrouper.MinSharedAnchors, AcrossLanguages = true });

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
            foreach (Feature feature in _features) Fill(feature, prints, byTime, !outsideOnly);
        }

        // Numbers the shingles of the feature and counts each one's members, then places them (two passes over the sets);
        // with `prefixes`, the second pass also keeps each set's rarest-first prefix (see Feature.Rarest).
        private void Fill(Feature feature, IReadOnlyList<StoryPrint> prints, List<int> byTime, bool prefixes)
        {
            var ids = feature.Ids = new Dictionary<ulong, int>();
            var dated = new List<int>();
            var undated = new List<int>();
            foreach (int i in byTime)
            {
                ulong[] set = feature.Of(prints[i]);
                if (set.Length < feature.MinCount) continue;
                foreach (ulong shingle in set)
                {
                    if (!ids.TryGetValue(shingle, out int id)) { ids[shingle] = id = dated.Count; dated.Add(0); undated.Add(0); }
                    if (_ticks[i] == long.MinValue) undated[id]++; else dated[id]++;
                }
            }
            int buckets = dated.Count;
            feature.Start = new int[buckets + 1];
            for (int b = 0; b < buckets; b++) feature.Start[b + 1] = feature.Start[b] + dated[b] + undated[b];
            feature.Dated = dated.ToArray();
            feature.Members = new int[feature.Start[buckets]];
            // Where the next dated and undated member of each bucket goes; byTime keeps the dated ones oldest first.
            int[] nextDated = new int[buckets], nextUndated = new int[buckets];
            for (int b = 0; b < buckets; b++) { nextDated[b] = feature.Start[b]; nextUndated[b] = feature.Start[b] + feature.Dated[b]; }
            // Each set's shingle ids in one order for all sets, by how many articles hold the shingle, then by id; only the
            // prefix that ForEach looks up is kept (about half a body at threshold 0.5): with tens of thousands of articles
            // full lists would be as large as the prints.
            // Sorted as numbers (count above, id below) rather than through a comparison: the sort is most of this pass.
            if (prefixes) feature.Rarest = new int[prints.Count][];
            var own = new long[0];
            foreach (int i in byTime)
            {
                ulong[] set = feature.Of(prints[i]);
                if (set.Length < feature.MinCount) continue;
                if (own.Length < set.Length) own = new long[set.Length];
                bool undatedMember = _ticks[i] == long.MinValue;
                for (int k = 0; k < set.Length; k++)
                {
                    int id = ids[set[k]];
                    own[k] = ((long)feature.Count(id) << 32) | (uint)id;
                    feature.Members[undatedMember ? nextUndated[id]++ : nextDated[id]++] = i;
                }
                if (!prefixes) continue;
                Array.Sort(own, 0, set.Length);
                var prefix = new int[Math.Min(set.Length, PrefixLength(feature, set.Length))];
                for (int k = 0; k < prefix.Length; k++) prefix[k] = (int)(own[k] & uint.MaxValue);
                feature.Rarest[i] = prefix;
            }
        }

        // How many of a set's rarest shingles ForEach looks up: a set of `count` sharing enough with another shares one of these.
        private static int PrefixLength(Feature feature, int count) => count - MinCommon(count, feature.Share, feature.MinCommon) + 1;

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
                if (feature.Rarest == null) throw new InvalidOperationException("These candidates were made for ForEachSharing only.");
                int[] ordered = feature.Rarest[i];
                if (ordered == null) continue;
                for (int k = 0; k < ordered.Length; k++)
                {
                    int b = ordered[k], first = feature.Start[b], undated = first + feature.Dated[b], end = feature.Start[b + 1];
                    int[] members = feature.Members;
                    for (int at = undated; at < end; at++) Offer(i, members[at], visit);
                    if (_ticks[i] == long.MinValue) { for (int at = first; at < undated; at++) Offer(i, members[at], visit); continue; }
                    long from = _ticks[i] - Math.Min(_window, _ticks[i] - DateTime.MinValue.Ticks);
                    long to = _ticks[i] + Math.Min(_window, DateTime.MaxValue.Ticks - _ticks[i]);
                    for (int at = FirstAtOrAfter(members, first, undated, from); at < undated && _ticks[members[at]] <= to; at++)
                        Offer(i, members[at], visit);
                }
            }
        }

        /// <summary>
        /// Calls <paramref name="visit"/> once with each of the articles that may be one story with <paramref name="outside"/>,
        /// an article not among them (an article of one of the archive's look-back days against the prints of a run's
        /// articles): those with its URL key, and those sharing enough of its headline, body or anchor shingles to reach
        /// the threshold (a condition on both sets alike, so either side may be the bucketed one). The shared
        /// shingles are counted through the buckets, so that the articles it shares nothing (or too little) with cost
        /// nothing; every one that <see cref="StoryGrouper.IsSameStory"/> would accept is visited.
        /// </summary>
        public void ForEachSharing(StoryPrint outside, Action<int> visit)
        {
            if (_everyPair) { for (int j = 0; j < _prints.Count; j++) visit(j); return; }
            var offered = new bool[_prints.Count];
            if (!string.IsNullOrEmpty(outside.UrlKey) && _byUrl.TryGetValue(outside.UrlKey, out List<int> same))
                foreach (int j in same) { offered[j] = true; visit(j); }
            var common = new int[_prints.Count];
            foreach (Feature feature in _features)
            {
                ulong[] set = feature.Of(outside);
                if (set.Length < feature.MinCount) continue;
                Array.Clear(common, 0, common.Length);
                foreach (ulong shingle in set)
                {
                    if (!feature.Ids.TryGetValue(shingle, out int b)) continue;
                    for (int at = feature.Start[b]; at < feature.Start[b + 1]; at++) common[feature.Members[at]]++;
                }
                // Containment (and Jaccard, which is at most it) needs that share of the smaller set in common; headlines and
                // bodies count within a language, anchors across languages (StoryGrouper.Similarity).
                for (int j = 0; j < _prints.Count; j++)
                    if (!offered[j] && common[j] > 0 && feature.AcrossLanguages != (outside.Language == _prints[j].Language)
                        && common[j] >= MinCommon(Math.Min(set.Length, feature.Of(_prints[j]).Length), feature.Share, feature.MinCommon))
                    { offered[j] = true; visit(j); }
            }
        }

        private void Offer(int i, int j, Action<int> visit)
        {
            if (j == i || _stamp[j] == i + 1) return;
            _stamp[j] = i + 1;
            visit(j);
        }

        // The first of members[lo .. hi) (sorted by time) published at or after `ticks`.
        private int FirstAtOrAfter(int[] members, int lo, int hi, long ticks)
        {
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (_ticks[members[mid]] < ticks) lo = mid + 1; else hi = mid;
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
