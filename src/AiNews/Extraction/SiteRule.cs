using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AiNews.Extraction
{
    /// <summary>The rule of one site family (CMS), recognised by markup.</summary>
    public sealed class SiteRule
    {
        public string Name { get; internal set; }
        public IReadOnlyList<string> Match { get; internal set; } = Array.Empty<string>();
        public IReadOnlyList<string> Container { get; internal set; } = Array.Empty<string>();
        public IReadOnlyList<string> Remove { get; internal set; } = Array.Empty<string>();
        public IReadOnlyList<Regex> BoilerplateLines { get; internal set; } = Array.Empty<Regex>();
        public IReadOnlyList<Regex> StopLines { get; internal set; } = Array.Empty<Regex>();
        public IReadOnlyList<Regex> LeadPrefixes { get; internal set; } = Array.Empty<Regex>();
    }
}
