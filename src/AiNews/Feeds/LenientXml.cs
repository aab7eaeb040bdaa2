using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AngleSharp.Html;
using AiNews.Common;

namespace AiNews.Feeds
{
    /// <summary>An element of a feed document as <see cref="LenientXml"/> read it.</summary>
    internal sealed class XmlNodeLite
    {
        public XmlNodeLite(string qualifiedName, XmlNodeLite parent)
        {
            QualifiedName = qualifiedName;
            Parent = parent;
            int colon = qualifiedName.IndexOf(':');
            Prefix = colon > 0 ? qualifiedName.Substring(0, colon) : string.Empty;
            LocalName = colon > 0 ? qualifiedName.Substring(colon + 1) : qualifiedName;
        }

        public string QualifiedName { get; }
        public string Prefix { get; }
        public string LocalName { get; }
        public string Namespace { get; set; }
        public XmlNodeLite Parent { get; }

        /// <summary>Attributes by qualified name, in document order.</summary>
        public List<KeyValuePair<string, string>> Attributes { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Elements (<see cref="XmlNodeLite"/>) and text (<see cref="string"/>) in document order.</summary>
        public List<object> Children { get; } = new List<object>();

        /// <summary>False when the document ended before this element's end tag.</summary>
        public bool Closed { get; set; }

        /// <summary>The absolute base URI in effect (xml:base resolved against the parents and the document address).</summary>
        public Uri Base { get; set; }

        /// <summary>The xml:lang in effect.</summary>
        public string Language { get; set; }

        public Dictionary<string, string> Scope { get; set; }

        public string Attribute(string qualifiedName)
        {
            foreach (var a in Attributes) if (a.Key == qualifiedName) return a.Value;
            foreach (var a in Attributes) if (string.Equals(a.Key, qualifiedName, StringComparison.OrdinalIgnoreCase)) return a.Value;
            return null;
        }

        public IEnumerable<XmlNodeLite> Elements()
        {
            foreach (object child in Children) if (child is XmlNodeLite e) yield return e;
        }

        public bool HasElements
        {
            get
            {
                foreach (object child in Children) if (child is XmlNodeLite) return true;
                return false;
            }
        }

        /// <summary>All text inside, descendants included.</summary>
        public string Text
        {
            get
            {
                if (Children.Count == 1 && Children[0] is string only) return only;
                var sb = new StringBuilder();
                AppendText(sb);
                return sb.ToString();
            }
        }

        private void AppendText(StringBuilder sb)
        {
            foreach (object child in Children)
            {
                if (child is string s) sb.Append(s);
                else ((XmlNodeLite)child).AppendText(sb);
            }
        }

        /// <summary>The children as HTML markup: elements by local name, text escaped.</summary>
        public string InnerHtml()
        {
            var sb = new StringBuilder();
            AppendInnerHtml(sb);
            return sb.ToString();
        }

        private void AppendInnerHtml(StringBuilder sb)
        {
            foreach (object child in Children)
            {
                if (child is string s) { sb.Append(HtmlText.Escape(s)); continue; }
                var e = (XmlNodeLite)child;
                sb.Append('<').Append(e.LocalName);
                foreach (var a in e.Attributes)
                {
                    if (a.Key.StartsWith("xmlns", StringComparison.Ordinal) || a.Key.StartsWith("xml:", StringComparison.Ordinal)) continue;
                    int colon = a.Key.IndexOf(':');
                    sb.Append(' ').Append(colon >= 0 ? a.Key.Substring(colon + 1) : a.Key).Append("=\"").Append(HtmlText.Escape(a.Value)).Append('"');
                }
                sb.Append('>');
                if (LenientXml.IsVoid(e.LocalName)) continue;
                e.AppendInnerHtml(sb);
                sb.Append("</").Append(e.LocalName).Append('>');
            }
        }

        public override string ToString() => "<" + QualifiedName + ">";
    }

