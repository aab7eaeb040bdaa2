using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;

namespace AiNews.Sources
{
    /// <summary>
    /// Turns the parsed JSON of a catalog file (<see cref="Common.Json.Parse"/>) into sources. The members are the
    /// [DataMember] properties of <see cref="NewsSource"/> and <see cref="SourcePolicy"/>, named exactly as in
    /// module/data/sources.json ("Id", "FeedUri", "Policy" ...), so a member added there is read without a change
    /// here. Unknown members are ignored, so a newer catalog still loads; a value of the wrong kind is a
    /// <see cref="FormatException"/> saying which.
    /// </summary>
    internal static class CatalogJson
    {
        /// <summary>The sources of a JSON array (null entries stay null, for the catalog's own checks); null for JSON null.</summary>
        public static List<NewsSource> Sources(object root)
        {
            if (root == null) return null;
            if (!(root is List<object> items)) throw new FormatException("the top level is not an array");
            var sources = new List<NewsSource>(items.Count);
            for (int i = 0; i < items.Count; i++)
                sources.Add(items[i] == null ? null : (NewsSource)Read(typeof(NewsSource), items[i], $"entry {i + 1}"));
            return sources;
        }

        private static object Read(Type type, object json, string where)
        {
            if (!(json is Dictionary<string, object> members)) throw new FormatException($"{where} is not an object");
            object target = Activator.CreateInstance(type);
            foreach (PropertyInfo property in type.GetProperties().Where(p => p.IsDefined(typeof(DataMemberAttribute))))
            {
                if (!members.TryGetValue(property.Name, out object value)) continue;
                property.SetValue(target, Convert(property.PropertyType, value, $"{where}: '{property.Name}'"));
            }
            return target;
        }

        private static object Convert(Type type, object value, string what)
        {
            Type underlying = Nullable.GetUnderlyingType(type);
            if (value == null)
            {
                if (type.IsValueType && underlying == null) throw new FormatException($"{what} is null");
                return null;
            }
            type = underlying ?? type;
            if (type == typeof(string)) return value as string ?? throw new FormatException($"{what} is not a string");
            if (type == typeof(bool)) return value is bool b ? b : throw new FormatException($"{what} is not true or false");
            if (type == typeof(int))
            {
                if (value is double d && d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue) return (int)d;
                throw new FormatException($"{what} is not a whole number");
            }
            if (type.IsDefined(typeof(DataContractAttribute))) return Read(type, value, what);
            throw new NotSupportedException($"A catalog member of type {type.Name} has no JSON reading.");
        }
    }
}
