using System;
using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Linq;

namespace AiNews
{
    /// <summary>
    /// Converts to a <see cref="TextList"/> what PowerShell assigns or binds to one: a CSV cell ("a; b"), a single
    /// string, an array or any other list; and a TextList to its "a; b" text.
    /// </summary>
    public sealed class TextListConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext context, Type sourceType) =>
            sourceType == typeof(string) || typeof(IEnumerable).IsAssignableFrom(sourceType) || base.CanConvertFrom(context, sourceType);

        public override object ConvertFrom(ITypeDescriptorContext context, CultureInfo culture, object value)
        {
            switch (value)
            {
                case null: return TextList.Empty;
                case string text: return TextList.Parse(text);
                case IEnumerable items:
                    // A PowerShell wrapper's ToString() is its object's, so no PowerShell type is needed here.
                    return new TextList(items.Cast<object>().Where(x => x != null).Select(x => Convert.ToString(x, CultureInfo.InvariantCulture)));
                default: return base.ConvertFrom(context, culture, value);
            }
        }

        public override bool CanConvertTo(ITypeDescriptorContext context, Type destinationType) =>
            destinationType == typeof(string) || destinationType == typeof(string[]) || base.CanConvertTo(context, destinationType);

        public override object ConvertTo(ITypeDescriptorContext context, CultureInfo culture, object value, Type destinationType)
        {
            if (value is TextList list)
            {
                if (destinationType == typeof(string)) return list.ToString();
                if (destinationType == typeof(string[])) return list.ToArray();
            }
            return base.ConvertTo(context, culture, value, destinationType);
        }

    }
}
