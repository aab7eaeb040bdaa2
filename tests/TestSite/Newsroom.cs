using System.Globalization;
using System.Net;
using System.Text;

namespace AiNews.TestSite;

/// <summary>
/// A newsroom over simulated time, for the scheduled-job tests: article N is published at
/// <see cref="Start"/> + N × <see cref="Interval"/> (an interval that is no divisor of an hour or a day, so
/// articles fall at every time of day and across midnights), and the feed at <c>?now=ISO</c> lists the newest
/// <see cref="FeedSize"/> articles published by then. Without <c>now</c> it uses the real clock. Titles and
/// bodies are drawn from word lists with a seed per article, so no two articles read as one story.
/// </summary>
public static class Newsroom
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 20, 0, TimeSpan.FromHours(9));
    public static readonly TimeSpan Interval = new(2, 51, 0);
    /// <summary>Items in the feed: like a real feed, older items drop off as new ones arrive.</summary>
    public const int FeedSize = 20;

    static readonly string[] Labs = { "Anthropic", "OpenAI", "Google DeepMind", "Naver", "Kakao", "LG AI Research", "Mistral", "Upstage", "Meta", "Samsung" };
    static readonly string[] Words =
    {
        "amber", "basalt", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "indigo", "jasper", "kelp", "lumen", "marble", "nectar",
        "onyx", "prairie", "quartz", "raven", "saffron", "tundra", "umber", "velvet", "willow", "xenon", "yarrow", "zephyr", "acorn", "birch",
        "cedar", "dune", "estuary", "falcon", "glacier", "heron", "iris", "juniper", "kestrel", "lagoon", "meadow", "nimbus", "orchid", "pebble",
        "quill", "reef", "sierra", "thistle", "upland", "valley", "walnut", "yucca", "zinnia", "atlas", "beacon", "canyon", "dynamo", "echo",
    };

    public static DateTimeOffset PublishedAt(int n) => Start + TimeSpan.FromTicks(Interval.Ticks * n);

    /// <summary>Numbers of the articles published at or before <paramref name="now"/>, newest first.</summary>
    public static IEnumerable<int> Visible(DateTimeOffset now)
    {
        if (now < Start) yield break;
        int newest = (int)Math.Min(int.MaxValue - 1, (now - Start).Ticks / Interval.Ticks);
        for (int n = newest; n >= 0 && n > newest - FeedSize; n--) yield return n;
    }

    public static string Title(int n)
    {
        var random = new Random(n * 7919 + 17);
        return $"{Labs[n % Labs.Length]} unveils {Pick(random)} {Pick(random)} AI model for {Pick(random)} {Pick(random)} research (#{n})";
    }

    static string[] Paragraphs(int n)
    {
        var random = new Random(n * 104729 + 3);
        string Sentence() => string.Join(" ", Enumerable.Range(0, 14).Select(_ => Pick(random))) + ".";
        return new[]
        {
            $"{Labs[n % Labs.Length]} said on Tuesday that its new artificial intelligence model, code-named {Pick(random)} {Pick(random)}, is a large language model trained for {Pick(random)} work.",
            "Researchers described the machine learning system in these words: " + Sentence() + " " + Sentence(),
            "The AI model will be offered to developers next month, the company added. " + Sentence(),
        };
    }

    static string Pick(Random random) => Words[random.Next(Words.Length)];

    static string H(string s) => WebUtility.HtmlEncode(s);
    static string Rfc822(DateTimeOffset d) => d.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string Feed(string baseUri, DateTimeOffset now)
    {
        string root = baseUri.TrimEnd('/');
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Newsroom</title>\n");
        sb.Append("<link>").Append(root).Append("/newsroom/</link>\n<description>AI news over simulated time</description>\n");
        foreach (int n in Visible(now))
        {
            sb.Append("<item>\n<title>").Append(H(Title(n))).Append("</title>\n<link>").Append(root).Append("/newsroom/news/").Append(n).Append(".html</link>\n");
            sb.Append("<guid>").Append(root).Append("/newsroom/news/").Append(n).Append(".html</guid>\n<pubDate>").Append(Rfc822(PublishedAt(n))).Append("</pubDate>\n");
            sb.Append("<description>").Append(H(Paragraphs(n)[0])).Append("</description>\n</item>\n");
        }
        return sb.Append("</channel>\n</rss>\n").ToString();
    }

    public static string Page(int n)
    {
        string published = PublishedAt(n).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(H(Title(n))).Append("</title>\n");
        sb.Append("<meta property=\"article:published_time\" content=\"").Append(published).Append("\">\n</head>\n<body>\n<nav><a href=\"/newsroom/\">Newsroom</a></nav>\n");
        sb.Append("<article>\n<h1>").Append(H(Title(n))).Append("</h1>\n<time datetime=\"").Append(published).Append("\"></time>\n");
        foreach (string p in Paragraphs(n)) sb.Append("<p>").Append(H(p)).Append("</p>\n");
        return sb.Append("</article>\n<footer>Newsroom</footer>\n</body>\n</html>\n").ToString();
    }
}
