using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Tagging
{
    /// <summary>
    /// Our own small logistic regression: a yes/no model (a tag, AI relevance) and a ranking model (softmax over an
    /// article's candidate organizations). Full-batch Nesterov gradient descent from zero weights with an L2 penalty:
    /// no random step at all, so the same data always gives the same weights.
    /// </summary>
    internal static class LogisticRegression
    {
        // Weights smaller than this are dropped when saved: they change no decision and only bloat the file.
        private const double NegligibleWeight = 1e-6;

        public static Dictionary<string, double> TrainBinary(IReadOnlyList<FeatureVector> xs, IReadOnlyList<bool> ys, TaggerSettings s, double l2)
        {
            var index = new FeatureIndex();
            var rows = xs.Select(index.Encode).ToList();
            int n = rows.Count;
            if (n == 0) return new Dictionary<string, double>();
            // The gradient's Lipschitz bound for the logistic loss: 1/4 of the largest squared row norm.
            double lipschitz = 0.25 * rows.Max(r => r.SquaredNorm) + l2;
            return index.Decode(Minimize(index.Count, lipschitz, s, l2, (w, grad) =>
            {
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    double z = rows[i].Dot(w);
                    double p = Sigmoid(z);
                    double y = ys[i] ? 1 : 0;
                    loss += ys[i] ? Softplus(-z) : Softplus(z);
                    rows[i].AddTo(grad, (p - y) / n);
                }
                return loss / n;
            }));
        }

        public static Dictionary<string, double> TrainRanking(IReadOnlyList<IReadOnlyList<FeatureVector>> groups, IReadOnlyList<int> gold, TaggerSettings s, double l2)
        {
            var index = new FeatureIndex();
            var encoded = groups.Select(g => g.Select(index.Encode).ToList()).ToList();
            int n = encoded.Count;
            if (n == 0) return new Dictionary<string, double>();
            double lipschitz = encoded.SelectMany(g => g).Max(r => r.SquaredNorm) + l2;
            return index.Decode(Minimize(index.Count, lipschitz, s, l2, (w, grad) =>
            {
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    var g = encoded[i];
                    var z = new double[g.Count];
                    double max = double.NegativeInfinity;
                    for (int c = 0; c < g.Count; c++) { z[c] = g[c].Dot(w); if (z[c] > max) max = z[c]; }
                    double sum = 0;
                    for (int c = 0; c < g.Count; c++) sum += Math.Exp(z[c] - max);
                    loss += max + Math.Log(sum) - z[gold[i]];
                    for (int c = 0; c < g.Count; c++)
                    {
                        double p = Math.Exp(z[c] - max) / sum - (c == gold[i] ? 1 : 0);
                        g[c].AddTo(grad, p / n);
                    }
                }
                return loss / n;
            }));
        }

        /// <summary>The mean log-likelihood of yes/no labels under weights: how well held-out articles are predicted.</summary>
        public static double LogLikelihood(IReadOnlyList<FeatureVector> xs, IReadOnlyList<bool> ys, IReadOnlyDictionary<string, double> w)
        {
            double sum = 0;
            for (int i = 0; i < xs.Count; i++)
            {
                double z = xs[i].Dot(w);
                sum -= ys[i] ? Softplus(-z) : Softplus(z);
            }
            return xs.Count == 0 ? 0 : sum / xs.Count;
        }

        /// <summary>The mean log-probability of the labelled candidate under weights.</summary>
        public static double LogLikelihood(IReadOnlyList<IReadOnlyList<FeatureVector>> groups, IReadOnlyList<int> gold, IReadOnlyDictionary<string, double> w)
        {
            double sum = 0;
            for (int i = 0; i < groups.Count; i++)
            {
                var z = groups[i].Select(f => f.Dot(w)).ToList();
                double max = z.Max();
                sum += z[gold[i]] - max - Math.Log(z.Sum(v => Math.Exp(v - max)));
            }
            return groups.Count == 0 ? 0 : sum / groups.Count;
        }

        public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

        private static double Softplus(double z) => z > 30 ? z : Math.Log(1 + Math.Exp(z));

        // Nesterov's accelerated gradient with the safe step 1/L (scaled by the settings' learning rate).
        private static double[] Minimize(int dims, double lipschitz, TaggerSettings s, double l2, Func<double[], double[], double> lossAndGradient)
        {
            double step = s.LearningRate / lipschitz;
            var w = new double[dims];
            var previous = new double[dims];
            var look = new double[dims];
            var grad = new double[dims];
            for (int t = 1; t <= s.Iterations; t++)
            {
                double momentum = (t - 1.0) / (t + 2.0);
                for (int j = 0; j < dims; j++) look[j] = w[j] + momentum * (w[j] - previous[j]);
                Array.Clear(grad, 0, dims);
                lossAndGradient(look, grad);
                Array.Copy(w, previous, dims);
                for (int j = 0; j < dims; j++) w[j] = look[j] - step * (grad[j] + l2 * look[j]);
            }
            return w;
        }

        private sealed class FeatureIndex
        {
            private readonly Dictionary<string, int> _ids = new Dictionary<string, int>(StringComparer.Ordinal);
            private readonly List<string> _names = new List<string>();
            public int Count => _names.Count;

            public Row Encode(FeatureVector v)
            {
                var row = new Row(v.Names.Count);
                for (int i = 0; i < v.Names.Count; i++)
                {
                    if (!_ids.TryGetValue(v.Names[i], out int id)) { id = _names.Count; _ids[v.Names[i]] = id; _names.Add(v.Names[i]); }
                    row.Ids[i] = id;
                    row.Values[i] = v.Values[i];
                }
                return row;
            }

            public Dictionary<string, double> Decode(double[] w)
            {
                var result = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (int j in Enumerable.Range(0, _names.Count).OrderBy(j => _names[j], StringComparer.Ordinal))
                    if (Math.Abs(w[j]) >= NegligibleWeight) result[_names[j]] = Math.Round(w[j], 6);
                return result;
            }
        }

        private sealed class Row
        {
            public readonly int[] Ids;
            public readonly double[] Values;
            public Row(int n) { Ids = new int[n]; Values = new double[n]; }
            public double SquaredNorm => Values.Sum(v => v * v);
            public double Dot(double[] w) { double s = 0; for (int i = 0; i < Ids.Length; i++) s += w[Ids[i]] * Values[i]; return s; }
            public void AddTo(double[] grad, double scale) { for (int i = 0; i < Ids.Length; i++) grad[Ids[i]] += scale * Values[i]; }
        }
    }
}
