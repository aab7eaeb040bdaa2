using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AiNews.Http
{
    /// <summary>
    /// A parsed robots.txt (RFC 9309): groups of user-agent lines with Allow/Disallow rules; the group naming our product
    /// token wins, else the '*' groups; the longest matching rule decides, Allow winning a tie; '*' matches any run of
    /// characters and a trailing '$' anchors the end.
    /// </summary>
    public sealed class RobotsTxt
    {
        sealed class Rule
        {
            public bool Allow;
            public string Pattern;
            public Regex Regex;
        }

        sealed class Group
        {
            public readonly List<string> Agents = new List<string>();
            public readonly List<Rule> Rules = new List<Rule>();
            public TimeSpan? CrawlDelay;
        }

        readonly List<Group> _groups = new List<Group>();
        readonly bool _disallowAll;

        RobotsTxt(bool disallowAll) { _disallowAll = disallowAll; }

        /// <summary>No file (404 and other 4xx): everything is allowed.</summary>
        public static RobotsTxt AllowAll { get; } = new RobotsTxt(false);

        /// <summary>The file could not be read because of a server error: RFC 9309 says assume everything is disallowed.</summary>
        public static RobotsTxt DisallowAll { get; } = new RobotsTxt(true);

        /// <summary>Why this policy exists when it was not parsed from a file (shown in messages), else null.</summary>
        public string Note { get; private set; }

        internal static RobotsTxt DisallowAllBecause(string note) => new RobotsTxt(true) { Note = note };

        public static RobotsTxt Parse(string text)
        {
            var robots = new RobotsTxt(false);
            Group current = null;
            bool lastWasAgent = false;
            foreach (string raw in (text ?? "").Split('\n'))
            {
                string line = raw;
                int hash = line.IndexOf('#');
                if (hash >= 0) line = line.Substring(0, hash);
                line = line.Trim().TrimStart('\uFEFF');
                int colon = line.IndexOf(':');
                if (colon <= 0) continue;
                string key = line.Substring(0, colon).Trim().ToLowerInvariant();
                string value = line.Substring(colon + 1).Trim();
                switch (key)
                {
                    case "user-agent":
                        if (current == null || !lastWasAgent)
                        {
                            current = new Group();
                            robots._groups.Add(current);
                        }
                        current.Agents.Add(AgentToken(value));
                        lastWasAgent = true;
                        break;
                    case "allow":
                    case "disallow":
                        lastWasAgent = false;
                        if (current == null || value.Length == 0) break; // rules before any group, and empty rules, mean nothing
                        string pattern = NormalizePattern(value);
                        current.Rules.Add(new Rule { Allow = key == "allow", Pattern = pattern, Regex = ToRegex(pattern) });
                        break;
                    case "crawl-delay":
                        // Not in RFC 9309, but widely used: seconds (fractions allowed) between requests. It neither starts
                        // nor ends a group; a value that is no non-negative number is ignored.
                        if (current != null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
                            && seconds >= 0 && seconds <= MaxCrawlDelaySeconds)
                            current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                        break;
                    default:
                        // sitemap, host and unknown lines neither start nor end a group
                        break;
                }
            }
            return robots;
        }

        static string AgentToken(string value)
        {
            int end = 0;
            while (end < value.Length && value[end] != '/' && !char.IsWhiteSpace(value[end])) end++;
            return value.Substring(0, end).ToLowerInvariant();
        }

        // Anything longer than a day is no delay a crawler can honour (and TimeSpan.FromSeconds overflows far above it);
        // the throttle shortens what it waits to HostThrottle.MaxCrawlDelay anyway.
        const double MaxCrawlDelaySeconds = 86400;

        /// <summary>
        /// The Crawl-delay asked of <paramref name="agent"/>: that of its own groups, else of the '*' groups (the longest,
        /// when several groups give one); zero when none does.
        /// </summary>
        public TimeSpan CrawlDelay(string agent)
        {
            TimeSpan longest = TimeSpan.Zero;
            foreach (Group g in GroupsFor(agent))
                if (g.CrawlDelay.HasValue && g.CrawlDelay.Value > longest) longest = g.CrawlDelay.Value;
            return longest;
        }

        /// <summary>True when <paramref name="agent"/> (a product token such as "AiNews") may fetch <paramref name="uri"/>.</summary>
        public bool IsAllowed(string agent, Uri uri)
        {
            if (uri == null) throw new ArgumentNullException(nameof(uri));
            return IsAllowed(agent, uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString);
        }

        /// <summary>True when <paramref name="agent"/> may fetch <paramref name="pathAndQuery"/> ("/news/1.html?x=1").</summary>
        public bool IsAllowed(string agent, string pathAndQuery)
        {
            string path = NormalizePath(string.IsNullOrEmpty(pathAndQuery) ? "/" : pathAndQuery);
            if (path == "/robots.txt") return true;
            if (_disallowAll) return false;
            Rule rule = Decide(agent, path);
            return rule == null || rule.Allow;
        }

        /// <summary>The rule that decides, for messages ("Disallow: /private/"), or null when none matches.</summary>
        public string MatchingRule(string agent, string pathAndQuery)
        {
            if (_disallowAll) return Note ?? "everything (robots.txt unavailable)";
            Rule rule = Decide(agent, NormalizePath(string.IsNullOrEmpty(pathAndQuery) ? "/" : pathAndQuery));
            return rule == null ? null : (rule.Allow ? "Allow: " : "Disallow: ") + rule.Pattern;
        }

        Rule Decide(string agent, string path)
        {
            Rule best = null;
            foreach (var rule in GroupsFor(agent).SelectMany(g => g.Rules))
            {
                if (!rule.Regex.IsMatch(path)) continue;
                if (best == null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow))
                    best = rule;
            }
            return best;
        }

        // The groups naming the agent's product token, else the '*' groups.
        List<Group> GroupsFor(string agent)
        {
            string token = AgentToken(agent ?? "");
            var groups = _groups.Where(g => token.Length > 0 && g.Agents.Contains(token)).ToList();
            return groups.Count > 0 ? groups : _groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        // Both sides are compared percent-encoded with upper-case hex: non-ASCII characters in a rule become UTF-8 escapes.
        static string NormalizePattern(string value)
        {
            var sb = new StringBuilder();
            foreach (byte b in Encoding.UTF8.GetBytes(value))
            {
                if (b > 0x7F || b <= 0x20) sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                else sb.Append((char)b);
            }
            return UpperEscapes(sb.ToString());
        }

        static string NormalizePath(string path)
        {
            string p = NormalizePattern(path);
            return p.StartsWith("/", StringComparison.Ordinal) ? p : "/" + p;
        }

        static string UpperEscapes(string s) =>
            Regex.Replace(s, "%[0-9a-fA-F]{2}", m => m.Value.ToUpperInvariant());

        static Regex ToRegex(string pattern)
        {
            bool anchored = pattern.EndsWith("$", StringComparison.Ordinal);
            string body = anchored ? pattern.Substring(0, pattern.Length - 1) : pattern;
            var sb = new StringBuilder("^");
            foreach (char c in body)
                sb.Append(c == '*' ? ".*" : Regex.Escape(c.ToString()));
            if (anchored) sb.Append('$');
            return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
    }
}
