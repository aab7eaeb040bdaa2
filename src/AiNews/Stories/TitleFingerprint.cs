using System.Globalization;
using System.Text;

namespace AiNews.Stories
{
    /// <summary>
    /// A story key from a headline: letters and digits of every script, lowercased, nothing else. The
    /// same headline republished under another URL (a mobile page, a syndicated copy) gets the same key.
    /// </summary>
    public static class TitleFingerprint
    {
        /// <summary>The key, or null when the title has too few letters to identify a story.</summary>
        public static string Of(string title)
        {
            if (string.IsNullOrEmpty(title)) return null;
            var sb = new StringBuilder(title.Length);
            foreach (char c in title.ToLowerInvariant())
            {
                UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (char.IsLetterOrDigit(c) || category == UnicodeCategory.OtherLetter) sb.Append(c);
            }
            // Short headlines ("속보", "Update") are shared by different stories.
            return sb.Length >= 8 ? sb.ToString() : null;
        }
    }
}
