using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
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
            // Title and body are lowercased and tokenized once, together: the title's tokens, which come first (no token
            // runs across the line break), serve both title sets, and all of them both body sets.
            string title = a.Title ?? string.Empty;
            string text = (title + "\n" + body).ToLowerInvariant();
            List<StoryShingles.Token> tokens = StoryShingles.Tokens(text);
            int inTitle = 0;
            while (inTitle < tokens.Count && tokens[inTitle].Start < title.Length) inTitle++;
            return new StoryPrint
            {
                UrlKey = CanonicalUrl.Key(a.Url),
                Title = title.Length == 0 ? StoryShingles.None : StoryShingles.Shingles(text, tokens, inTitle),
                TitleNumbers = StoryShingles.Numbers(text, tokens, inTitle),
                Body = StoryShingles.Shingles(text, tokens, tokens.Count),
                Anchors = StoryShingles.Anchors(text, tokens, tokens.Count),
                Language = LanguageGuess.Decide(a.Language, a.Title, body),
                Published = a.Published,
            };
        }

        // Below this many articles the prints are made on the calling thread: a print takes tens of microseconds, about
        // what handing work to other cores costs.
        private const int ParallelMinArticles = 8;

        /// <summary>
        /// The prints of <paramref name="articles"/>, in their order, made on all cores (each print depends on its article
        /// alone): the archive fingerprints a run's articles and its look-back days', Merge-AiArticle every article.
        /// </summary>
        public static StoryPrint[] OfAll(IReadOnlyList<Article> articles, int bodyLength = DefaultBodyLength)
        {
            var prints = new StoryPrint[articles.Count];
            if (articles.Count < ParallelMinArticles) { for (int i = 0; i < prints.Length; i++) prints[i] = Of(articles[i], bodyLength); }
            else Parallel.For(0, prints.Length, i => prints[i] = Of(articles[i], bodyLength));
            return prints;
        }

        /// <summary>
        /// Writes the print as <see cref="Read"/> reads it back, field for field: the archive keeps the prints of its
        /// day files (<see cref="Digest.Archive.ArchiveDayPrints"/>) so that a run need not parse and fingerprint its
        /// look-back days again.
        /// </summary>
        internal void Write(BinaryWriter w)
        {
            w.Write(UrlKey ?? string.Empty);
            w.Write(Language != null);
            if (Language != null) w.Write(Language);
            w.Write(Published.HasValue);
            if (Published.HasValue) { w.Write(Published.Value.Ticks); w.Write((short)Published.Value.Offset.TotalMinutes); }
            foreach (ulong[] set in new[] { Title, TitleNumbers, Body, Anchors })
            {
                w.Write(set.Length);
                foreach (ulong h in set) w.Write(h);
            }
        }

        /// <summary>A print as <see cref="Write"/> wrote it.</summary>
        /// <exception cref="EndOfStreamException">The data ends early.</exception>
        /// <exception cref="InvalidDataException">The data is not a print.</exception>
        internal static StoryPrint Read(BinaryReader r)
        {
            var print = new StoryPrint { UrlKey = r.ReadString() };
            if (r.ReadBoolean()) print.Language = r.ReadString();
            if (r.ReadBoolean())
            {
                long ticks = r.ReadInt64();
                short offset = r.ReadInt16();
                try { print.Published = new DateTimeOffset(ticks, TimeSpan.FromMinutes(offset)); }
                catch (ArgumentException e) { throw new InvalidDataException("A stored print has no valid date.", e); }
            }
            print.Title = ReadSet(r);
            print.TitleNumbers = ReadSet(r);
            print.Body = ReadSet(r);
            print.Anchors = ReadSet(r);
            return print;
        }

        // A set of Write; its length is checked against what is left, so damaged data cannot ask for gigabytes.
        private static ulong[] ReadSet(BinaryReader r)
        {
            int count = r.ReadInt32();
            if (count < 0 || (long)count * sizeof(ulong) > r.BaseStream.Length - r.BaseStream.Position)
                throw new InvalidDataException("A stored print is cut short.");
            if (count == 0) return StoryShingles.None;
            var set = new ulong[count];
            for (int i = 0; i < count; i++) set[i] = r.ReadUInt64();
            return set;
        }
    }
}
