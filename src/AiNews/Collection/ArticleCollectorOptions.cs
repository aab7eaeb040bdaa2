using System;
using AiNews.Articles;
using AiNews.Common;
using AiNews.Fetching;

namespace AiNews.Collection
{
    /// <summary>What one run of <see cref="ArticleCollector"/> reads and keeps (the parameters of Get-AiArticle).</summary>
    public sealed class ArticleCollectorOptions
    {
        /// <summary>
        /// Entries read from one feed by default: a daily feed lists 10 to 50; a hostile or broken one with 100,000 entries
        /// would otherwise queue 100,000 page fetches. Raise it with -MaxItemsPerFeed for a large backlog.
        /// </summary>
        public const int DefaultMaxItemsPerFeed = 100;

        /// <summary>The zone of -Date, and of zone-less feed dates of sources that name none (default: local).</summary>
        public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Local;

        /// <summary>-TimeZone as the user gave it: the zone of the sources made up for -FeedUri addresses and feed files.</summary>
        public string TimeZoneName { get; set; }

        /// <summary>Only articles of this calendar day in <see cref="Zone"/>; <see cref="Since"/> and <see cref="Until"/> override its ends.</summary>
        public DateTime? Date { get; set; }

        /// <summary>Only articles published at or after this time.</summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>Only articles published before this time.</summary>
        public DateTimeOffset? Until { get; set; }

        /// <summary>At most this many articles per feed (the newest it lists), or null for all.</summary>
        public int? First { get; set; }

        /// <summary>Keep feed entries as they are (the feed's excerpt is the body) instead of fetching their pages.</summary>
        public bool SkipContent { get; set; }

        /// <summary>Drop articles the taxonomy does not judge to be about AI.</summary>
        public bool AiOnly { get; set; }

        /// <summary>The taxonomy AiOnly judges with (a user's merged over the shipped one); null: the shipped one.</summary>
        public Tagging.Taxonomy Taxonomy { get; set; }

        /// <summary>Entries read from one feed at most (the first ones it lists).</summary>
        public int MaxItemsPerFeed { get; set; } = DefaultMaxItemsPerFeed;

        /// <summary>How feeds and pages are fetched; its MaxResponseBytes caps local files too.</summary>
        public FetchOptions Fetch { get; set; } = new FetchOptions();

        /// <summary>The window these options describe: -Date's day in the zone, narrowed by -Since and -Until.</summary>
        public ArticleWindow Window()
        {
            var window = new ArticleWindow { First = First };
            if (Date.HasValue)
            {
                window.Since = TimeZoneResolver.StartOfDay(Date.Value.Date, Zone);
                window.Until = TimeZoneResolver.StartOfDay(TimeZoneResolver.AddDays(Date.Value.Date, 1), Zone);
            }
            if (Since.HasValue) window.Since = Since;
            if (Until.HasValue) window.Until = Until;
            return window;
        }
    }
}
