using System;
using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Linq;

namespace AiNews
{
    /// <summary>Converts a CSV cell ("Name &lt;Url&gt;; ...") or a list of sources to an <see cref="ArticleSourceList"/>, and back to its text.</summary>
    public sealed class ArticleSourceListConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext context, Type sourceType) =>
            sourceType == typeof(string) || typeof(IEnumerable).IsAssignableFrom(sourceType) || base.CanConvertFrom(context, sourceType);

        public override object ConvertFrom(ITypeDescriptorContext context, CultureInfo culture, object value)
        {
            switch (value)
            {
                case null: return ArticleSourceList.Empty;
                case string text: return ArticleSourceList.Parse(text);
                case IEnumerable items:
                    // An ArticleSource as it is; anything else (a wrapped one, a "Name <Url>" text) through its text.
                    return new ArticleSourceList(items.Cast<object>().Where(x => x != null).SelectMany(x =>
                        x is ArticleSource s ? new[] { s } : (System.Collections.Generic.IEnumerable<ArticleSource>)ArticleSourceList.Parse(Convert.ToString(x, CultureInfo.InvariantCulture))));
                default: return base.ConvertFrom(context, culture, value);
            }
        }

        public override bool CanConvertTo(ITypeDescriptorContext context, Type destinationType) =>
            destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

        public override object ConvertTo(ITypeDescriptorContext context, CultureInfo culture, object value, Type destinationType) =>
            value is ArticleSourceList list && destinationType == typeof(string) ? list.ToString() : base.ConvertTo(context, culture, value, destinationType);
    }
}
