using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AiNews.Common;
using AiNews.Extraction;
using AiNews.Fetching;

namespace AiNews.Collection
{
    /// <summary>
    /// The extracted page kept beside its fetch-cache entry, so a page that has not changed since the last run (served
    /// from the cache, fresh or after a 304) is not extracted again. The stored extraction is used only when its key
    /// matches: the same body (SHA-256), content type and final address, and the same extractor (see
    /// <see cref="ExtractorVersion"/>); anything else, or an unreadable file, means extracting afresh.
    /// </summary>
    public sealed class StoredExtraction
    {
        /// <summary>The file beside the cache entry (pruned with it, <see cref="FetchCache.Prune(TimeSpan, long)"/>).</summary>
        public const string Extension = ".extract";

        /// <summary>
        /// The format of the stored file and of the extraction rules. Raise it when a change to the extractor should not
        /// reuse earlier extractions; builds of other code are told apart by <see cref="ContentHash.BuildIdentity"/> anyway:
        /// an upgraded AiNews never reuses what an older extractor produced.
        /// </summary>
        public const int ExtractorVersion = 1;

        readonly FetchCache _cache;

        public StoredExtraction(FetchCache cache)
        {
            _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        }

        /// <summary>The key of an extraction of <paramref name="body"/> served as <paramref name="contentType"/> at <paramref name="pageUri"/>.</summary>
        public static string KeyOf(byte[] body, string contentType, Uri pageUri) =>
            "v" + ExtractorVersion.ToString(CultureInfo.InvariantCulture) + " " + ContentHash.BuildIdentity + " " + ContentHash.Sha256Hex(body)
            + " " + (contentType ?? "") + " " + (pageUri?.AbsoluteUri ?? "");

        /// <summary>The page stored for <paramref name="requested"/> under <paramref name="key"/>, or null.</summary>
        public ExtractedPage TryRead(Uri requested, string key)
        {
            string text = _cache.TryReadBeside(requested, Extension);
            if (text == null) return null;
            int newline = text.IndexOf('\n');
            if (newline < 0 || text.Substring(0, newline) != key) return null;
            if (!(Json.TryParse(text.Substring(newline + 1)) is Dictionary<string, object> map)) return null;
            var page = new ExtractedPage
            {
                Title = Json.String(map, "title"),
                Author = Json.String(map, "author"),
                LeadImage = Json.String(map, "leadImage"),
                Images = Json.Strings(map, "images"),
                Content = Json.String(map, "content"),
                Language = Json.String(map, "language"),
                Description = Json.String(map, "description"),
                Rule = Json.String(map, "rule"),
            };
            if (Uri.TryCreate(Json.String(map, "pageUri") ?? "", UriKind.Absolute, out Uri pageUri)) page.PageUri = pageUri;
            string published = Json.String(map, "published");
            if (published != null && DateTimeOffset.TryParseExact(published, "o", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset at)) page.Published = at;
            if (Enum.TryParse(Json.String(map, "method") ?? "", out ExtractionMethod method)) page.Method = method;
            page.Notes.AddRange(Json.Strings(map, "notes"));
            return page;
        }

        /// <summary>Keeps <paramref name="page"/> for <paramref name="requested"/> under <paramref name="key"/>; best effort.</summary>
        public bool TryWrite(Uri requested, string key, ExtractedPage page)
        {
            var sb = new StringBuilder(key).Append('\n').Append('{');
            Member(sb, "pageUri", page.PageUri?.AbsoluteUri, first: true);
            Member(sb, "title", page.Title);
            Member(sb, "published", page.Published?.ToString("o", CultureInfo.InvariantCulture));
            Member(sb, "author", page.Author);
            Member(sb, "leadImage", page.LeadImage);
            sb.Append(",\"images\":").Append(List(page.Images));
            Member(sb, "content", page.Content);
            Member(sb, "language", page.Language);
            Member(sb, "description", page.Description);
            Member(sb, "method", page.Method.ToString());
            Member(sb, "rule", page.Rule);
            sb.Append(",\"notes\":").Append(List(page.Notes));
            return _cache.TryWriteBeside(requested, Extension, sb.Append('}').ToString());
        }

        static void Member(StringBuilder sb, string name, string value, bool first = false) =>
            sb.Append(first ? "" : ",").Append(Json.Quote(name)).Append(':').Append(Json.Quote(value));

        static string List(IEnumerable<string> items)
        {
            var sb = new StringBuilder("[");
            foreach (string item in items ?? Array.Empty<string>()) sb.Append(sb.Length > 1 ? "," : "").Append(Json.Quote(item));
            return sb.Append(']').ToString();
        }
    }
}
