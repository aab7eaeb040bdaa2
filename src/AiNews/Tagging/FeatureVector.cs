using System;
using System.Collections.Generic;

namespace AiNews.Tagging
{
    /// <summary>A sparse list of named features; a zero is not stored. Names are what weights are keyed by.</summary>
    internal sealed class FeatureVector
    {
        public List<string> Names { get; } = new List<string>();
        public List<double> Values { get; } = new List<double>();

        public void Add(string name, double value)
        {
            if (value == 0 || double.IsNaN(value)) return;
            Names.Add(name);
            Values.Add(value);
        }

        public void Add(string name, bool on) { if (on) Add(name, 1.0); }

        /// <summary>A count or score squashed to about 0..1.5, so that one long article does not outweigh everything.</summary>
        public static double Log(double x) => x <= 0 ? 0 : Math.Log(1 + x) / 3.0;

        public double Dot(IReadOnlyDictionary<string, double> weights)
        {
            double s = 0;
            if (weights == null) return s;
            for (int i = 0; i < Names.Count; i++)
                if (weights.TryGetValue(Names[i], out double w)) s += w * Values[i];
            return s;
        }
    }
}
