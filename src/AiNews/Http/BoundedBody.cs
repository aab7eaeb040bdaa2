namespace AiNews.Http
{
    /// <summary>What <see cref="BoundedReader"/> read: the bytes, or the news that there were too many.</summary>
    public sealed class BoundedBody
    {
        internal BoundedBody(byte[] bytes, bool truncated, bool exceeded)
        {
            Bytes = bytes;
            Truncated = truncated;
            Exceeded = exceeded;
        }

        /// <summary>The body (its first MaxBytes when <see cref="Truncated"/>); null when <see cref="Exceeded"/>.</summary>
        public byte[] Bytes { get; }

        /// <summary>More arrived than allowed and the first part was kept, as asked.</summary>
        public bool Truncated { get; }

        /// <summary>More arrived than allowed and reading stopped there: the body is refused.</summary>
        public bool Exceeded { get; }
    }
}
