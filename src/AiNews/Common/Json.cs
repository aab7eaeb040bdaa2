using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AiNews.Common
{
    /// <summary>
    /// The one JSON reader and string escaper: data files, HTTP payloads and the JSON-LD of web pages. It is
    /// forgiving the way JSON-LD in the wild needs (single-quoted strings, trailing commas). netstandard2.0 has no
    /// JSON API, and a System.Text.Json package would clash with the copy PowerShell 7 already loads.
    /// Objects become <see cref="Dictionary{TKey,TValue}"/> (ordinal keys), arrays <see cref="List{T}"/>,
    /// numbers <see cref="double"/>.
    /// </summary>
    public static class Json
    {
        /// <summary>
        /// Arrays and objects nest at most this deep. Real data nests a handful of levels (JSON-LD graphs, chat
        /// completions, taxonomies under ten); the reader recurses once per level, so an unbounded "[[[[..." from a page
        /// or an LLM would overflow the stack, which .NET cannot catch and which ends the whole process.
        /// </summary>
        public const int MaxDepth = 128;

        /// <summary>
        /// Parses <paramref name="text"/> or throws <see cref="JsonSyntaxException"/> (a FormatException) with a position
        /// (<see cref="JsonTooDeepException"/> when it nests deeper than <see cref="MaxDepth"/>).
        /// </summary>
        public static object Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var reader = new Reader(text);
            object value = reader.ReadValue();
            reader.ExpectEnd();
            return value;
        }

        /// <summary>Parses <paramref name="text"/>; null on malformed or too deeply nested input (JSON-LD in the wild often is).</summary>
        public static object TryParse(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            try { return new Reader(text).ReadValue(); }
            catch (FormatException) { return null; }
        }

        /// <summary>A scalar as text (numbers invariant, booleans "true"/"false"); null for objects, arrays and null.</summary>
        public static string AsString(object value)
        {
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case double d: return d.ToString(CultureInfo.InvariantCulture);
                case bool b: return b ? "true" : "false";
                default: return null;
            }
        }

        /// <summary>The value as a sequence: an array's items, or the value itself when it is not an array.</summary>
        public static IEnumerable<object> Items(object value)
        {
            if (value == null) yield break;
            if (value is List<object> list) { foreach (var item in list) yield return item; }
            else yield return value;
        }

        /// <summary>A member of an object, or null.</summary>
        public static object Get(object value, string key) =>
            value is Dictionary<string, object> map && map.TryGetValue(key, out var v) ? v : null;

        /// <summary>A JSON string literal, quotes included.</summary>
        public static string Quote(string value)
        {
            if (value == null) return "null";
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }

        public static string String(IDictionary<string, object> obj, string key) =>
            obj != null && obj.TryGetValue(key, out object v) && v is string s ? s : null;

        public static List<string> Strings(IDictionary<string, object> obj, string key)
        {
            var result = new List<string>();
            if (obj == null || !obj.TryGetValue(key, out object v) || v == null) return result;
            if (v is string one) { result.Add(one); return result; }
            if (v is List<object> list)
                foreach (object item in list)
                    if (item is string s && s.Trim().Length > 0) result.Add(s.Trim());
            return result;
        }

        public static double? Number(IDictionary<string, object> obj, string key) =>
            obj != null && obj.TryGetValue(key, out object v) && v is double d ? d : (double?)null;

        private sealed class Reader
        {
            private readonly string _s;
            private int _i;
            private int _depth;

            public Reader(string s) { _s = s; }

            /// <summary>Fails when anything but white space follows the value.</summary>
            public void ExpectEnd()
            {
                SkipSpace();
                if (_i < _s.Length) throw Error("unexpected text after the value");
            }

            public object ReadValue()
            {
                SkipSpace();
                if (_i >= _s.Length) throw Error("unexpected end");
                char c = _s[_i];
                switch (c)
                {
                    case '{': Enter(); var map = ReadObject(); _depth--; return map;
                    case '[': Enter(); var list = ReadArray(); _depth--; return list;
                    case '"': return ReadString();
                    case '\'': return ReadString();
                    case 't': Expect("true"); return true;
                    case 'f': Expect("false"); return false;
                    case 'n': Expect("null"); return null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                        throw Error("unexpected character '" + c + "'");
                }
            }

            private void Enter()
            {
                if (++_depth > MaxDepth)
                    throw new JsonTooDeepException("JSON: arrays and objects nest deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture)
                        + " levels at offset " + _i.ToString(CultureInfo.InvariantCulture) + ".", _i);
            }

            private Dictionary<string, object> ReadObject()
            {
                var map = new Dictionary<string, object>(StringComparer.Ordinal);
                _i++;
                while (true)
                {
                    SkipSpace();
                    if (_i >= _s.Length) throw Error("unterminated object");
                    if (_s[_i] == '}') { _i++; return map; }
                    if (_s[_i] != '"' && _s[_i] != '\'') throw Error("expected a key");
                    string key = ReadString();
                    SkipSpace();
                    if (_i >= _s.Length || _s[_i] != ':') throw Error("expected ':'");
                    _i++;
                    map[key] = ReadValue();
                    SkipSpace();
                    if (_i < _s.Length && _s[_i] == ',') { _i++; continue; }
                    if (_i < _s.Length && _s[_i] == '}') { _i++; return map; }
                    throw Error("expected ',' or '}'");
                }
            }

            private List<object> ReadArray()
            {
                var list = new List<object>();
                _i++;
                while (true)
                {
                    SkipSpace();
                    if (_i >= _s.Length) throw Error("unterminated array");
                    if (_s[_i] == ']') { _i++; return list; }
                    list.Add(ReadValue());
                    SkipSpace();
                    if (_i < _s.Length && _s[_i] == ',') { _i++; continue; }
                    if (_i < _s.Length && _s[_i] == ']') { _i++; return list; }
                    throw Error("expected ',' or ']'");
                }
            }

            private string ReadString()
            {
                char quote = _s[_i++];
                var sb = new StringBuilder();
                while (_i < _s.Length)
                {
                    char c = _s[_i++];
                    if (c == quote) return sb.ToString();
                    if (c != '\\') { sb.Append(c); continue; }
                    if (_i >= _s.Length) break;
                    char e = _s[_i++];
                    switch (e)
                    {
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'u':
                            if (_i + 4 <= _s.Length && int.TryParse(_s.Substring(_i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                            { sb.Append((char)code); _i += 4; }
                            else sb.Append('u');
                            break;
                        default: sb.Append(e); break;
                    }
                }
                throw Error("unterminated string");
            }

            private object ReadNumber()
            {
                int start = _i;
                while (_i < _s.Length && "+-0123456789.eE".IndexOf(_s[_i]) >= 0) _i++;
                string n = _s.Substring(start, _i - start);
                if (double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
                throw Error("bad number '" + n + "'");
            }

            private void Expect(string word)
            {
                if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0) throw Error("expected " + word);
                _i += word.Length;
            }

            private void SkipSpace()
            {
                while (_i < _s.Length)
                {
                    char c = _s[_i];
                    if (char.IsWhiteSpace(c)) { _i++; continue; }
                    // Comments are not JSON, but hand-written JSON-LD and rules files contain them.
                    if (c == '/' && _i + 1 < _s.Length && _s[_i + 1] == '/')
                    {
                        while (_i < _s.Length && _s[_i] != '\n') _i++;
                        continue;
                    }
                    if (c == '/' && _i + 1 < _s.Length && _s[_i + 1] == '*')
                    {
                        int end = _s.IndexOf("*/", _i + 2, StringComparison.Ordinal);
                        _i = end < 0 ? _s.Length : end + 2;
                        continue;
                    }
                    break;
                }
            }

            private JsonSyntaxException Error(string what) =>
                new JsonSyntaxException("JSON: " + what + " at offset " + _i.ToString(CultureInfo.InvariantCulture) + ".", _i);
        }
    }
}
