using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AiNews
{
    /// <summary>Converts a CSV cell ("Name &lt;Url&gt;; ...") or a list of sources to an <see cref="ArticleSourceList"/>, and back to its text.</summary>
    public sealed class ArticleSourceListConverter : ListTextConverter<ArticleSourceList>
    {
        protected override ArticleSourceList FromText(string text) => ArticleSourceList.Parse(text);

        // An ArticleSource as it is; anything else (a wrapped one, a "Name <Url>" text) through its text.
        protected override ArticleSourceList FromItems(IEnumerable items) =>
            new ArticleSourceList(items.Cast<object>().Where(x => x != null).SelectMany(x =>
                x is ArticleSource s ? new[] { s } : (IEnumerable<ArticleSource>)ArticleSourceList.Parse(Convert.ToString(x, CultureInfo.InvariantCulture))));
    }
}
