using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AiNews
{
    /// <summary>
    /// A small JSON reader and string escaper for our data files and HTTP payloads. netstandard2.0 has no
    /// JSON API, and a System.Text.Json package would clash with the copy PowerShell 7 already loads.
    /// Objects become <see cref="Dictionary{TKey,TValue}"/> (ordinal keys), arrays <see cref="List{T}"/>,
    /// numbers <see cref="double"/>.
    /// </summary>
    public static class Json
    {
        public static object Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var p = new Parser(text);
            p.SkipWhite();
            object value = p.Value();
            p.SkipWhite();
            if (p.Pos < text.Length) throw p.Error("unexpected text after the value");
            return value;
        }

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

        private sealed class Parser
        {
            private readonly string _s;
            public int Pos;
            public Parser(string s) { _s = s; }

            public FormatException Error(string what) => new FormatException($"Invalid JSON at character {Pos}: {what}.");

            public void SkipWhite()
            {
                while (Pos < _s.Length && (char.IsWhiteSpace(_s[Pos]) || _s[Pos] == '\uFEFF')) Pos++;
            }

            public object Value()
            {
                if (Pos >= _s.Length) throw Error("unexpected end");
                char c = _s[Pos];
                switch (c)
                {
                    case '{': return Object();
                    case '[': return Array();
                    case '"': return Str();
                    case 't': Literal("true"); return true;
                    case 'f': Literal("false"); return false;
                    case 'n': Literal("null"); return null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return Num();
                        throw Error($"unexpected '{c}'");
                }
            }

            private void Literal(string word)
            {
                if (string.CompareOrdinal(_s, Pos, word, 0, word.Length) != 0) throw Error($"expected {word}");
                Pos += word.Length;
            }

            private Dictionary<string, object> Object()
            {
                var obj = new Dictionary<string, object>(StringComparer.Ordinal);
                Pos++;
                SkipWhite();
                if (Pos < _s.Length && _s[Pos] == '}') { Pos++; return obj; }
                while (true)
                {
                    SkipWhite();
                    if (Pos >= _s.Length || _s[Pos] != '"') throw Error("expected a property name");
                    string key = Str();
                    SkipWhite();
                    if (Pos >= _s.Length || _s[Pos] != ':') throw Error("expected ':'");
                    Pos++;
                    SkipWhite();
                    obj[key] = Value();
                    SkipWhite();
                    if (Pos >= _s.Length) throw Error("unexpected end in an object");
                    if (_s[Pos] == ',') { Pos++; continue; }
                    if (_s[Pos] == '}') { Pos++; return obj; }
                    throw Error("expected ',' or '}'");
                }
            }

            private List<object> Array()
            {
                var list = new List<object>();
                Pos++;
                SkipWhite();
                if (Pos < _s.Length && _s[Pos] == ']') { Pos++; return list; }
                while (true)
                {
                    SkipWhite();
                    list.Add(Value());
                    SkipWhite();
                    if (Pos >= _s.Length) throw Error("unexpected end in an array");
                    if (_s[Pos] == ',') { Pos++; continue; }
                    if (_s[Pos] == ']') { Pos++; return list; }
                    throw Error("expected ',' or ']'");
                }
            }

            private string Str()
            {
                var sb = new StringBuilder();
                Pos++;
                while (true)
                {
                    if (Pos >= _s.Length) throw Error("unterminated string");
                    char c = _s[Pos++];
                    if (c == '"') return sb.ToString();
                    if (c != '\\') { sb.Append(c); continue; }
                    if (Pos >= _s.Length) throw Error("unterminated escape");
                    char e = _s[Pos++];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (Pos + 4 > _s.Length) throw Error("short \\u escape");
                            sb.Append((char)int.Parse(_s.Substring(Pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            Pos += 4;
                            break;
                        default: throw Error($"unknown escape \\{e}");
                    }
                }
            }

            private double Num()
            {
                int start = Pos;
                if (_s[Pos] == '-') Pos++;
                while (Pos < _s.Length && "0123456789.eE+-".IndexOf(_s[Pos]) >= 0) Pos++;
                if (!double.TryParse(_s.Substring(start, Pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                    throw Error("bad number");
                return d;
            }
        }
    }
}
