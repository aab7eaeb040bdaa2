using System;

namespace AiNews.Commands
{
    /// <summary>The exception type behind AiNews error records.</summary>
    public sealed class AiNewsException : Exception
    {
        public AiNewsException(string message, Exception inner = null) : base(message, inner) { }
    }
}
