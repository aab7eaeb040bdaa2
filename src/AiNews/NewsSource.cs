using System;
using System.Runtime.Serialization;

namespace AiNews
{
    /// <summary>A news source of the catalog (module/data/sources.json or a user's catalog file).</summary>
    [DataContract]
    public sealed class NewsSource
    {
        /// <summary>Short id used on the command line, e.g. "AiTimes".</summary>
        [DataMember(Order = 1)] public string Id { get; set; }
        /// <summary>Display name shown in digests, e.g. "AI타임스".</summary>
        [DataMember(Order = 2)] public string Name { get; set; }
        [DataMember(Order = 3)] public string FeedUri { get; set; }
        [DataMember(Order = 4)] public string Homepage { get; set; }
        [DataMember(Order = 5)] public string Language { get; set; }
        /// <summary>The zone in which the source's zone-less dates are meant (IANA or Windows id).</summary>
        [DataMember(Order = 6)] public string TimeZone { get; set; }
        [DataMember(Order = 7)] public SourcePolicy Policy { get; set; } = new SourcePolicy();
        /// <summary>True for the source Get-AiArticle reads when no source is named.</summary>
        [DataMember(Order = 8, EmitDefaultValue = false)] public bool Default { get; set; }
        /// <summary>
        /// True for an intranet source: its feed and pages may be fetched from loopback and private addresses, which
        /// are refused for every other source (see AiNews.Fetching.AddressPolicy).
        /// </summary>
        [DataMember(Order = 9, EmitDefaultValue = false)] public bool AllowPrivateNetwork { get; set; }

        public override string ToString() => Id;
    }
}
