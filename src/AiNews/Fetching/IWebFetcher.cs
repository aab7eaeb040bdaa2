using System;
using System.Threading;
using System.Threading.Tasks;
using AiNews.Http;

namespace AiNews.Fetching
{
    /// <summary>
    /// The fetching service as the rest of the engine sees it: <see cref="WebFetcher"/> in production, a fake in tests
    /// that serve pages without a server.
    /// </summary>
    public interface IWebFetcher
    {
        /// <summary>Completes with a result, faults with a <see cref="FetchException"/>, or is cancelled.</summary>
        Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
    }
}
