using System.Globalization;
using System.Net;
using System.Text;

namespace AiNews.TestSite;

/// <summary>What a route produces before faults, conditional requests and compression are applied.</summary>
public sealed class Payload
{
    public int Status { get; set; } = 200;
    public string ContentType { get; set; }
    public byte[] Body { get; set; } = Array.Empty<byte>();
    public DateTimeOffset? LastModified { get; set; }
    public Dictionary<string, string> Headers { get; } = new();

    public static Payload Text(string contentType, string text, Encoding encoding = null, DateTimeOffset? lastModified = null) =>
        new() { ContentType = contentType, Body = (encoding ?? new UTF8Encoding(false)).GetBytes(text), LastModified = lastModified };
    public static Payload NotFound(string what) => new() { Status = 404, ContentType = "text/plain; charset=utf-8", Body = Encoding.UTF8.GetBytes("not found: " + what) };
}

/// <summary>Renders the four recorded sites: an AI타임스-like CMS, a WordPress-style site, an Atom blog and an EUC-KR CMS site.</summary>
public sealed class Sites
{
    readonly Corpus _corpus;
    static readonly string[] Reporters = { "김가상", "이예시", "박테스트", "최샘플" };
    public Sites(Corpus corpus) { _corpus = corpus; }

    static string H(string s) => WebUtility.HtmlEncode(s ?? "");
    static string Rfc822(DateTimeOffset d) => d.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + (d.Offset < TimeSpan.Zero ? "-" : "+") + d.Offset.ToString("hhmm", CultureInfo.InvariantCulture);
    static string Iso(DateTimeOffset d) => d.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
    static string Reporter(SiteArticle a) => Reporters[Math.Abs(a.Id) % Reporters.Length];
    static DateTimeOffset? Latest(IEnumerable<SiteArticle> list) => list.Select(a => (DateTimeOffset?)a.Published).DefaultIfEmpty(null).Max();

    static IEnumerable<SiteArticle> Take(List<SiteArticle> list, string count, int fallback)
    {
        int n = int.TryParse(count, out int c) && c > 0 ? c : fallback;
        return list.Take(n);
    }

    // ---------- AI타임스-like CMS (also the EUC-KR site, which runs the same CMS) ----------

