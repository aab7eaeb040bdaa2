using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AiNews.Digest
{
    /// <summary>
    /// GitHub's heading-id algorithm (its TableOfContentsFilter: downcase, remove /[^\p{Word}\- ]/, turn
    /// ' ' into '-'): lowercase; keep word characters of every script — letters, marks, decimal digits,
    /// letter numbers, connector punctuation — and '-' and ' '; drop everything else (punctuation,
    /// symbols, emoji, circled numbers, no-break and other spaces, control and format characters);
    /// turn each ASCII space into '-' without collapsing runs. A repeated id gets "-1", "-2", … in order.
    /// One instance tracks one document, because the suffix depends on the headings seen before.
    /// </summary>
    public sealed class HeadingSlugger
    {
        private readonly Dictionary<string, int> _occurrences = new Dictionary<string, int>();

        /// <summary>The id of the next heading with this (rendered) text, made unique within the document.</summary>
        public string Slug(string headingText)
        {
            string slug = BaseSlug(headingText);
            string result = slug;
            // github-slugger's loop: "a", "a", "a-1", "a" give "a", "a-1", "a-1-1", "a-2".
            while (_occurrences.ContainsKey(result))
            {
                int count = ++_occurrences[slug];
                result = slug + "-" + count.ToString(CultureInfo.InvariantCulture);
            }
            _occurrences[result] = 0;
            return result;
        }

        /// <summary>The id without de-duplication.</summary>
        public static string BaseSlug(string headingText)
        {
            if (string.IsNullOrEmpty(headingText)) return string.Empty;
            string lower = headingText.ToLowerInvariant();
            var sb = new StringBuilder(lower.Length);
            for (int i = 0; i < lower.Length; i++)
            {
                char c = lower[i];
                if (c == ' ') { sb.Append('-'); continue; }
                if (c == '-') { sb.Append('-'); continue; }
                bool pair = char.IsHighSurrogate(c) && i + 1 < lower.Length && char.IsLowSurrogate(lower[i + 1]);
                if (IsKept(CharUnicodeInfo.GetUnicodeCategory(lower, i)) || IsCircledLetter(c))
                {
                    sb.Append(c);
                    if (pair) sb.Append(lower[i + 1]);
                }
                if (pair) i++;
            }
            return sb.ToString();
        }

        // Ⓐ…ⓩ are symbols by category but Alphabetic by property, so \p{Word} keeps them.
        private static bool IsCircledLetter(char c) => c >= '\u24B6' && c <= '\u24E9';

        private static bool IsKept(UnicodeCategory category)
        {
            switch (category)
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.ConnectorPunctuation:
                    return true;
                default:
                    return false;
            }
        }
    }
}
