using System;
using System.Collections;
using System.ComponentModel;
using System.Globalization;

namespace AiNews
{
    /// <summary>
    /// What the converters of the article's list properties share: PowerShell binds a CSV cell ("a; b"), a single
    /// string, an array or any other list to the list type, and turns the list into its "a; b" text.
    /// </summary>
    public abstract class ListTextConverter<TList> : TypeConverter where TList : class
    {
        /// <summary>The list of a CSV cell's text.</summary>
        protected abstract TList FromText(string text);

        /// <summary>The list of any other list's items (PowerShell wrappers included: their ToString() is their object's).</summary>
        protected abstract TList FromItems(IEnumerable items);

        public override bool CanConvertFrom(ITypeDescriptorContext context, Type sourceType) =>
            sourceType == typeof(string) || typeof(IEnumerable).IsAssignableFrom(sourceType) || base.CanConvertFrom(context, sourceType);

        public override object ConvertFrom(ITypeDescriptorContext context, CultureInfo culture, object value)
        {
            switch (value)
            {
                case null: return FromText(null);
                case string text: return FromText(text);
                case IEnumerable items: return FromItems(items);
                default: return base.ConvertFrom(context, culture, value);
            }
        }

        public override bool CanConvertTo(ITypeDescriptorContext context, Type destinationType) =>
            destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

        public override object ConvertTo(ITypeDescriptorContext context, CultureInfo culture, object value, Type destinationType) =>
            value is TList list && destinationType == typeof(string) ? list.ToString() : base.ConvertTo(context, culture, value, destinationType);
    }
}
