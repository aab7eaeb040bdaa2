using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace AiNews.Tagging
{
    /// <summary>
    /// Learns <see cref="TaggerWeights"/> from hand-labelled articles and measures them honestly: in-sample, and by
    /// k-fold cross-validation with folds fixed by article id, where every threshold is chosen on the training folds
    /// only. Used by build.ps1 train-tagger and bench-tag and by the quality test.
    /// </summary>
    public sealed class TaggerTrainer
    {
        // Decision thresholds are tried on this grid of probabilities and chosen on the training articles.
        private const double ThresholdFrom = 0.2, ThresholdTo = 0.8, ThresholdStep = 0.025;

        private readonly Tagger _describer;
        private readonly TaggerSettings _settings;
        private readonly ConditionalWeakTable<LabelledArticle, ArticleDescription> _descriptions = new ConditionalWeakTable<LabelledArticle, ArticleDescription>();

        /// <param name="taxonomy">null: the shipped taxonomy.</param>
        /// <param name="settings">null: the shipped settings.</param>
        public TaggerTrainer(Taxonomy taxonomy = null, TaggerSettings settings = null)
        {
            _settings = settings ?? TaggerSettings.Default;
            _describer = Tagger.Untrained(taxonomy ?? Taxonomy.Default, _settings);
        }

        public int Folds => _settings.Folds;

        // A fold assignment offsets every article id by this much before it is hashed: a prime, so that the assignments
        // 1, 2, 3 give folds unrelated to assignment 0's and to each other's.
        private const int AssignmentOffset = 100003;

        /// <summary>
        /// The fold of an article: a fixed integer hash of its id, so that folds never depend on file order. Each fold
        /// assignment (0 = the bench's own folds) salts the hash, so one article falls in other folds with other
        /// neighbours: the same change measured on several assignments shows how much of its effect is the draw.
        /// </summary>
        public static int FoldOf(int id, int folds, int assignment = 0) => Bucket(Salted(id, assignment), folds);

        private static int Salted(int id, int assignment) => unchecked(id + assignment * AssignmentOffset);

        private static int Bucket(int salted, int buckets)
        {
            unchecked
            {
                uint h = (uint)salted * 2654435761u;   // Knuth's multiplicative hash
                h ^= h >> 16;
                return (int)(h % (uint)buckets);
            }
        }

        // The learning curve's share of a training set is drawn by this salt: negative, so that no fold assignment (0 and
        // up) draws the same hash, and the same for every assignment, so that a smaller share is a subset of a larger one.
        private const int ShareSalt = -7919;

        // Whether an article is in the kept share (0..1] of a training set: 1,000 hash buckets, the lowest kept.
        private static bool InShare(int id, double share) => share >= 1 || Bucket(Salted(id, ShareSalt), 1000) < share * 1000;

        private ArticleDescription Describe(LabelledArticle a) =>
            _descriptions.GetValue(a, x => _describer.Describe(x.Title, x.Text, null));

        /// <summary>Trains on every article given. Deterministic: the same articles give the same weights.</summary>
        public TaggerWeights Train(IReadOnlyList<LabelledArticle> articles, string trainedOn = null) => Train(articles, trainedOn, 0);

        // The fold assignment also salts the held-out share and the inner folds that choose penalties and thresholds, so
        // that every choice made inside the training folds is redrawn with them.
        private TaggerWeights Train(IReadOnlyList<LabelledArticle> articles, string trainedOn, int assignment)
        {
            if (articles == null) throw new ArgumentNullException(nameof(articles));
            var w = new TaggerWeights { TrainedOn = trainedOn };
            var all = articles.Select(a => (Label: a, Description: Describe(a))).ToList();
            var ai = all.Where(x => x.Label.AiRelated).ToList();
            // The penalty of each part is chosen on a held-out share of these training articles only.
            var fit = all.Where(x => !HeldOut(x.Label, assignment)).ToList();
            var held = all.Where(x => HeldOut(x.Label, assignment)).ToList();

            double orgL2 = TrainOrganization(all, w, assignment);

            // Tags: one yes/no model per tag, and one on the tags' own cues pooled, for tags the data does not know.
            var tagNames = _describer.Taxonomy.Tags.Select(t => t.Name).ToList();
            double tagL2 = ChooseL2(l2 =>
            {
                var models = TrainTags(fit.Where(x => x.Label.AiRelated).ToList(), tagNames, l2);
                double sum = 0;
                foreach (string tag in tagNames)
                {
                    var (hx, hy) = TagData(held.Where(x => x.Label.AiRelated), tag);
                    sum += LogisticRegression.LogLikelihood(hx, hy, models[tag]);
                }
                return sum;
            });
            foreach (var kv in TrainTags(ai, tagNames, tagL2)) w.Tags[kv.Key] = kv.Value;
            var pooledX = new List<FeatureVector>();
            var pooledY = new List<bool>();
            foreach (string tag in tagNames)
            {
                var (xs, ys) = TagData(ai, tag);
                pooledX.AddRange(xs.Select(OwnOnly));
                pooledY.AddRange(ys);
            }
            Copy(LogisticRegression.TrainBinary(pooledX, pooledY, _settings, tagL2), w.AnyTag);
            // The threshold is chosen on out-of-fold probabilities of these training articles (inner folds): in-sample
            // probabilities are surer than the model will be on an article it has not seen.
            var outOfFold = new Dictionary<LabelledArticle, List<KeyValuePair<string, double>>>();
            for (int k = 0; k < Folds; k++)
            {
                var inner = ai.Where(x => InnerFold(x.Label, assignment) != k).ToList();
                var test = ai.Where(x => InnerFold(x.Label, assignment) == k).ToList();
                if (test.Count == 0) continue;
                var innerWeights = new TaggerWeights();
                foreach (var kv in TrainTags(inner, tagNames, tagL2)) innerWeights.Tags[kv.Key] = kv.Value;
                foreach (var x in test) outOfFold[x.Label] = Tagger.TagProbabilities(x.Description, innerWeights);
            }
            w.TagThreshold = BestThreshold(t =>
            {
                var f = new TagFigures();
                foreach (var x in ai)
                {
                    var predicted = outOfFold[x.Label].Where(kv => kv.Value >= t)
                        .OrderByDescending(kv => kv.Value).Take(_settings.MaxTags).Select(kv => kv.Key).ToList();
                    f.TruePositives += predicted.Count(p => x.Label.Tags.Contains(p));
                    f.FalsePositives += predicted.Count(p => !x.Label.Tags.Contains(p));
                    f.FalseNegatives += x.Label.Tags.Count(e => !predicted.Contains(e));
                }
                return f.F1;
            });

            // AI relevance over every article.
            double aiL2 = ChooseL2(l2 => LogisticRegression.LogLikelihood(held.Select(x => x.Description.AiFeatures).ToList(), held.Select(x => x.Label.AiRelated).ToList(),
                LogisticRegression.TrainBinary(fit.Select(x => x.Description.AiFeatures).ToList(), fit.Select(x => x.Label.AiRelated).ToList(), _settings, l2)));
            Copy(LogisticRegression.TrainBinary(all.Select(x => x.Description.AiFeatures).ToList(), all.Select(x => x.Label.AiRelated).ToList(), _settings, aiL2), w.AiRelevance);
            // Its threshold, like the tags', on out-of-fold probabilities of the training articles.
            var aiOutOfFold = new Dictionary<LabelledArticle, double>();
            for (int k = 0; k < Folds; k++)
            {
                var inner = all.Where(x => InnerFold(x.Label, assignment) != k).ToList();
                var innerWeights = new TaggerWeights();
                Copy(LogisticRegression.TrainBinary(inner.Select(x => x.Description.AiFeatures).ToList(), inner.Select(x => x.Label.AiRelated).ToList(), _settings, aiL2), innerWeights.AiRelevance);
                foreach (var x in all.Where(x => InnerFold(x.Label, assignment) == k)) aiOutOfFold[x.Label] = Tagger.AiProbability(x.Description, innerWeights);
            }
            w.AiThreshold = BestThreshold(t => all.Count(x => (aiOutOfFold[x.Label] >= t) == x.Label.AiRelated) / (double)Math.Max(1, all.Count));
            w.Penalties = FormattableString.Invariant($"organization {orgL2}, tags {tagL2}, AI relevance {aiL2}");
            return w;
        }

        /// <summary>
        /// The main-organization part of <see cref="Train"/>: ranks each article's candidates; an article whose labelled
        /// organization is no candidate teaches nothing. Returns the penalty chosen on the held-out share.
        /// </summary>
        internal double TrainOrganization(IReadOnlyList<(LabelledArticle Label, ArticleDescription Description)> all, TaggerWeights w, int assignment)
        {
            var fit = all.Where(x => x.Label.AiRelated && !HeldOut(x.Label, assignment)).ToList();
            var held = all.Where(x => x.Label.AiRelated && HeldOut(x.Label, assignment)).ToList();
            double orgL2 = ChooseL2(l2 =>
            {
                var (g, y) = OrganizationData(fit);
                var (hg, hy) = OrganizationData(held);
                return LogisticRegression.LogLikelihood(hg, hy, LogisticRegression.TrainRanking(g, y, _settings, l2));
            });
            var (groups, gold) = OrganizationData(all.Where(x => x.Label.AiRelated));
            Copy(LogisticRegression.TrainRanking(groups, gold, _settings, orgL2), w.Organization);
            return orgL2;
        }

        // A fifth of the training articles, by a hash of the id other than the folds' own.
        private bool HeldOut(LabelledArticle a, int assignment)
        {
            unchecked
            {
                uint h = (uint)Salted(a.Id, assignment) * 0x85EBCA6Bu;
                h ^= h >> 13;
                return h % (uint)Folds == 0;
            }
        }

        // The inner fold of a training article, by a hash of the id other than the folds' own and the held-out share's.
        private int InnerFold(LabelledArticle a, int assignment)
        {
            unchecked
            {
                uint h = (uint)Salted(a.Id, assignment) * 0xC2B2AE35u;
                h ^= h >> 15;
                return (int)(h % (uint)Folds);
            }
        }

        // The penalty whose model predicts the held-out articles best; the first (smallest) on a tie.
        private double ChooseL2(Func<double, double> heldOutLikelihood)
        {
            if (_settings.L2Choices.Count == 1) return _settings.L2Choices[0];
            double best = _settings.L2Choices[0], bestScore = double.NegativeInfinity;
            foreach (double l2 in _settings.L2Choices)
            {
                double score = heldOutLikelihood(l2);
                if (score > bestScore + 1e-12) { best = l2; bestScore = score; }
            }
            return best;
        }

        private static (List<IReadOnlyList<FeatureVector>>, List<int>) OrganizationData(IEnumerable<(LabelledArticle Label, ArticleDescription Description)> articles)
        {
            var groups = new List<IReadOnlyList<FeatureVector>>();
            var gold = new List<int>();
            foreach (var x in articles)
            {
                int i = x.Description.Candidates.FindIndex(c => c.Label == x.Label.Organization);
                if (i < 0) continue;
                groups.Add(x.Description.Candidates.Select(c => c.Features).ToList());
                gold.Add(i);
            }
            return (groups, gold);
        }

        private static (List<FeatureVector>, List<bool>) TagData(IEnumerable<(LabelledArticle Label, ArticleDescription Description)> articles, string tag)
        {
            var list = articles.ToList();
            return (list.Select(x => x.Description.TagFeatures[tag]).ToList(), list.Select(x => x.Label.Tags.Contains(tag)).ToList());
        }

        /// <summary>Scores weights on articles (in-sample when they were trained on them).</summary>
        public TaggerEvaluation Evaluate(TaggerWeights weights, IEnumerable<LabelledArticle> articles)
        {
            var e = new TaggerEvaluation();
            foreach (LabelledArticle a in articles)
            {
                TagResult r = _describer.Decide(Describe(a), weights);
                e.Add(a, r.Organization, r.Tags, r.IsAiRelated);
            }
            return e;
        }

        /// <summary>
        /// k-fold cross-validation: each fold is scored by weights trained on the other folds; the figures pool every
        /// article's out-of-fold labels.
        /// </summary>
        /// <param name="assignment">Which fold assignment (<see cref="FoldOf"/>); 0 is the bench's and the quality test's.</param>
        /// <param name="trainingShare">
        /// The share (0..1] of each training set to train on, drawn by a hash of the article id; the scored fold is whole.
        /// Below 1 it draws a learning curve: how much more labelled articles would still add.
        /// </param>
        public TaggerEvaluation CrossValidate(IReadOnlyList<LabelledArticle> articles, int assignment = 0, double trainingShare = 1.0)
        {
            if (!(trainingShare > 0 && trainingShare <= 1)) throw new ArgumentOutOfRangeException(nameof(trainingShare), trainingShare, "The training share must be above 0 and at most 1.");
            var e = new TaggerEvaluation();
            for (int fold = 0; fold < Folds; fold++)
            {
                int k = fold;
                var train = articles.Where(a => FoldOf(a.Id, Folds, assignment) != k && InShare(a.Id, trainingShare)).ToList();
                TaggerWeights w = Train(train, null, assignment);
                foreach (LabelledArticle a in articles.Where(a => FoldOf(a.Id, Folds, assignment) == k))
                {
                    TagResult r = _describer.Decide(Describe(a), w);
                    e.Add(a, r.Organization, r.Tags, r.IsAiRelated);
                }
            }
            return e;
        }

        /// <summary>The old keyword system's figures, from what it wrote into the archive (it kept every article as AI news).</summary>
        public static TaggerEvaluation EvaluateOldSystem(IEnumerable<LabelledArticle> articles)
        {
            var e = new TaggerEvaluation();
            foreach (LabelledArticle a in articles) e.Add(a, a.OldOrganization, a.OldTags, true);
            return e;
        }

        // The lowest threshold of the best score; ties go to the one nearest 0.5, the model's own even odds.
        private static double BestThreshold(Func<double, double> score)
        {
            double best = 0.5, bestScore = double.NegativeInfinity;
            int steps = (int)Math.Round((ThresholdTo - ThresholdFrom) / ThresholdStep);
            for (int i = 0; i <= steps; i++)
            {
                double t = Math.Round(ThresholdFrom + i * ThresholdStep, 3);
                double s = score(t);
                if (s > bestScore + 1e-12 || (Math.Abs(s - bestScore) <= 1e-12 && Math.Abs(t - 0.5) < Math.Abs(best - 0.5)))
                {
                    best = t;
                    bestScore = s;
                }
            }
            return best;
        }

        // Feature-name prefixes of the joint tag model: a part every tag shares, and each tag's own part.
        private const string SharedPart = "shared\u0001", OwnPart = "tag\u0001";

        /// <summary>
        /// All tags in one model: each tag's weight is a part shared by every tag (on the tags' own cue features: how a cue
        /// in the headline or the lead counts is much the same for every tag) plus the tag's own part. A tag with a handful
        /// of articles (강화학습, 멀티모달) borrows the shared part instead of learning its cues from seven examples. The
        /// parts are added up per tag, so the saved weights and the tagger are the same as for separate models.
        /// </summary>
        private Dictionary<string, Dictionary<string, double>> TrainTags(List<(LabelledArticle Label, ArticleDescription Description)> articles, List<string> tagNames, double l2)
        {
            var xs = new List<FeatureVector>();
            var ys = new List<bool>();
            foreach (string tag in tagNames)
                foreach (var x in articles)
                {
                    FeatureVector f = x.Description.TagFeatures[tag];
                    var v = new FeatureVector();
                    for (int i = 0; i < f.Names.Count; i++)
                    {
                        v.Add(OwnPart + tag + "\u0001" + f.Names[i], f.Values[i]);
                        if (IsOwnCue(f.Names[i])) v.Add(SharedPart + f.Names[i], f.Values[i]);
                    }
                    xs.Add(v);
                    ys.Add(x.Label.Tags.Contains(tag));
                }
            // The loss is a mean over every (tag, article) pair: the penalty is divided by the number of tags so that each
            // tag's own part is held back as much as a model of its own would be.
            var joint = LogisticRegression.TrainBinary(xs, ys, _settings, l2 / Math.Max(1, tagNames.Count));
            var result = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
            foreach (string tag in tagNames)
            {
                var weights = new Dictionary<string, double>(StringComparer.Ordinal);
                string prefix = OwnPart + tag + "\u0001";
                foreach (var kv in joint)
                {
                    string name = kv.Key.StartsWith(prefix, StringComparison.Ordinal) ? kv.Key.Substring(prefix.Length)
                        : kv.Key.StartsWith(SharedPart, StringComparison.Ordinal) ? kv.Key.Substring(SharedPart.Length) : null;
                    if (name == null) continue;
                    weights[name] = Math.Round((weights.TryGetValue(name, out double w0) ? w0 : 0) + kv.Value, 6);
                }
                result[tag] = weights;
            }
            return result;
        }

        private static bool IsOwnCue(string name) => name == "bias" || name.StartsWith("own:", StringComparison.Ordinal);

        private static FeatureVector OwnOnly(FeatureVector f)
        {
            var v = new FeatureVector();
            for (int i = 0; i < f.Names.Count; i++)
                if (IsOwnCue(f.Names[i])) v.Add(f.Names[i], f.Values[i]);
            return v;
        }

        private static void Copy(Dictionary<string, double> from, Dictionary<string, double> to)
        {
            foreach (var kv in from) to[kv.Key] = kv.Value;
        }
    }
}
