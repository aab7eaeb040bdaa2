using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AiNews.Common;

namespace AiNews.Summaries
{
    /// <summary>
    /// LLM results on disk, one small JSON file per article, keyed by a hash of the article's content, the model and
    /// the prompt version: an hourly job never pays twice for one article, and a new prompt or model starts afresh.
    /// </summary>
    public sealed class SummaryCache
    {
        private readonly string _folder;

        public SummaryCache(string folder) { _folder = folder; }

        public static string DefaultFolder =>
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
                "AiNews", "llm-cache");

        public static string Key(string model, string promptVersion, string language, string title, string content) =>
            ContentHash.Sha256Hex(string.Join("\n", model ?? "", promptVersion ?? "", language ?? "", title ?? "", content ?? ""));

        public LlmResult Get(string key)
        {
            string path = Path.Combine(_folder, key + ".json");
            try
            {
                if (!File.Exists(path)) return null;
                var o = Json.Parse(File.ReadAllText(path, Encoding.UTF8)) as Dictionary<string, object>;
                if (o == null || string.IsNullOrEmpty(Json.String(o, "summary"))) return null;
                return new LlmResult
                {
                    Summary = Json.String(o, "summary"),
                    Organization = Json.String(o, "organization"),
                    Tags = Json.Strings(o, "tags").ToArray(),
                    Importance = Json.String(o, "importance"),
                };
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException) { return null; }
        }

        public void Put(string key, LlmResult r)
        {
            try
            {
                Directory.CreateDirectory(_folder);
                var sb = new StringBuilder("{");
                sb.Append("\"summary\":").Append(Json.Quote(r.Summary))
                  .Append(",\"organization\":").Append(Json.Quote(r.Organization))
                  .Append(",\"tags\":[").Append(string.Join(",", Array.ConvertAll(r.Tags ?? new string[0], Json.Quote))).Append(']')
                  .Append(",\"importance\":").Append(Json.Quote(r.Importance)).Append('}');
                AtomicFile.WriteAllText(Path.Combine(_folder, key + ".json"), sb.ToString());
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { /* a cache that cannot be written only costs money */ }
        }
    }
}
