using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AiNews.Text;

namespace AiNews.Extraction
{
    /// <summary>Language: the page's declaration (html lang, og:locale, inLanguage) reduced to its primary tag, else a guess from the body.</summary>
    public sealed class LanguageStep : IExtractionStep
    {
        public void Run(ExtractionContext context)
        {
            string lang = context.Page.Language;
            if (!string.IsNullOrWhiteSpace(lang))
            {
                lang = lang.Trim().Replace('_', '-');
                int dash = lang.IndexOf('-');
                lang = (dash > 0 ? lang.Substring(0, dash) : lang).ToLowerInvariant();
                if (!Regex.IsMatch(lang, "^[a-z]{2,3}$")) lang = null;
            }
            context.Page.Language = lang ?? LanguageGuess.Of(context.Page.Content ?? context.Page.Title);
        }
    }
}
