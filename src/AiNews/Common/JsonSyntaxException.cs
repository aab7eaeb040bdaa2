using System;

namespace AiNews.Common
{
    /// <summary>
    /// Text that is not JSON, with where the reader stopped. A <see cref="FormatException"/>, so callers that report
    /// malformed JSON need not know it; <see cref="ModuleData.Load{T}"/> turns <see cref="Offset"/> into a line number.
    /// </summary>
    public class JsonSyntaxException : FormatException
    {
        public JsonSyntaxException(string message, int offset) : base(message) { Offset = offset; }

        /// <summary>The character offset in the parsed text at which reading failed.</summary>
        public int Offset { get; }
    }
}