    /// <summary>
    /// A forgiving XML reader for feeds. It never reads a DTD: the DOCTYPE (internal subset included) is skipped, so
    /// external entities are never fetched and entity declarations (the "billion laughs") are never expanded. Entities
    /// are the five of XML, numeric references and the HTML named entities; anything else stays literal text, as does a
    /// bare "&amp;" or "&lt;". End tags close the nearest open element of that name; stray end tags are ignored; at the end
    /// of a truncated document the open elements stay <see cref="XmlNodeLite.Closed"/> = false.
    /// </summary>
    internal static class LenientXml
    {
        private static readonly Dictionary<string, string> WellKnownPrefixes = new Dictionary<string, string>
        {
            ["xml"] = "http://www.w3.org/XML/1998/namespace",
            ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            ["dc"] = "http://purl.org/dc/elements/1.1/",
            ["dcterms"] = "http://purl.org/dc/terms/",
            ["content"] = "http://purl.org/rss/1.0/modules/content/",
            ["atom"] = "http://www.w3.org/2005/Atom",
            ["media"] = "http://search.yahoo.com/mrss/",
            ["xhtml"] = "http://www.w3.org/1999/xhtml",
        };

        /// <summary>Feeds nest a dozen levels; beyond this the reader stops nesting (recursive walks stay shallow).</summary>
        public const int MaxDepth = 200;

        public static bool IsVoid(string localName) =>
            localName == "br" || localName == "hr" || localName == "img" || localName == "wbr";

        /// <summary>Reads <paramref name="text"/>; returns a synthetic document node whose children are the top-level elements.</summary>
        public static XmlNodeLite Parse(string text, Uri documentUri, List<string> problems)
        {
            var document = new XmlNodeLite("#document", null)
            {
                Base = documentUri,
                Scope = new Dictionary<string, string>(WellKnownPrefixes),
                Closed = true,
            };
            var stack = new List<XmlNodeLite> { document };
            int pos = 0, n = text.Length;
            bool truncated = false, deep = false;
            var textRun = new StringBuilder();

            void FlushText()
            {
                if (textRun.Length == 0) return;
                XmlNodeLite current = stack[stack.Count - 1];
                if (current != document) AppendText(current, textRun.ToString());
                textRun.Clear();
            }

            while (pos < n)
            {
                char c = text[pos];
                if (c != '<')
                {
                    int next = text.IndexOf('<', pos);
                    if (next < 0) next = n;
                    DecodeInto(text, pos, next, textRun);
                    pos = next;
                    continue;
                }
                if (At(text, pos, "<!--"))
                {
                    int end = text.IndexOf("-->", pos + 4, StringComparison.Ordinal);
                    if (end < 0) { truncated = true; break; }
                    pos = end + 3;
                    continue;
                }
                if (At(text, pos, "<![CDATA["))
                {
                    int end = text.IndexOf("]]>", pos + 9, StringComparison.Ordinal);
                    if (end < 0) { truncated = true; break; }
                    textRun.Append(Clean(text, pos + 9, end));
                    pos = end + 3;
                    continue;
                }
                if (At(text, pos, "<?"))
                {
                    int end = text.IndexOf("?>", pos + 2, StringComparison.Ordinal);
                    if (end < 0) { truncated = true; break; }
                    pos = end + 2;
                    continue;
                }
                if (At(text, pos, "<!"))
                {
                    int end = SkipDeclaration(text, pos);
                    if (end < 0) { truncated = true; break; }
                    // A plain DOCTYPE (RSS 0.91's) is harmless; one with an internal subset may declare entities we refuse.
                    if ((At(text, pos, "<!DOCTYPE") || At(text, pos, "<!doctype")) && text.IndexOf('[', pos, end - pos) >= 0)
                        problems.Add("The DOCTYPE declares an internal subset; it was ignored (no DTD is read and no declared entity is expanded).");
                    pos = end;
                    continue;
                }
                if (At(text, pos, "</"))
                {
                    int end = text.IndexOf('>', pos + 2);
                    if (end < 0) { truncated = true; break; }
                    string name = text.Substring(pos + 2, end - pos - 2).Trim();
                    int match = -1;
                    for (int i = stack.Count - 1; i > 0 && match < 0; i--) if (stack[i].QualifiedName == name) match = i;
                    for (int i = stack.Count - 1; i > 0 && match < 0; i--)
                        if (string.Equals(stack[i].QualifiedName, name, StringComparison.OrdinalIgnoreCase)) match = i;
                    if (match > 0)
                    {
                        // Only a matching end tag ends the text run: a stray one ("a</q>a</q>...") must not split it,
                        // or every piece is glued to the one before (a copy of the whole run each time, quadratic).
                        FlushText();
                        for (int i = stack.Count - 1; i >= match; i--) stack[i].Closed = true;
                        stack.RemoveRange(match, stack.Count - match);
                    }
                    pos = end + 1;
                    continue;
                }
                if (pos + 1 < n && IsNameStart(text[pos + 1]))
                {
                    int end = ParseStartTag(text, pos, out string tagName, out List<KeyValuePair<string, string>> attributes, out bool selfClosing);
                    if (end < 0) { truncated = true; break; }
                    if (stack.Count > MaxDepth)
                    {
                        // Absurd nesting (an attack or a broken generator): flatten rather than recurse without end later.
                        // The text run goes on (no flush), as for a stray end tag.
                        if (!deep) problems.Add($"Elements nested deeper than {MaxDepth} levels were flattened.");
                        deep = true;
                        pos = end;
                        continue;
                    }
                    FlushText();
                    XmlNodeLite parent = stack[stack.Count - 1];
                    var element = new XmlNodeLite(tagName, parent);
                    element.Attributes.AddRange(attributes);
                    Resolve(element, parent);
                    parent.Children.Add(element);
                    if (selfClosing || (IsVoid(element.LocalName) && (element.Namespace == null || element.Namespace == WellKnownPrefixes["xhtml"])))
                        element.Closed = true;
                    else
                        stack.Add(element);
                    pos = end;
                    continue;
                }
                // A bare '<' ("a < b"): text.
                textRun.Append('<');
                pos++;
            }
            FlushText();
            if (truncated || stack.Count > 1)
                problems.Add(stack.Count > 1
                    ? $"The document ends before the end tag of <{stack[stack.Count - 1].QualifiedName}> (truncated or not well-formed)."
                    : "The document ends inside a tag, comment or CDATA section (truncated).");
            return document;
        }

