using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AiNews.Extraction
{
    /// <summary>
    /// A small, forgiving JSON reader for JSON-LD islands and the rules file: objects become
    /// <see cref="Dictionary{TKey,TValue}"/> (ordinal keys), arrays <see cref="List{T}"/>, numbers
    /// <see cref="double"/>, plus string, bool and null. Netstandard2.0 has no JSON parser of its own,
    /// and pulling System.Text.Json into a module that PowerShell 7 also loads invites version clashes.
    /// </summary>
    internal static class JsonValue
    {
        /// <summary>Parses <paramref name="text"/>; null on malformed input (JSON-LD in the wild often is).</summary>
        public static object TryParse(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            try
            {
                var reader = new Reader(text);
                object value = reader.ReadValue();
                return value;
            }
            catch (FormatException) { return null; }
        }

        /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> with a position.</summary>
        public static object Parse(string text) => new Reader(text ?? string.Empty).ReadValue();

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

        public static object Get(object value, string key) =>
            value is Dictionary<string, object> map && map.TryGetValue(key, out var v) ? v : null;

        private sealed class Reader
        {
            private readonly string _s;
            private int _i;

            public Reader(string s) { _s = s; }

            public object ReadValue()
            {
                SkipSpace();
                if (_i >= _s.Length) throw Error("unexpected end");
                char c = _s[_i];
                switch (c)
                {
                    case '{': return ReadObject();
                    case '[': return ReadArray();
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

            private FormatException Error(string what) =>
                new FormatException("JSON: " + what + " at offset " + _i.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }
}
