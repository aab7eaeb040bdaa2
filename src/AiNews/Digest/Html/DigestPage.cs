using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Net;
using AngleSharp.Dom;
using AiNews.Common;

namespace AiNews.Digest.Html
{
    /// <summary>
    /// A digest as one self-contained web page: the Markdown rendered by Markdig as GitHub would, headings
    /// given the same ids as the Markdown anchors, sanitized, and placed in the page template
    /// (module/data/digest-page.html: embedded CSS, phone-friendly, light and dark themes, no script).
    /// </summary>
    public static class DigestPage
    {
        public const string TemplateFile = "digest-page.html";

        private static readonly Regex Placeholder = new Regex(@"\{\{(\w+)\}\}", RegexOptions.CultureInvariant);

        private static readonly Lazy<string> Template = new Lazy<string>(() => ModuleData.Load(ModuleData.PathOf(TemplateFile), text => text));

        /// <summary>The page of a digest (or of any Markdown: the archive's index.html is one too).</summary>
        /// <param name="markdown">The Markdown; its first level-1 heading is the page title.</param>
        /// <param name="language">The html lang attribute; default <see cref="DigestFormat.PageLanguage"/>.</param>
        public static string Render(string markdown, string language = null) => Page(BodyOf(markdown, out string title), title, language);

        /// <summary>
        /// The sanitized HTML of <paramref name="markdown"/> as it is in the page's body, with its first level-1
        /// heading's text as <paramref name="title"/> (null without one). The bodies of Markdown parts that each
        /// end where the next begins, and whose headings all differ, put one after the other are the body of the
        /// whole: heading ids depend on the headings before them only when one repeats. The archive's index.html
        /// keeps the body of each month this way and renders only the months that changed.
        /// </summary>
        internal static string BodyOf(string markdown, out string title)
        {
            string html = MarkdownPipelines.ToHtml(markdown);
            string first = null;
            string body = HtmlSanitizer.Sanitize(html, root =>
            {
                // Ids in document order with the same slugger as the Markdown table of contents.
                var slugger = new HeadingSlugger();
                foreach (IElement heading in root.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
                {
                    heading.SetAttribute("id", slugger.Slug(heading.TextContent));
                    if (first == null && heading.LocalName == "h1") first = heading.TextContent;
                }
                // Markdig percent-encodes non-ASCII fragments; give links the ids' own spelling so they match literally.
                foreach (IElement link in root.QuerySelectorAll("a[href^='#']"))
                    link.SetAttribute("href", "#" + Uri.UnescapeDataString(link.GetAttribute("href").Substring(1)));
            });
            title = first;
            return body;
        }

        /// <summary>The page template filled with a body (<see cref="BodyOf"/>) and title (default <see cref="DigestFormat.PageTitle"/>).</summary>
        internal static string Page(string body, string title, string language = null) => Assemble(body, title, language, out _);

        /// <summary>
        /// <see cref="Page"/>, and where the body begins in it (<paramref name="bodyAt"/>, UTF-16 code units; -1 without
        /// one): the archive's index.html records where its month parts lie, to take them from the page next time.
        /// </summary>
        internal static string Assemble(string body, string title, string language, out int bodyAt)
        {
            DigestFormat f = DigestFormat.Default;
            var values = new Dictionary<string, string>
            {
                ["lang"] = WebUtility.HtmlEncode(string.IsNullOrWhiteSpace(language) ? f.PageLanguage : language),
                ["title"] = WebUtility.HtmlEncode(title ?? f.PageTitle),
                ["body"] = body,
            };
            // One pass over the template, so that a title containing "{{body}}" stays text.
            string template = Template.Value;
            var page = new StringBuilder(template.Length + body.Length);
            int last = 0;
            bodyAt = -1;
            foreach (Match m in Placeholder.Matches(template))
            {
                page.Append(template, last, m.Index - last);
                if (values.TryGetValue(m.Groups[1].Value, out string v))
                {
                    if (bodyAt < 0 && m.Groups[1].Value == "body") bodyAt = page.Length;
                    page.Append(v);
                }
                else page.Append(m.Value);
                last = m.Index + m.Length;
            }
            page.Append(template, last, template.Length - last);
            return page.ToString();
        }
    }
}