        private static void AppendText(XmlNodeLite element, string text)
        {
            int last = element.Children.Count - 1;
            if (last >= 0 && element.Children[last] is string previous) element.Children[last] = previous + text;
            else element.Children.Add(text);
        }

        private static void Resolve(XmlNodeLite element, XmlNodeLite parent)
        {
            Dictionary<string, string> scope = parent.Scope;
            foreach (var a in element.Attributes)
            {
                if (a.Key == "xmlns" || a.Key.StartsWith("xmlns:", StringComparison.Ordinal))
                {
                    if (scope == parent.Scope) scope = new Dictionary<string, string>(parent.Scope);
                    scope[a.Key == "xmlns" ? string.Empty : a.Key.Substring(6)] = a.Value.Trim();
                }
            }
            element.Scope = scope;
            element.Namespace = scope.TryGetValue(element.Prefix, out string ns) ? ns : null;
            element.Base = parent.Base;
            element.Language = parent.Language;
            string xmlBase = element.Attribute("xml:base");
            if (xmlBase != null) element.Base = ResolveUri(parent.Base, xmlBase.Trim()) ?? parent.Base;
            string lang = element.Attribute("xml:lang");
            if (lang != null) element.Language = lang.Trim();
        }

        /// <summary><paramref name="reference"/> resolved against <paramref name="baseUri"/>; null when it cannot be made absolute.</summary>
        public static Uri ResolveUri(Uri baseUri, string reference)
        {
            if (reference == null) return null;
            reference = reference.Trim();
            if (Uri.TryCreate(reference, UriKind.Absolute, out Uri absolute) && !absolute.IsFile) return absolute;
            if (reference.StartsWith("/", StringComparison.Ordinal) && !reference.StartsWith("//", StringComparison.Ordinal) && baseUri == null) return null;
            if (baseUri != null && Uri.TryCreate(baseUri, reference, out Uri combined)) return combined;
            return null;
        }

        private static bool At(string text, int pos, string what) => string.CompareOrdinal(text, pos, what, 0, what.Length) == 0;

        private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c == ':';

        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';

        /// <summary>End of a &lt;!...&gt; declaration, skipping quoted strings and an internal subset [...]; -1 when it does not end.</summary>
        private static int SkipDeclaration(string text, int pos)
        {
            int depth = 0;
            for (int i = pos + 2; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\'')
                {
                    int close = text.IndexOf(c, i + 1);
                    if (close < 0) return -1;
                    i = close;
                }
                else if (c == '[') depth++;
                else if (c == ']') depth--;
                else if (c == '>' && depth <= 0) return i + 1;
            }
            return -1;
        }

