using System;

namespace AiNews
{
    /// <summary>
    /// JSON nested deeper than <see cref="Json.MaxDepth"/>. A <see cref="FormatException"/>, so every caller that
    /// already reports malformed JSON (LLM replies, taxonomies, rules, JSON-LD) reports this the same way.
    /// </summary>
    public sealed class JsonTooDeepException : FormatException
    {
        public JsonTooDeepException(string message) : base(message) { }
    }
}
