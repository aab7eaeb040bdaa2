using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Linq;
using System.Text.RegularExpressions;

namespace AiNews
{
    /// <summary>
    /// The outlets of a merged story, read-only, reading as "Name &lt;Url&gt;; Name &lt;Url&gt;" where a tool turns the
    /// property into one text (Export-Csv); <see cref="Parse"/> and its type converter read that text back.
    /// Converts implicitly to and from ArticleSource[].
    /// </summary>
    [TypeConverter(typeof(ArticleSourceListConverter))]
    public sealed class ArticleSourceList : ReadOnlyCollection<ArticleSource>
    {
        public static readonly ArticleSourceList Empty = new ArticleSourceList(Array.Empty<ArticleSource>());

        // One "Name <Url>" item as ArticleSource.ToString() writes it; a bare URL is a source without a name.
        private static readonly Regex Item = new Regex(@"^(?<name>.*?)\s*<(?<url>[^<>\s]+)>$", RegexOptions.CultureInvariant);

        public ArticleSourceList(IEnumerable<ArticleSource> items) : base((items ?? Enumerable.Empty<ArticleSource>()).Where(s => s != null).ToArray()) { }

        /// <summary>As ArticleSource[].Length, for code written against the array this list replaced.</summary>
        public int Length => Count;

        public override string ToString() => string.Join(TextList.Separator, this.Select(s => s.ToString()));

        /// <summary>The sources of "Name &lt;Url&gt;; Name &lt;Url&gt;" (a bare URL is a source without a name).</summary>
        public static ArticleSourceList Parse(string text) => new ArticleSourceList(TextList.Split(text, ';').Select(ParseOne).Where(s => s != null));

        private static ArticleSource ParseOne(string item)
        {
            Match m = Item.Match(item);
            if (m.Success) return new ArticleSource(m.Groups["name"].Value.Length > 0 ? m.Groups["name"].Value : null, m.Groups["url"].Value);
            return Uri.TryCreate(item, UriKind.Absolute, out _) ? new ArticleSource(null, item) : null;
        }

        public ArticleSource[] ToArray() => this.ToArray<ArticleSource>();

        public static implicit operator ArticleSourceList(ArticleSource[] items) => items == null ? null : new ArticleSourceList(items);
        public static implicit operator ArticleSource[](ArticleSourceList list) => list?.ToArray();
    }
}
