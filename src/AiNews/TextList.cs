using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Linq;

namespace AiNews
{
    /// <summary>
    /// A read-only list of texts (an article's tags, organizations, images) that reads as "a; b" where a tool
    /// turns each property into one text: Export-Csv and ConvertTo-Csv call ToString(), and a plain string[]
    /// would give "System.String[]". Its type converter binds that text (or any list) back. Converts implicitly
    /// to and from string[], so code that builds or reads arrays keeps working.
    /// </summary>
    [TypeConverter(typeof(TextListConverter))]
    public sealed class TextList : ReadOnlyCollection<string>
    {
        /// <summary>What joins the items in <see cref="ToString"/>: a semicolon, which tags and URLs seldom contain, and a space for reading.</summary>
        public const string Separator = "; ";

        public static readonly TextList Empty = new TextList(Array.Empty<string>());

        public TextList(IEnumerable<string> items) : base((items ?? Enumerable.Empty<string>()).ToArray()) { }

        /// <summary>As string[].Length, for scripts and code written against the array this list replaced.</summary>
        public int Length => Count;

        /// <summary>The items joined by <see cref="Separator"/>: the text a CSV cell gets.</summary>
        public override string ToString() => string.Join(Separator, this);

        /// <summary>The items of "a; b" (each trimmed, empty ones dropped).</summary>
        public static TextList Parse(string text) => new TextList(Split(text, ';'));

        /// <summary>The trimmed, non-empty parts of <paramref name="text"/> between any of <paramref name="separators"/>.</summary>
        public static IEnumerable<string> Split(string text, params char[] separators) =>
            (text ?? string.Empty).Split(separators).Select(x => x.Trim()).Where(x => x.Length > 0);

        public string[] ToArray() => this.ToArray<string>();

        public static implicit operator TextList(string[] items) => items == null ? null : new TextList(items);
        public static implicit operator string[](TextList list) => list?.ToArray();
    }
}
