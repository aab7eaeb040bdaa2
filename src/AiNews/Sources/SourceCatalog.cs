using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AiNews.Common;

namespace AiNews.Sources
{
    /// <summary>
    /// The sources the module knows: the shipped catalog, extended or overridden (by Id) by a user's
    /// catalog file. Data, not code: users add sources without a new release.
    /// </summary>
    public sealed class SourceCatalog
    {
        /// <summary>Environment variable naming a user's catalog file that extends the shipped one.</summary>
        public const string EnvironmentVariable = "AINEWS_SOURCES";
        public const string FileName = "sources.json";

        private static readonly Lazy<IReadOnlyList<NewsSource>> Shipped =
            new Lazy<IReadOnlyList<NewsSource>>(() => ReadFile(ModuleData.PathOf(FileName)));

        private readonly List<NewsSource> _sources;

        private SourceCatalog(List<NewsSource> sources) { _sources = sources; }

        public IReadOnlyList<NewsSource> Sources => _sources;

        /// <summary>The shipped catalog, extended by <paramref name="userFile"/> or else by $env:AINEWS_SOURCES.</summary>
        public static SourceCatalog Load(string userFile = null)
        {
            var sources = new List<NewsSource>(Shipped.Value.Select(Clone));
            string extra = string.IsNullOrWhiteSpace(userFile) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : userFile;
            if (!string.IsNullOrWhiteSpace(extra))
            {
                foreach (NewsSource s in ReadFile(extra))
                {
                    int i = sources.FindIndex(x => string.Equals(x.Id, s.Id, StringComparison.OrdinalIgnoreCase));
                    if (i >= 0) sources[i] = s; else sources.Add(s);
                }
            }
            return new SourceCatalog(sources);
        }

        public NewsSource Find(string id) =>
            _sources.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

        /// <summary>The source with this display name, for articles that carry only the name (e.g. read from a digest).</summary>
        public NewsSource FindByName(string name) =>
            _sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

        public NewsSource DefaultSource => _sources.FirstOrDefault(s => s.Default) ?? _sources.FirstOrDefault();

        /// <summary>Reads a catalog file: a JSON array of sources.</summary>
        /// <exception cref="ModuleDataException">The file is not a valid catalog; the message says where.</exception>
        public static List<NewsSource> ReadFile(string path) => ModuleData.Load(path, text => Parse(text, path));

        private static List<NewsSource> Parse(string text, string path)
        {
            List<NewsSource> sources;
            try { sources = CatalogJson.Sources(Json.Parse(text)); }
            catch (FormatException e)
            {
                string message = $"The source catalog '{path}' is not a JSON array of sources ({e.Message}).";
                if (e is JsonSyntaxException json) throw new JsonSyntaxException(message, json.Offset);
                throw new FormatException(message, e);
            }
            var problems = new StringBuilder();
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < (sources?.Count ?? 0); i++)
            {
                NewsSource s = sources[i];
                if (s == null) { problems.Append($" Entry {i + 1} is empty."); continue; }
                if (string.IsNullOrWhiteSpace(s.Id)) problems.Append($" Entry {i + 1} has no Id.");
                else if (!ids.Add(s.Id)) problems.Append($" Id '{s.Id}' appears twice.");
                if (string.IsNullOrWhiteSpace(s.Name)) s.Name = s.Id;
                if (!Uri.TryCreate(s.FeedUri, UriKind.Absolute, out Uri feed) || (feed.Scheme != Uri.UriSchemeHttp && feed.Scheme != Uri.UriSchemeHttps))
                    problems.Append($" '{s.Id}' has FeedUri '{s.FeedUri}', which is not an http or https URL.");
                if (s.Policy == null) s.Policy = new SourcePolicy();
            }
            if (sources == null || problems.Length > 0)
                throw new InvalidDataException($"The source catalog '{path}' has problems:{(sources == null ? " it is empty." : problems.ToString())}");
            return sources;
        }

        private static NewsSource Clone(NewsSource s) => new NewsSource
        {
            Id = s.Id, Name = s.Name, FeedUri = s.FeedUri, Homepage = s.Homepage, Language = s.Language, TimeZone = s.TimeZone,
            Default = s.Default, AllowPrivateNetwork = s.AllowPrivateNetwork,
            Policy = new SourcePolicy { AllowAiProcessing = s.Policy.AllowAiProcessing, MaxExcerptLength = s.Policy.MaxExcerptLength, Notice = s.Policy.Notice },
        };
    }
}
