namespace AiNews.Common
{
    /// <summary>
    /// JSON nested deeper than <see cref="Json.MaxDepth"/>. A <see cref="System.FormatException"/> (through
    /// <see cref="JsonSyntaxException"/>), so every caller that already reports malformed JSON (LLM replies, taxonomies,
    /// rules, JSON-LD) reports this the same way.
    /// </summary>
    public sealed class JsonTooDeepException : JsonSyntaxException
    {
        public JsonTooDeepException(string message, int offset) : base(message, offset) { }
    }
}
