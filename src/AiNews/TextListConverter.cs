using System;
using System.Collections;
using System.Globalization;
using System.Linq;

namespace AiNews
{
    /// <summary>Converts a CSV cell ("a; b"), a string or any list to a <see cref="TextList"/>, and a TextList to its text.</summary>
    public sealed class TextListConverter : ListTextConverter<TextList>
    {
        protected override TextList FromText(string text) => TextList.Parse(text);

        protected override TextList FromItems(IEnumerable items) =>
            new TextList(items.Cast<object>().Where(x => x != null).Select(x => Convert.ToString(x, CultureInfo.InvariantCulture)));
    }
}
