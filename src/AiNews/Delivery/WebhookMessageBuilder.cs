using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AiNews.Common;
using AiNews.Digest;
using AiNews.Text;

namespace AiNews.Delivery
{

    /// <summary>
    /// Turns a digest into the messages one webhook accepts: each service's markup and escaping, and its
    /// size limit respected by splitting between articles (an article longer than a message is cut at a
    /// line). Every part repeats the digest title with "(n/m)".
    /// </summary>
    public static class WebhookMessageBuilder
    {
        /// <summary>Characters of text per message: Discord's hard limit is 2,000; Slack's section text 3,000;
        /// a Teams card must stay under 28 KB, and Korean text is 3 bytes a character in UTF-8.</summary>
        public static int LimitOf(WebhookKind kind) => kind == WebhookKind.Discord ? 2000 : kind == WebhookKind.Slack ? 3000 : 7000;

        public static List<string> Build(WebhookKind kind, string title, IReadOnlyList<Article> articles, int summaryLength = 200)
        {
            int limit = LimitOf(kind);
            var items = articles.Select(a => Item(kind, a, summaryLength)).ToList();
            string header = Bold(kind, Escape(kind, title)) + " (" + articles.Count.ToString(CultureInfo.InvariantCulture) + "건)";
            int room = limit - header.Length - 16;      // "(12/12)" and line breaks

            var parts = new List<StringBuilder> { new StringBuilder() };
            foreach (string item in items.SelectMany(i => i.Length <= room ? new[] { i } : CutLines(i, room)))
            {
                if (parts[parts.Count - 1].Length > 0 && parts[parts.Count - 1].Length + item.Length + 1 > room) parts.Add(new StringBuilder());
                parts[parts.Count - 1].Append(item).Append('\n');
            }
            var messages = new List<string>(parts.Count);
            for (int i = 0; i < parts.Count; i++)
            {
                string counter = parts.Count > 1 ? $" ({i + 1}/{parts.Count})" : string.Empty;
                messages.Add(header + counter + "\n" + parts[i].ToString().TrimEnd('\n'));
            }
            return messages;
        }

        /// <summary>The JSON body the service expects for one message.</summary>
        public static string Payload(WebhookKind kind, string text)
        {
            switch (kind)
            {
                case WebhookKind.Slack:
                    return "{\"text\":" + Json.Quote(text) + ",\"unfurl_links\":false,\"unfurl_media\":false}";
                case WebhookKind.Discord:
                    // No mention in news text may ping anyone.
                    return "{\"content\":" + Json.Quote(text) + ",\"allowed_mentions\":{\"parse\":[]}}";
                default:
                    return "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"content\":{"
                        + "\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\",\"type\":\"AdaptiveCard\",\"version\":\"1.4\","
                        + "\"body\":[{\"type\":\"TextBlock\",\"wrap\":true,\"text\":" + Json.Quote(text) + "}]}}]}";
            }
        }

        private static string Item(WebhookKind kind, Article a, int summaryLength)
        {
            string title = TextNormalizer.SingleLine(a.Title);
            string url = SafeUrl(a.Url);
            string link = kind == WebhookKind.Slack
                ? "<" + url + "|" + Escape(kind, title).Replace("|", "¦") + ">"
                : "[" + Escape(kind, title) + "](" + (kind == WebhookKind.Discord ? "<" + url + ">" : url) + ")";
            var labels = new[] { a.Source, a.Organization }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Escape(kind, TextNormalizer.SingleLine(s)));
            var sb = new StringBuilder("• ").Append(link);
            string meta = string.Join(" · ", labels);
            if (meta.Length > 0) sb.Append(" — ").Append(meta);
            string summary = TextNormalizer.SingleLine(a.Summary);
            if (summary.Length > 0 && summary != title)
            {
                if (summary.Length > summaryLength) summary = summary.Substring(0, summaryLength).TrimEnd() + "…";
                sb.Append('\n').Append(kind == WebhookKind.Teams ? "  " : "> ").Append(Escape(kind, summary));
            }
            return sb.ToString();
        }

        // Characters that end a link in one of the services' syntaxes are percent-encoded; the URL means the same.
        private static string SafeUrl(string url)
        {
            var sb = new StringBuilder(url.Length);
            foreach (char c in url.Trim())
            {
                if (c == '<' || c == '>' || c == '|' || c == '(' || c == ')' || c <= ' ') sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.ToString();
        }

        private static string Bold(WebhookKind kind, string text) => kind == WebhookKind.Slack ? "*" + text + "*" : "**" + text + "**";

        /// <summary>Text that the service shows as it is: no markup, links or mentions of its own.</summary>
        public static string Escape(WebhookKind kind, string text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            var sb = new StringBuilder(text.Length + 8);
            foreach (char c in text)
            {
                switch (kind)
                {
                    case WebhookKind.Slack:
                        // Slack's mrkdwn needs only these three escaped; <!channel> and <@U…> need a '<'.
                        if (c == '&') sb.Append("&amp;");
                        else if (c == '<') sb.Append("&lt;");
                        else if (c == '>') sb.Append("&gt;");
                        else sb.Append(c);
                        break;
                    default:
                        if ("\\*_~`|[]()<>#@".IndexOf(c) >= 0) sb.Append('\\');
                        sb.Append(c);
                        break;
                }
            }
            return sb.ToString();
        }

        /// <summary>An item too long for one message, in pieces of at most <paramref name="room"/> characters, cut at lines where possible.</summary>
        private static IEnumerable<string> CutLines(string item, int room)
        {
            var current = new StringBuilder();
            foreach (string line in item.Split('\n'))
            {
                string rest = line;
                while (true)
                {
                    int free = room - (current.Length > 0 ? current.Length + 1 : 0);
                    if (rest.Length <= free)
                    {
                        if (current.Length > 0) current.Append('\n');
                        current.Append(rest);
                        break;
                    }
                    if (current.Length > 0)
                    {
                        yield return current.ToString();
                        current.Clear();
                        continue;
                    }
                    yield return rest.Substring(0, room);       // one line longer than a message
                    rest = rest.Substring(room);
                }
            }
            if (current.Length > 0) yield return current.ToString();
        }
    }
}
