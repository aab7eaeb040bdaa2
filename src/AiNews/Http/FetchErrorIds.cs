using System;

namespace AiNews.Http
{
    /// <summary>Stable error ids of fetch failures (the Commands layer turns them into ErrorRecords); never rename one.</summary>
    public static class FetchErrorIds
    {
        public const string FeedUnreachable = "AiNews.FeedUnreachable";
        public const string PageUnreachable = "AiNews.PageUnreachable";
        public const string FeedTooLarge = "AiNews.FeedTooLarge";
        public const string PageTooLarge = "AiNews.PageTooLarge";
        public const string RobotsDisallowed = "AiNews.RobotsDisallowed";
        public const string RedirectLoop = "AiNews.RedirectLoop";
        public const string RedirectRefused = "AiNews.RedirectRefused";
        public const string UnexpectedContentType = "AiNews.UnexpectedContentType";
        public const string HttpError = "AiNews.HttpError";
        public const string InvalidUri = "AiNews.InvalidUri";
        /// <summary>The address is not public (loopback, private, link-local ...) and private networks were not allowed.</summary>
        public const string AddressRefused = "AiNews.AddressRefused";
        /// <summary>The host timed out too often in a row; its remaining addresses are skipped for this run.</summary>
        public const string HostUnavailable = "AiNews.HostUnavailable";
        /// <summary>The host name could not be resolved, or the network is unreachable.</summary>
        public const string NetworkUnavailable = "AiNews.NetworkUnavailable";
    }
}
