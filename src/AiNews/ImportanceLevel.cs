using System.Collections.Generic;

namespace AiNews
{
    /// <summary>The three importance grades of the digest.</summary>
    public static class ImportanceLevel
    {
        public const string High = "주요";
        public const string Normal = "일반";
        public const string Low = "참고";

        public static readonly IReadOnlyList<string> All = new[] { High, Normal, Low };

        /// <summary>Accepts the Korean grade or its English name (High/Normal/Low), case-insensitive.</summary>
        public static bool TryNormalize(string value, out string grade)
        {
            grade = null;
            if (string.IsNullOrWhiteSpace(value)) return false;
            string v = value.Trim();
            foreach (string g in All)
                if (v == g) { grade = g; return true; }
            switch (v.ToLowerInvariant())
            {
                case "high": grade = High; return true;
                case "normal": grade = Normal; return true;
                case "low": grade = Low; return true;
                default: return false;
            }
        }
    }
}