        private static int ParseStartTag(string text, int pos, out string name, out List<KeyValuePair<string, string>> attributes, out bool selfClosing)
        {
            attributes = new List<KeyValuePair<string, string>>();
            selfClosing = false;
            int n = text.Length, i = pos + 1;
            int start = i;
            while (i < n && IsNameChar(text[i])) i++;
            name = text.Substring(start, i - start);
            while (i < n)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '>') return i + 1;
                if (c == '/' && i + 1 < n && text[i + 1] == '>') { selfClosing = true; return i + 2; }
                if (c == '<') return i; // a tag that never closed its '>': end it here
                if (!IsNameChar(c)) { i++; continue; }
                int nameStart = i;
                while (i < n && IsNameChar(text[i])) i++;
                string attributeName = text.Substring(nameStart, i - nameStart);
                while (i < n && char.IsWhiteSpace(text[i])) i++;
                string value = string.Empty;
                if (i < n && text[i] == '=')
                {
                    i++;
                    while (i < n && char.IsWhiteSpace(text[i])) i++;
                    if (i >= n) return -1;
                    if (text[i] == '"' || text[i] == '\'')
                    {
                        int close = text.IndexOf(text[i], i + 1);
                        if (close < 0) return -1;
                        var sb = new StringBuilder();
                        DecodeInto(text, i + 1, close, sb);
                        value = sb.ToString();
                        i = close + 1;
                    }
                    else
                    {
                        int valueStart = i;
                        while (i < n && !char.IsWhiteSpace(text[i]) && text[i] != '>') i++;
                        var sb = new StringBuilder();
                        DecodeInto(text, valueStart, i, sb);
                        value = sb.ToString();
                    }
                }
                attributes.Add(new KeyValuePair<string, string>(attributeName, value));
            }
            return -1;
        }

        /// <summary>Appends text[start..end) with references decoded and characters XML forbids dropped.</summary>
        private static void DecodeInto(string text, int start, int end, StringBuilder sb)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == '&')
                {
                    int limit = Math.Min(40, end - i - 1);
                    int semi = limit > 0 ? text.IndexOf(';', i + 1, limit) : -1;
                    if (semi > i + 1 && TryDecodeReference(text.Substring(i + 1, semi - i - 1), sb))
                    {
                        i = semi;
                        continue;
                    }
                    sb.Append('&');
                    continue;
                }
                if (IsAllowed(c)) sb.Append(c);
                else if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[i + 1]); i++; }
            }
        }

        private static string Clean(string text, int start, int end)
        {
            var sb = new StringBuilder(end - start);
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (IsAllowed(c)) sb.Append(c);
                else if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[i + 1]); i++; }
            }
            return sb.ToString();
        }

        private static bool IsAllowed(char c) =>
            c == '\t' || c == '\n' || c == '\r' || (c >= ' ' && c < '\uD800') || (c >= '\uE000' && c <= '\uFFFD');

        private static bool TryDecodeReference(string name, StringBuilder sb)
        {
            if (name.Length > 1 && name[0] == '#')
            {
                bool hex = name[1] == 'x' || name[1] == 'X';
                string digits = hex ? name.Substring(2) : name.Substring(1);
                if (digits.Length == 0 || digits.Length > 8) return false;
                if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int code)) return false;
                if (code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) sb.Append('\uFFFD');
                else if (code < 0x20 && code != 9 && code != 10 && code != 13) { /* a control character: dropped */ }
                else sb.Append(char.ConvertFromUtf32(code));
                return true;
            }
            switch (name)
            {
                case "amp": sb.Append('&'); return true;
                case "lt": sb.Append('<'); return true;
                case "gt": sb.Append('>'); return true;
                case "quot": sb.Append('"'); return true;
                case "apos": sb.Append('\''); return true;
            }
            foreach (char c in name) if (!char.IsLetterOrDigit(c)) return false;
            // AngleSharp keys the HTML entities with their semicolon; the legacy ones also without.
            string symbol = HtmlEntityProvider.Resolver.GetSymbol(name + ";");
            if (string.IsNullOrEmpty(symbol)) symbol = HtmlEntityProvider.Resolver.GetSymbol(name);
            if (string.IsNullOrEmpty(symbol)) return false;
            sb.Append(symbol);
            return true;
        }
    }
}
