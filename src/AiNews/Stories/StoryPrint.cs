using System;
using System.Collections.Generic;
using AiNews.Articles;
using AiNews.Text;

namespace AiNews.Stories
{
    /// <summary>
    /// The fingerprint of one article that <see cref="StoryGrouper"/> compares: the story key used by
    /// Merge-AiArticle and by the archive alike.
    /// </summary>
    public sealed class StoryPrint
    {
        /// <summary>Body characters fingerprinted by default: the lead carries the story; tails carry boilerplate.</summary>
        public const int DefaultBodyLength = 1000;

        /// <summary>
        /// The article's URL key, <see cref="CanonicalUrl.Key"/>: the one URL identity of the module (the digest, the
        /// archive and story grouping all compare it), so tracking-parameter variants of one page are one article.
        /// </summary>
        internal string UrlKey;
        // Sorted distinct hashes (StoryShingles): a few KB an article, where sets of strings were about 30 KB.
        internal ulong[] Title, TitleNumbers, Body, Anchors;
        internal string Language;
        internal DateTimeOffset? Published;

        /// <param name="a">The article.</param>
        /// <param name="bodyLength">How much of the body to fingerprint.</param>
        public static StoryPrint Of(Article a, int bodyLength = DefaultBodyLength)
        {
            string body = a.Content ?? string.Empty;
            if (body.Length > bodyLength) body = body.Substring(0, bodyLength);
            // Each text is tokenized once: the title's tokens serve both title sets, the whole text's both body sets.
            List<string> title = StoryShingles.Tokens(a.Title ?? string.Empty);
            List<string> all = StoryShingles.Tokens(a.Title + "\n" + body);
            return new StoryPrint
            {
                UrlKey = CanonicalUrl.Key(a.Url),
                Title = string.IsNullOrEmpty(a.Title) ? StoryShingles.None : StoryShingles.Of(title),
                TitleNumbers = StoryShingles.Numbers(title),
                Body = StoryShingles.Of(all),
                Anchors = StoryShingles.Anchors(all),
                Language = LanguageGuess.Decide(a.Language, a.Title, body),
                Published = a.Published,
            };
        }
    }
}
