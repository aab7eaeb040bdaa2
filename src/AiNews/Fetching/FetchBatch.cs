using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AiNews.Common;
using AiNews.Http;

namespace AiNews.Fetching
{
    /// <summary>
    /// Runs many fetches at once (throttled by the <see cref="WebFetcher"/>, or any <see cref="IWebFetcher"/>) and hands their log lines and results to ONE
    /// consuming thread, in the order they happen — the shape a cmdlet needs, since it may only write from its own thread:
    /// <code>
    /// using (var batch = new FetchBatch(fetcher, stopToken))
    /// {
    ///     batch.Add(new FetchRequest(feedUri, FetchKind.Feed, source));
    ///     foreach (FetchEvent e in batch.GetConsumingEnumerable())
    ///     {
    ///         if (e.Kind == FetchEventKind.Log) WriteVerbose(e.Log.Message);
    ///         else if (e.Succeeded) { /* parse; batch.Add(page requests) */ }
    ///         else WriteError(...e.Error.ErrorId...);
    ///         if (noMoreToAdd) batch.CompleteAdding();
    ///     }
    /// }
    /// </code>
    /// The enumeration ends once <see cref="CompleteAdding"/> has been called and every request has completed. Requests may be
    /// added while enumerating (pages found in a feed). Cancelling the token (StopProcessing) cancels all requests and ends
    /// the enumeration with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public sealed class FetchBatch : IDisposable
    {
        readonly IWebFetcher _fetcher;
        readonly CancellationTokenSource _cancel;
        readonly BlockingCollection<FetchEvent> _events = new BlockingCollection<FetchEvent>(new ConcurrentQueue<FetchEvent>());
        readonly object _gate = new object();
        int _pending;
        bool _addingCompleted;

        public FetchBatch(IWebFetcher fetcher, CancellationToken cancellationToken)
        {
            _fetcher = fetcher ?? throw new ArgumentNullException(nameof(fetcher));
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>Requests added and not yet completed.</summary>
        public int Pending { get { lock (_gate) return _pending; } }

        /// <summary>Starts a request now; its log lines and its completion arrive through <see cref="GetConsumingEnumerable"/>.</summary>
        public void Add(FetchRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            lock (_gate)
            {
                if (_addingCompleted) throw new InvalidOperationException("CompleteAdding was called; no more requests can be added.");
                _pending++;
            }
            Action<FetchLogEntry> callerLog = request.Log;
            request.Log = entry =>
            {
                callerLog?.Invoke(entry);
                TryPost(new FetchEvent(entry));
            };
            Task<FetchResult> task;
            try { task = _fetcher.FetchAsync(request, _cancel.Token); }
            catch (Exception e) { task = Task.FromException<FetchResult>(e); }
            task.ContinueWith(t =>
            {
                if (t.Status == TaskStatus.RanToCompletion) TryPost(new FetchEvent(request, t.Result, null));
                else if (t.Exception?.GetBaseException() is FetchException fe) TryPost(new FetchEvent(request, null, fe));
                else if (!t.IsCanceled && !(t.Exception?.GetBaseException() is OperationCanceledException))
                    TryPost(new FetchEvent(request, null, new FetchException(
                        request.Kind == FetchKind.Feed ? FetchErrorIds.FeedUnreachable : FetchErrorIds.PageUnreachable, request.Uri,
                        $"Could not fetch {UriDisplay.WithoutQuery(request.Uri)}: {t.Exception?.GetBaseException().Message}", t.Exception?.GetBaseException())));
                Finish();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public void Add(Uri uri, FetchKind kind, object state = null) => Add(new FetchRequest(uri, kind, state));

        /// <summary>No more requests will be added; the enumeration ends when the pending ones complete.</summary>
        public void CompleteAdding()
        {
            lock (_gate)
            {
                _addingCompleted = true;
                if (_pending == 0) _events.CompleteAdding();
            }
        }

        /// <summary>Blocks until the next event; ends when adding is complete and all requests are done.</summary>
        public IEnumerable<FetchEvent> GetConsumingEnumerable() => _events.GetConsumingEnumerable(_cancel.Token);

        /// <summary>Waits up to <paramref name="millisecondsTimeout"/> for the next event (for a caller that also does other work).</summary>
        public bool TryTake(out FetchEvent fetchEvent, int millisecondsTimeout) => _events.TryTake(out fetchEvent, millisecondsTimeout, _cancel.Token);

        /// <summary>True when adding is complete and every event has been taken.</summary>
        public bool IsCompleted => _events.IsCompleted;

        /// <summary>Cancels every pending request.</summary>
        public void Cancel() => _cancel.Cancel();

        void TryPost(FetchEvent e)
        {
            try { _events.Add(e); }
            catch (InvalidOperationException) { } // completed or disposed (ObjectDisposedException): the consumer has gone
        }

        void Finish()
        {
            lock (_gate)
            {
                _pending--;
                if (_pending == 0 && _addingCompleted)
                {
                    try { _events.CompleteAdding(); } catch (ObjectDisposedException) { }
                }
            }
        }

        public void Dispose()
        {
            _cancel.Cancel();
            lock (_gate) { _addingCompleted = true; }
            try { _events.CompleteAdding(); } catch (ObjectDisposedException) { }
            _cancel.Dispose();
        }
    }
}
