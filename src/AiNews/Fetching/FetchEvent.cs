using AiNews.Http;

namespace AiNews.Fetching
{
    /// <summary>Something to handle on the pipeline thread: a log line, or a finished request.</summary>
    public sealed class FetchEvent
    {
        internal FetchEvent(FetchLogEntry log) { Kind = FetchEventKind.Log; Log = log; }
        internal FetchEvent(FetchRequest request, FetchResult result, FetchException error)
        {
            Kind = FetchEventKind.Completed;
            Request = request;
            Result = result;
            Error = error;
        }

        public FetchEventKind Kind { get; }
        public FetchLogEntry Log { get; }
        public FetchRequest Request { get; }
        public FetchResult Result { get; }
        public FetchException Error { get; }
        public bool Succeeded => Result != null;
        public override string ToString() => Kind == FetchEventKind.Log ? Log.Message : Succeeded ? Result.ToString() : Error.ErrorId + ": " + Error.Message;
    }
}
