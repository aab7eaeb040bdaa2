using System;
using System.Collections.Generic;

namespace AiNews.Stories
{
    /// <summary>The fingerprint of one article that <see cref="StoryGrouper"/> compares.</summary>
    public sealed class StoryPrint
    {
        internal string Url;
        internal HashSet<string> Title, TitleNumbers, Body, Anchors;
        internal string Language;
        internal DateTimeOffset? Published;

        public static StoryPrint Of(Article a, int bodyLength = 1000)
        {
            string body = a.Content ?? string.Empty;
            if (body.Length > bodyLength) body = body.Substring(0, bodyLength);
            return new StoryPrint
            {
                Url = CanonicalUrl.Key(a.Url),
                Title = StoryShingles.Of(a.Title),
                TitleNumbers = StoryShingles.Numbers(a.Title),
                Body = StoryShingles.Of(a.Title + "\n" + body),
                Anchors = StoryShingles.Anchors(a.Title + "\n" + body),
                Language = a.Language ?? LanguageGuess.Of(a.Title + " " + body),
                Published = a.Published,
            };
        }
    }
}
