using System;

namespace AiNews.Collection
{
    /// <summary>One item that failed (a source, a feed, a page, a file): an error record for the caller, the run goes on.</summary>
    public sealed class CollectionProblem : CollectionEvent
    {
        public CollectionProblem(string errorId, ProblemCategory category, object target, string message, Exception exception = null)
        {
            ErrorId = errorId;
            Category = category;
            Target = target;
            Message = message;
            Exception = exception;
        }

        /// <summary>A stable id: one of <see cref="CollectionErrorIds"/> or <see cref="Http.FetchErrorIds"/>.</summary>
        public string ErrorId { get; }
        public ProblemCategory Category { get; }
        /// <summary>
        /// What failed: the <see cref="NewsSource"/> for a source's feed (Invoke-AiNewsJob counts the sources read from
        /// that), the address for a page or a feed file, the path for a local file, the id for an unknown source.
        /// </summary>
        public object Target { get; }
        /// <summary>What happened and what to do about it.</summary>
        public string Message { get; }
        /// <summary>The underlying exception, or null.</summary>
        public Exception Exception { get; }

        public override string ToString() => ErrorId + ": " + Message;
    }
}
