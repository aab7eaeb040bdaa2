using System.Runtime.Serialization;

namespace AiNews
{
    /// <summary>What a source allows to be done with its articles; travels with each article.</summary>
    [DataContract]
    public sealed class SourcePolicy
    {
        /// <summary>False when the publisher forbids AI processing (e.g. "AI학습 및 활용 금지"): summaries stay extractive.</summary>
        [DataMember(Order = 1)] public bool AllowAiProcessing { get; set; } = true;
        /// <summary>The longest excerpt of the body that may be republished; null for no limit of the source's own.</summary>
        [DataMember(Order = 2, EmitDefaultValue = false)] public int? MaxExcerptLength { get; set; }
        /// <summary>The publisher's terms in its own words, for -Verbose and the docs.</summary>
        [DataMember(Order = 3, EmitDefaultValue = false)] public string Notice { get; set; }

        public override string ToString() =>
            (AllowAiProcessing ? "AI processing allowed" : "no AI processing") + (MaxExcerptLength.HasValue ? $", excerpt ≤ {MaxExcerptLength}" : string.Empty);

        [OnDeserializing]
        private void SetDefaults(StreamingContext context) => AllowAiProcessing = true;
    }
}
