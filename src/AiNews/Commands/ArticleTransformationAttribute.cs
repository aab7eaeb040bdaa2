using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using AiNews.Common;

namespace AiNews.Commands
{
    /// <summary>
    /// Lets any object with the article's property names bind as an <see cref="Article"/>: a
    /// [pscustomobject], a hashtable, a row of Import-Csv (tags as "LLM, 에이전트"), ConvertFrom-Json output.
    /// </summary>
    public sealed class ArticleTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) => ToArticle(inputData);

        public static Article ToArticle(object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is Article article) return article;
            if (value == null) return null;

            var properties = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary) properties[entry.Key.ToString()] = Unwrap(entry.Value);
            }
            else
            {
                foreach (PSPropertyInfo property in PSObject.AsPSObject(inputData).Properties)
                {
                    try { properties[property.Name] = Unwrap(property.Value); }
                    catch (GetValueException) { }
                }
            }
            if (!properties.ContainsKey(nameof(Article.Title)) && !properties.ContainsKey(nameof(Article.Url)))
                throw new ArgumentTransformationMetadataException(
                    $"Cannot use a {value.GetType().Name} as an article: it has neither a Title nor a Url property. Pipe AiNews.Article objects or objects with the same property names.");

            var result = new Article
            {
                Title = Text(properties, nameof(Article.Title)),
                Url = Text(properties, nameof(Article.Url)),
                Published = Date(properties, nameof(Article.Published)),
                Source = Text(properties, nameof(Article.Source)),
                SourceId = Text(properties, nameof(Article.SourceId)),
                Policy = properties.TryGetValue(nameof(Article.Policy), out object policy) ? policy as SourcePolicy : null,
                Language = Text(properties, nameof(Article.Language)),
                Author = Text(properties, nameof(Article.Author)),
                Organization = Text(properties, nameof(Article.Organization)),
                Organizations = List(properties, nameof(Article.Organizations)),
                Tags = List(properties, nameof(Article.Tags)),
                Summary = Text(properties, nameof(Article.Summary)),
                Content = Text(properties, nameof(Article.Content)),
                Images = List(properties, nameof(Article.Images), ';'),   // URLs may hold commas, never "; "
                Sources = Sources(properties),
                IsAiRelated = Flag(properties, nameof(Article.IsAiRelated)),
            };
            string importance = Text(properties, nameof(Article.Importance));
            if (importance != null)
            {
                if (!ImportanceLevel.TryNormalize(importance, out string grade))
                    throw new ArgumentTransformationMetadataException(
                        $"Importance '{importance}' is not one of {string.Join(", ", ImportanceLevel.All)} (or High, Normal, Low).");
                result.Importance = grade;
            }
            return result;
        }

        /// <summary>
        /// Sources as ArticleSource objects, anything with Name and Url (e.g. from ConvertFrom-Json), or the
        /// "Name &lt;Url&gt;; ..." text of an Export-Csv cell.
        /// </summary>
        private static ArticleSource[] Sources(Dictionary<string, object> properties)
        {
            if (!properties.TryGetValue(nameof(Article.Sources), out object v)) return Array.Empty<ArticleSource>();
            if (v is string text) return ArticleSourceList.Parse(text);
            if (!(v is IEnumerable e)) return Array.Empty<ArticleSource>();
            var result = new List<ArticleSource>();
            foreach (object item in e)
            {
                object o = Unwrap(item);
                if (o is ArticleSource s) { result.Add(s); continue; }
                var p = PSObject.AsPSObject(o);
                string url = p.Properties["Url"]?.Value?.ToString();
                if (!string.IsNullOrWhiteSpace(url)) result.Add(new ArticleSource(p.Properties["Name"]?.Value?.ToString(), url));
            }
            return result.ToArray();
        }

        private static object Unwrap(object value) => value is PSObject p ? p.BaseObject : value;

        private static string Text(Dictionary<string, object> properties, string name) =>
            properties.TryGetValue(name, out object v) && v != null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

        private static DateTimeOffset? Date(Dictionary<string, object> properties, string name)
        {
            if (!properties.TryGetValue(name, out object v) || v == null) return null;
            switch (v)
            {
                case DateTimeOffset dto: return dto;
                case DateTime dt: return new DateTimeOffset(dt);
                case string s when s.Trim().Length == 0: return null;
                case string s:
                    if (DateParser.TryParseUserText(s, CultureInfo.CurrentCulture, out DateTimeOffset parsed)) return parsed;
                    throw new ArgumentTransformationMetadataException($"Published '{s}' is not a date and time.");
                default:
                    throw new ArgumentTransformationMetadataException($"Published must be a date, not a {v.GetType().Name}.");
            }
        }

        private static bool? Flag(Dictionary<string, object> properties, string name)
        {
            if (!properties.TryGetValue(name, out object v) || v == null) return null;
            switch (v)
            {
                case bool b: return b;
                case string s when s.Trim().Length == 0: return null;
                case string s when bool.TryParse(s.Trim(), out bool parsed): return parsed;   // Import-Csv: "True"
                case string s when s.Trim() == "1" || s.Trim() == "0": return s.Trim() == "1";
                case int i: return i != 0;
                case long l: return l != 0;
                default:
                    throw new ArgumentTransformationMetadataException($"{name} must be true or false, not '{v}'.");
            }
        }

        /// <summary>A list property from a list, or from a CSV cell: "LLM; 에이전트" as Export-Csv writes it, or "LLM, 에이전트" as typed.</summary>
        private static string[] List(Dictionary<string, object> properties, string name, params char[] separators)
        {
            if (!properties.TryGetValue(name, out object v) || v == null) return Array.Empty<string>();
            IEnumerable<string> items = v is string s
                ? TextList.Split(s, separators.Length > 0 ? separators : new[] { ',', ';' })
                : v is IEnumerable e ? e.Cast<object>().Select(x => Convert.ToString(Unwrap(x), CultureInfo.InvariantCulture))
                : new[] { Convert.ToString(v, CultureInfo.InvariantCulture) };
            return items.Select(x => x?.Trim()).Where(x => !string.IsNullOrEmpty(x)).ToArray();
        }
    }
}