    public string CmsRss(List<SiteArticle> list, string baseUri, string prefix, string siteName, string count, string encodingName)
    {
        var items = Take(list, count, 50).ToList();
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"").Append(encodingName).Append("\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
        sb.Append("<title>").Append(H(siteName)).Append("</title>\n<link>").Append(baseUri).Append(prefix).Append("/</link>\n");
        sb.Append("<description>").Append(H(siteName)).Append(" 전체기사</description>\n<language>ko</language>\n");
        foreach (var a in items)
        {
            string link = $"{baseUri}{prefix}/news/articleView.html?idxno={a.Id}";
            sb.Append("<item>\n<title><![CDATA[").Append(a.Title).Append("]]></title>\n");
            sb.Append("<link>").Append(H(link)).Append("</link>\n");
            sb.Append("<description><![CDATA[").Append(a.Paragraphs[0]).Append("]]></description>\n");
            sb.Append("<author>").Append(H(Reporter(a))).Append(" 기자</author>\n");
            // The CMS writes zone-less local (Asia/Seoul) times.
            sb.Append("<pubDate>").Append(a.Published.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</pubDate>\n</item>\n");
        }
        sb.Append("</channel>\n</rss>\n");
        return sb.ToString();
    }

    public string CmsPage(SiteArticle a, List<SiteArticle> list, string baseUri, string prefix, string siteName, string metaCharset)
    {
        string url = $"{baseUri}{prefix}/news/articleView.html?idxno={a.Id}";
        string photo = $"/{prefix}/news/photo/{a.Published:yyyyMM}/{a.Id}_1.png";
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n");
        if (metaCharset != null) sb.Append("<meta charset=\"").Append(metaCharset).Append("\">\n");
        sb.Append("<title>").Append(H(a.Title)).Append(" - ").Append(H(siteName)).Append("</title>\n");
        sb.Append("<meta name=\"description\" content=\"").Append(H(a.Summary ?? a.Paragraphs[0])).Append("\">\n");
        sb.Append("<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"").Append(H(a.Title)).Append("\">\n");
        sb.Append("<meta property=\"og:url\" content=\"").Append(H(url)).Append("\">\n<meta property=\"og:image\" content=\"").Append(H(baseUri.TrimEnd('/') + photo)).Append("\">\n");
        sb.Append("<meta property=\"og:site_name\" content=\"").Append(H(siteName)).Append("\">\n");
        sb.Append("<meta property=\"article:published_time\" content=\"").Append(Iso(a.Published)).Append("\">\n");
        sb.Append("<meta property=\"article:section\" content=\"산업\">\n<link rel=\"canonical\" href=\"").Append(H(url)).Append("\">\n");
        sb.Append("<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>\n</head>\n<body>\n");
        sb.Append("<header id=\"user-header\"><nav class=\"nav-menu\"><a href=\"/").Append(prefix).Append("/\">홈</a> <a href=\"#\">산업</a> <a href=\"#\">정책</a> <a href=\"#\">로그인</a> <a href=\"#\">회원가입</a></nav></header>\n");
        sb.Append("<div id=\"user-container\">\n<section class=\"article-view-header\">\n<ul class=\"breadcrumbs\"><li>홈</li><li>산업</li></ul>\n");
        sb.Append("<h3 class=\"heading\">").Append(H(a.Title)).Append("</h3>\n<ul class=\"infomation\"><li><i class=\"icon-user-o\"></i> 기자명 ").Append(H(Reporter(a))).Append(" 기자</li>");
        sb.Append("<li><i class=\"icon-clock-o\"></i> 입력 ").Append(a.Published.ToString("yyyy.MM.dd HH:mm", CultureInfo.InvariantCulture)).Append("</li><li>댓글 0</li></ul>\n");
        sb.Append("<div class=\"share-btns\"><a href=\"#\">페이스북</a> <a href=\"#\">트위터</a> <a href=\"#\">카카오톡</a> <a href=\"#\">URL복사</a></div>\n</section>\n");
        sb.Append("<article id=\"article-view-content-div\" class=\"article-veiw-body view-page font-size17\" itemprop=\"articleBody\">\n");
        sb.Append("<figure class=\"photo-layout image photo-center\"><img src=\"").Append(H(photo)).Append("\" alt=\"").Append(H(a.Title)).Append("\"><figcaption>(사진=").Append(H(siteName)).Append(")</figcaption></figure>\n");
        for (int i = 0; i < a.Paragraphs.Count; i++)
        {
            sb.Append("<p>").Append(H(a.Paragraphs[i])).Append("</p>\n");
            if (i == 1) sb.Append("<div class=\"ad-template\"><div class=\"ad-view\">광고</div><script>googletag.cmd.push(function(){});</script></div>\n");
        }
        sb.Append("<p>").Append(H(Reporter(a))).Append(" 기자 reporter").Append(Math.Abs(a.Id) % 7).Append("@example.com</p>\n</article>\n");
        sb.Append("<div class=\"view-copyright\">저작권자 © ").Append(H(siteName)).Append(" 무단전재 및 재배포, AI학습 및 활용 금지</div>\n");
        sb.Append("<div class=\"tag-group\"><strong>키워드</strong>");
        foreach (var t in a.Tags) sb.Append(" <a href=\"#\" class=\"tag\">#").Append(H(t)).Append("</a>");
        sb.Append("</div>\n<div class=\"view-editors\"><div class=\"profile-images\"><img src=\"/").Append(prefix).Append("/image/reporter.png\" alt=\"\"></div><div class=\"info\"><strong class=\"name\">")
          .Append(H(Reporter(a))).Append(" 기자</strong> <span class=\"email\">reporter@example.com</span> <a href=\"#\">다른기사 보기</a></div></div>\n");
        sb.Append("<section class=\"relation\"><h2 class=\"heading\">관련기사</h2><ul>");
        foreach (var r in list.Where(x => x.Id != a.Id).Take(3))
            sb.Append("<li><a href=\"/").Append(prefix).Append("/news/articleView.html?idxno=").Append(r.Id).Append("\">").Append(H(r.Title)).Append("</a></li>");
        sb.Append("</ul></section>\n<section class=\"popular\"><h2>많이 본 뉴스</h2><ol>");
        foreach (var r in list.Take(5)) sb.Append("<li><a href=\"/").Append(prefix).Append("/news/articleView.html?idxno=").Append(r.Id).Append("\">").Append(H(r.Title)).Append("</a></li>");
        sb.Append("</ol></section>\n</div>\n<footer id=\"user-footer\"><p>제호: ").Append(H(siteName)).Append(" · 주소: 서울시 가상구 예시로 1 · 등록번호: 서울 아 00000</p><p>Copyright © 2026 ")
          .Append(H(siteName)).Append(". All rights reserved.</p></footer>\n<script src=\"/js/common.js\"></script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    // ---------- WordPress-style English site ----------

    static string WpPath(SiteArticle a) => $"/wp/{a.Published:yyyy}/{a.Published:MM}/{a.Published:dd}/{a.Id}-{a.Slug}/";

    public string WpFeed(string baseUri, string count)
    {
        string root = baseUri.TrimEnd('/');
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
        sb.Append("<title>Example Tech Review &#8211; AI</title>\n<atom:link href=\"").Append(root).Append("/wp/feed/\" rel=\"self\" type=\"application/rss+xml\" />\n");
        sb.Append("<link>").Append(root).Append("/wp/</link>\n<description>Artificial intelligence news</description>\n<language>en-US</language>\n<generator>https://wordpress.org/?v=6.7</generator>\n");
        foreach (var a in Take(_corpus.English, count, 20))
        {
            string link = root + WpPath(a);
            sb.Append("<item>\n<title>").Append(H(a.Title)).Append("</title>\n<link>").Append(H(link)).Append("</link>\n");
            sb.Append("<dc:creator><![CDATA[Jane Example]]></dc:creator>\n<pubDate>").Append(Rfc822(a.Published.ToUniversalTime())).Append("</pubDate>\n");
            foreach (var t in a.Tags) sb.Append("<category><![CDATA[").Append(t).Append("]]></category>\n");
            sb.Append("<guid isPermaLink=\"false\">").Append(root).Append("/wp/?p=").Append(a.Id).Append("</guid>\n");
            sb.Append("<description><![CDATA[").Append(a.Summary ?? a.Paragraphs[0]).Append(" [&#8230;]]]></description>\n");
            sb.Append("<content:encoded><![CDATA[");
            foreach (var p in a.Paragraphs) sb.Append("<p>").Append(H(p)).Append("</p>\n");
            sb.Append("]]></content:encoded>\n</item>\n");
        }
        sb.Append("</channel>\n</rss>\n");
        return sb.ToString();
    }

    public SiteArticle WpFind(int id) => _corpus.English.FirstOrDefault(a => a.Id == id);

    public string WpPage(SiteArticle a, string baseUri)
    {
        string root = baseUri.TrimEnd('/');
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"UTF-8\">\n<title>").Append(H(a.Title)).Append(" &#8211; Example Tech Review</title>\n");
        sb.Append("<link rel=\"canonical\" href=\"").Append(root).Append(WpPath(a)).Append("\">\n");
        sb.Append("<meta property=\"og:title\" content=\"").Append(H(a.Title)).Append("\">\n<meta property=\"og:type\" content=\"article\">\n");
        sb.Append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":")
          .Append(System.Text.Json.JsonSerializer.Serialize(a.Title)).Append(",\"datePublished\":\"").Append(Iso(a.Published)).Append("\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Example\"}}</script>\n");
        sb.Append("</head>\n<body class=\"post-template-default single single-post\">\n<header id=\"masthead\" class=\"site-header\"><p class=\"site-title\"><a href=\"/wp/\">Example Tech Review</a></p><nav><a href=\"/wp/\">Home</a> <a href=\"#\">Newsletter</a> <a href=\"#\">Subscribe</a></nav></header>\n");
        sb.Append("<main id=\"main\" class=\"site-main\">\n<article id=\"post-").Append(a.Id).Append("\" class=\"post-").Append(a.Id).Append(" post type-post status-publish format-standard hentry\">\n");
        sb.Append("<header class=\"entry-header\"><h1 class=\"entry-title\">").Append(H(a.Title)).Append("</h1><div class=\"entry-meta\"><span class=\"posted-on\"><time class=\"entry-date published\" datetime=\"")
          .Append(Iso(a.Published)).Append("\">").Append(a.Published.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)).Append("</time></span> <span class=\"byline\">by <span class=\"author vcard\"><a class=\"url fn n\" href=\"#\">Jane Example</a></span></span>");
        foreach (var line in a.Header) sb.Append("<p>").Append(H(line)).Append("</p>");
        sb.Append("</div></header>\n");
        sb.Append("<div class=\"entry-content\">\n");
        foreach (var p in a.Paragraphs) sb.Append("<p>").Append(H(p)).Append("</p>\n");
        sb.Append("<div class=\"sharedaddy sd-sharing-enabled\"><h3 class=\"sd-title\">Share this:</h3><ul><li><a href=\"#\">Email</a></li><li><a href=\"#\">Print</a></li></ul></div>\n</div>\n");
        sb.Append("<footer class=\"entry-footer\"><span class=\"cat-links\">Posted in <a href=\"#\">AI</a></span></footer>\n</article>\n");
        sb.Append("<div id=\"comments\" class=\"comments-area\"><h2>Leave a Reply</h2><form><textarea></textarea></form></div>\n</main>\n");
        sb.Append("<aside id=\"secondary\" class=\"widget-area\"><section class=\"widget widget_recent_entries\"><h2>Recent Posts</h2><ul>");
        foreach (var r in _corpus.English.Take(5)) sb.Append("<li><a href=\"").Append(WpPath(r)).Append("\">").Append(H(r.Title)).Append("</a></li>");
        sb.Append("</ul></section></aside>\n<footer id=\"colophon\"><p>Proudly powered by WordPress</p></footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    public DateTimeOffset? WpLatest => Latest(_corpus.English);

    // ---------- Atom blog ----------

    public string BlogAtom(string baseUri)
    {
        string root = baseUri.TrimEnd('/');
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>Example AI Blog</title>\n");
        sb.Append("<link href=\"").Append(root).Append("/blog/\"/>\n<link rel=\"self\" href=\"").Append(root).Append("/blog/atom.xml\"/>\n");
        sb.Append("<id>tag:blog.example,2026:feed</id>\n<updated>").Append(Iso(Latest(_corpus.Blog).Value.ToUniversalTime())).Append("</updated>\n");
        foreach (var a in _corpus.Blog)
        {
            sb.Append("<entry>\n<title type=\"html\">").Append(H(a.Title)).Append("</title>\n<link rel=\"alternate\" href=\"").Append(root).Append("/blog/posts/").Append(a.Slug).Append(".html\"/>\n");
            sb.Append("<id>tag:blog.example,2026:").Append(a.Slug).Append("</id>\n<published>").Append(Iso(a.Published)).Append("</published>\n<updated>").Append(Iso(a.Published)).Append("</updated>\n");
            sb.Append("<author><name>Sam Example</name></author>\n<summary>").Append(H(a.Summary)).Append("</summary>\n<content type=\"html\">");
            foreach (var p in a.Paragraphs) sb.Append(H("<p>" + H(p) + "</p>"));
            sb.Append("</content>\n</entry>\n");
        }
        sb.Append("</feed>\n");
        return sb.ToString();
    }

    public SiteArticle BlogFind(string slug) => _corpus.Blog.FirstOrDefault(a => a.Slug == slug);
    public DateTimeOffset? BlogLatest => Latest(_corpus.Blog);

    public string BlogPage(SiteArticle a)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(H(a.Title)).Append(" | Example AI Blog</title>\n");
        sb.Append("<meta property=\"article:published_time\" content=\"").Append(Iso(a.Published)).Append("\"></head>\n<body>\n<nav><a href=\"/blog/\">Blog</a> <a href=\"#\">Research</a> <a href=\"#\">Careers</a></nav>\n");
        sb.Append("<main><article class=\"blog-post\"><h1>").Append(H(a.Title)).Append("</h1><p class=\"byline\">Sam Example · <time datetime=\"").Append(Iso(a.Published)).Append("\">")
          .Append(a.Published.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)).Append("</time></p>\n");
        foreach (var p in a.Paragraphs) sb.Append("<p>").Append(H(p)).Append("</p>\n");
        sb.Append("</article></main>\n<footer><p>Subscribe to our newsletter</p><p>© 2026 Example AI</p></footer>\n</body></html>\n");
        return sb.ToString();
    }

    public string Index(string baseUri)
    {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>AiNews test site</title></head><body><h1>AiNews test site</h1><ul>" +
               "<li><a href=\"/aitimes/rss/allArticle.xml\">AI타임스-like RSS</a> (" + _corpus.Korean.Count + " articles)</li>" +
               "<li><a href=\"/wp/feed/\">WordPress-style RSS</a> (" + _corpus.English.Count + ")</li>" +
               "<li><a href=\"/blog/atom.xml\">Atom blog</a> (" + _corpus.Blog.Count + ")</li>" +
               "<li><a href=\"/euckr/rss/allArticle.xml\">EUC-KR RSS</a> (" + _corpus.KoreanAlt.Count + ")</li>" +
               "</ul><p>Data: " + H(_corpus.Origin) + "</p></body></html>";
    }
}
