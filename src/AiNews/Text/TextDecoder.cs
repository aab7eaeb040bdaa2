using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using AiNews.Common;

namespace AiNews.Text
{
    /// <summary>
    /// Bytes of an XML or HTML document (and the HTTP Content-Type, if any) to text. Order of evidence: a byte order mark,
    /// then the document's own declaration (XML declaration or HTML meta charset), then the header. Where they
    /// contradict the bytes, the bytes win: non-ASCII bytes that are valid UTF-8 are UTF-8 whatever the labels say, and
    /// bytes that are not valid UTF-8 are never read as UTF-8 (Korean CP949 or windows-1252 is detected instead).
    /// </summary>
    public static class TextDecoder
    {
        private static readonly Lazy<bool> ProviderRegistered = new Lazy<bool>(() =>
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return true;
        });

        private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

        private static readonly Regex XmlDeclaration = new Regex(
            @"^[^<]{0,512}<\?xml[^>]*?\sencoding\s*=\s*[""']\s*([A-Za-z0-9._:\-]+)\s*[""']", RegexOptions.CultureInvariant);

        private static readonly Regex MetaCharset = new Regex(
            @"<meta\b[^>]*?\bcharset\s*=\s*[""']?\s*([A-Za-z0-9._:\-]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex HeaderCharset = new Regex(
            @"charset\s*=\s*[""']?\s*([A-Za-z0-9._:\-]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>windows-1252; the WHATWG reading of "iso-8859-1" and "us-ascii" labels too.</summary>
        public static Encoding Windows1252 => GetEncoding("windows-1252");

        /// <summary>CP949 (Unified Hangul Code), the superset of EUC-KR that Korean sites actually send.</summary>
        public static Encoding Cp949 => GetEncoding("cp949");

        /// <summary>Makes the legacy code pages (CP949, windows-1252, ...) available; done once, on first use.</summary>
        public static void EnsureCodePages() => _ = ProviderRegistered.Value;

        /// <summary>Decodes <paramref name="bytes"/> to text; see the class remarks for the rules.</summary>
        public static string DecodeToString(byte[] bytes, string contentType = null) => Decode(bytes, contentType).Text;

        /// <summary>Decodes <paramref name="bytes"/>, reporting the encoding used and any contradiction found.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static DecodedText Decode(byte[] bytes, string contentType = null)
        {
            var problems = new List<string>();
            if (bytes == null || bytes.Length == 0) return new DecodedText(string.Empty, Utf8, "default", false, problems);
            _ = ProviderRegistered.Value; // PowerShell registers the code pages itself; other hosts may not.

            // 1. Byte order mark.
            Encoding bomEncoding = DetectBom(bytes, out int bomLength);
            if (bomEncoding != null)
            {
                if (bomEncoding.CodePage != 65001 || IsValidUtf8(bytes, bomLength))
                    return Finish(bomEncoding.GetString(bytes, bomLength, bytes.Length - bomLength), bomEncoding, "bom", problems);
                problems.Add("The document starts with a UTF-8 byte order mark but is not valid UTF-8.");
                bytes = Slice(bytes, bomLength);
            }

            // UTF-16 without a BOM: "<" or "<?" as 16-bit units.
            if (bytes.Length >= 4 && bytes[0] == '<' && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0)
                return Finish(Encoding.Unicode.GetString(bytes), Encoding.Unicode, "detected", problems);
            if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == '<' && bytes[2] == 0 && bytes[3] != 0)
                return Finish(Encoding.BigEndianUnicode.GetString(bytes), Encoding.BigEndianUnicode, "detected", problems);

            // 2. and 3. The document's declaration, then the header.
            string declaredLabel = FindDeclaredCharset(bytes);
            string headerLabel = CharsetFromContentType(contentType);
            Encoding declared = AsciiCompatible(GetEncoding(declaredLabel));
            Encoding header = AsciiCompatible(GetEncoding(headerLabel));
            if (declaredLabel != null && declared == null)
                problems.Add($"The document declares the unknown or impossible encoding '{declaredLabel}'.");
            if (headerLabel != null && header == null)
                problems.Add($"The Content-Type header names the unknown or impossible encoding '{headerLabel}'.");

            Encoding labelled = declared ?? header;
            string labelReason = declared != null ? "declaration" : header != null ? "header" : null;

            if (IsAscii(bytes))
            {
                // Every ASCII-compatible encoding reads these bytes the same; keep the label for the record.
                Encoding e = labelled ?? Utf8;
                return Finish(e.GetString(bytes), e, labelReason ?? "default", problems);
            }

            if (IsValidUtf8(bytes, 0))
            {
                if (labelled != null && labelled.CodePage != 65001)
                    problems.Add($"The {labelReason} says '{(declared != null ? declaredLabel : headerLabel)}' but the bytes are valid UTF-8; read as UTF-8.");
                return Finish(Utf8.GetString(bytes), Utf8, labelled != null && labelled.CodePage == 65001 ? labelReason : "utf-8 bytes", problems);
            }

            // UTF-8 with a few broken sequences (a title cut inside a character, one bad byte): still UTF-8 when that is what
            // the labels say (or there is none), with only the bad bytes replaced, not the whole document read as windows-1252.
            if (labelled == null || labelled.CodePage == 65001)
            {
                CountUtf8(bytes, out int validSequences, out int invalidBytes);
                if (validSequences >= invalidBytes * MinValidSequencesPerBadByte)
                {
                    problems.Add($"{invalidBytes} byte{(invalidBytes == 1 ? " is" : "s are")} not valid UTF-8 and {(invalidBytes == 1 ? "was" : "were")} replaced with U+FFFD; the rest is read as UTF-8.");
                    return Finish(Utf8.GetString(bytes), Utf8, labelled != null ? labelReason : "utf-8 bytes", problems);
                }
            }

            // Not UTF-8. Trust a non-UTF-8 label, except a header-only Latin label over bytes that are plainly Korean.
            if (labelled != null && labelled.CodePage != 65001)
            {
                if (declared == null && IsLatin(labelled) && LooksKorean(bytes))
                {
                    problems.Add($"The Content-Type header says '{headerLabel}' but the bytes are Korean (CP949); read as CP949.");
                    return Finish(Cp949.GetString(bytes), Cp949, "detected", problems);
                }
                Encoding e = IsLatin(labelled) ? Windows1252 : IsKorean(labelled) ? Cp949 : labelled;
                return Finish(e.GetString(bytes), e, labelReason, problems);
            }

            if (labelled != null)
                problems.Add($"The {labelReason} says UTF-8 but the bytes are not valid UTF-8.");
            Encoding guess = LooksKorean(bytes) ? Cp949 : Windows1252;
            problems.Add($"Read as {guess.WebName} (detected from the bytes).");
            return Finish(guess.GetString(bytes), guess, "detected", problems);
        }

        /// <summary>The charset parameter of a Content-Type header value, or null.</summary>
        public static string CharsetFromContentType(string contentType)
        {
            if (string.IsNullOrWhiteSpace(contentType)) return null;
            Match m = HeaderCharset.Match(contentType);
            return m.Success ? m.Groups[1].Value : null;
        }

        /// <summary>The encoding for a charset label (any .NET or legacy code page name), or null when unknown.</summary>
        public static Encoding GetEncoding(string label)
        {
            if (string.IsNullOrWhiteSpace(label)) return null;
            _ = ProviderRegistered.Value;
            string name = label.Trim().Trim('"', '\'').ToLowerInvariant();
            switch (name)
            {
                case "utf8": case "utf-8": case "unicode-1-1-utf-8": return Utf8;
                case "x-windows-949": case "ks_c_5601-1987": case "ks_c_5601": case "ksc5601": case "cp949": case "uhc": name = "ks_c_5601-1987"; break;
                case "euc-kr": case "euckr": case "x-euc-kr": name = "ks_c_5601-1987"; break;
                case "iso-8859-1": case "latin1": case "latin-1": case "iso8859-1": case "us-ascii": case "ascii": case "cp1252": name = "windows-1252"; break;
            }
            try
            {
                Encoding e = Encoding.GetEncoding(name);
                return e.CodePage == 65001 ? Utf8 : e;
            }
            catch (ArgumentException) { return null; }
        }

        /// <summary>
        /// Repairs UTF-8 that was read as windows-1252/ISO-8859-1 and encoded again ("Ã©" for "é", "â€™" for "’"), when the
        /// text shows it reliably: such sequences occur and Latin-1 characters outside them are rare. Stray C1 control
        /// characters are read as the windows-1252 characters they stand for ("don\u0092t" becomes "don’t").
        /// </summary>
        public static string RepairMojibake(string text) => RepairMojibake(text, out _);

        /// <inheritdoc cref="RepairMojibake(string)"/>
        [MethodImpl(HotPath.Optimized)]
        public static string RepairMojibake(string text, out bool changed)
        {
            changed = false;
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            bool any = false;
            foreach (char c in text) if (c >= '\u0080' && c <= '\u2122' && ToCp1252Byte(c) >= 0) { any = true; break; }
            if (!any) return text;

            // Every page with one curly quote or accent gets here: ASCII, most of the text, is skipped without the
            // per-character look-ups (no sequence starts with, and no stray character is, an ASCII character).
            int good = 0, stray = 0;
            bool controls = false;
            for (int i = 0; i < text.Length;)
            {
                char c = text[i];
                if (c < '\u0080') { i++; continue; }
                int len = MojibakeSequenceLength(text, i);
                // Without sequences to repair, the controls inside one are still read as windows-1252 below.
                for (int k = i; k < i + Math.Max(len, 1); k++) controls |= StandsForCp1252(text[k]);
                if (len > 0) { good++; i += len; continue; }
                if (ToCp1252Byte(c) >= 0) stray++;
                i++;
            }

            bool repairSequences = good > 0 && stray * 10 <= good;
            // Nothing to change: no sequence to repair and no C1 control standing for a windows-1252 character.
            if (!repairSequences && !controls) return text;
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length;)
            {
                // A run of ASCII is copied at once.
                int run = i;
                while (run < text.Length && text[run] < '\u0080') run++;
                if (run > i) { sb.Append(text, i, run - i); i = run; continue; }
                int len = repairSequences ? MojibakeSequenceLength(text, i) : 0;
                if (len > 0)
                {
                    var seq = new byte[len];
                    for (int k = 0; k < len; k++) seq[k] = (byte)ToCp1252Byte(text[i + k]);
                    sb.Append(Utf8.GetString(seq));
                    i += len;
                    changed = true;
                    continue;
                }
                char c = text[i];
                if (StandsForCp1252(c)) { sb.Append(Cp1252High[c - 0x80]); changed = true; i++; continue; }
                sb.Append(c);
                i++;
            }
            return changed ? sb.ToString() : text;
        }

        // A C1 control that ISO-8859-1 made of a windows-1252 byte (all but the five bytes windows-1252 leaves undefined).
        private static bool StandsForCp1252(char c) => c >= '\u0080' && c <= '\u009F' && Cp1252High[c - 0x80] != c;

        /// <summary>True when the bytes from <paramref name="start"/> are well-formed UTF-8 (no overlongs, no surrogates).</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsValidUtf8(byte[] bytes, int start = 0)
        {
            int i = start, n = bytes.Length;
            while (i < n)
            {
                byte b = bytes[i];
                if (b < 0x80) { i = SkipAscii(bytes, i + 1); continue; }
                if (!Utf8Lead(b, out int need, out int min2, out int max2)) return false;
                if (i + need >= n) return false;
                byte b2 = bytes[i + 1];
                if (b2 < min2 || b2 > max2) return false;
                for (int k = 2; k <= need; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return false;
                i += need + 1;
            }
            return true;
        }

        /// <summary>
        /// How many valid multi-byte UTF-8 sequences there must be per invalid byte for the bytes to count as UTF-8 with
        /// errors. CP949 Korean text mislabelled as UTF-8 happens to form a valid two-byte sequence for about one
        /// character in ten (leads 0xC2-0xC8 before trails 0xA1-0xBF), so it has far more invalid bytes than valid
        /// sequences; real UTF-8 with a truncated character has hundreds of valid sequences per bad byte.
        /// </summary>
        private const int MinValidSequencesPerBadByte = 20;

        private static void CountUtf8(byte[] bytes, out int validSequences, out int invalidBytes)
        {
            validSequences = 0;
            invalidBytes = 0;
            int i = 0, n = bytes.Length;
            while (i < n)
            {
                byte b = bytes[i];
                if (b < 0x80) { i++; continue; }
                if (Utf8Lead(b, out int need, out int min2, out int max2) && i + need < n && bytes[i + 1] >= min2 && bytes[i + 1] <= max2)
                {
                    bool ok = true;
                    for (int k = 2; k <= need; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) { ok = false; break; }
                    if (ok) { validSequences++; i += need + 1; continue; }
                }
                invalidBytes++;
                i++;
            }
        }

        private static DecodedText Finish(string text, Encoding encoding, string reason, List<string> problems)
        {
            if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
            bool repaired = false;
            if (encoding.CodePage == 65001)
            {
                text = RepairMojibake(text, out repaired);
                if (repaired) problems.Add("Repaired double-encoded UTF-8 or windows-1252 characters.");
            }
            return new DecodedText(text, encoding, reason, repaired, problems);
        }

        private static Encoding DetectBom(byte[] b, out int length)
        {
            length = 0;
            if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) { length = 3; return Utf8; }
            if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) { length = 4; return new UTF32Encoding(false, false); }
            if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) { length = 4; return new UTF32Encoding(true, false); }
            if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) { length = 2; return Encoding.Unicode; }
            if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) { length = 2; return Encoding.BigEndianUnicode; }
            return null;
        }

        private static string FindDeclaredCharset(byte[] bytes)
        {
            // The head as Latin-1: one char per byte, so ASCII markup is readable whatever the real encoding.
            int n = Math.Min(bytes.Length, 4096);
            var chars = new char[n];
            for (int i = 0; i < n; i++) chars[i] = (char)bytes[i];
            string head = new string(chars);
            Match m = XmlDeclaration.Match(head);
            if (m.Success) return m.Groups[1].Value;
            m = MetaCharset.Match(head);
            return m.Success ? m.Groups[1].Value : null;
        }

        // A label that names UTF-16/32 for bytes we could read as ASCII is wrong (the classic "utf-16" XML declaration in a UTF-8 file).
        private static Encoding AsciiCompatible(Encoding e)
        {
            if (e == null) return null;
            switch (e.CodePage)
            {
                case 1200: case 1201: case 12000: case 12001: case 65000: return null;
                default: return e;
            }
        }

        private static bool IsLatin(Encoding e) => e.CodePage == 1252 || e.CodePage == 28591 || e.CodePage == 20127;

        private static bool IsKorean(Encoding e) => e.CodePage == 949 || e.CodePage == 51949;

        private static bool IsAscii(byte[] bytes) => SkipAscii(bytes, 0) == bytes.Length;

        // Eight bytes with no high bit, tested at once.
        private const ulong HighBits = 0x8080808080808080UL;

        /// <summary>
        /// The index of the first byte from <paramref name="i"/> that is not ASCII (or the length): pages are mostly ASCII
        /// markup, so the UTF-8 checks pass over it eight bytes at a time instead of one.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static int SkipAscii(byte[] bytes, int i)
        {
            int n = bytes.Length;
            while (i + 8 <= n && (BitConverter.ToUInt64(bytes, i) & HighBits) == 0) i += 8;
            while (i < n && bytes[i] < 0x80) i++;
            return i;
        }

        private static byte[] Slice(byte[] bytes, int start)
        {
            var result = new byte[bytes.Length - start];
            Buffer.BlockCopy(bytes, start, result, 0, result.Length);
            return result;
        }

        /// <summary>Valid CP949 in which Hangul syllables make up at least half of the non-ASCII characters.</summary>
        private static bool LooksKorean(byte[] bytes)
        {
            string text;
            try
            {
                Encoding strict = Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                text = strict.GetString(bytes);
            }
            catch (DecoderFallbackException) { return false; }
            catch (ArgumentException) { return false; }
            int hangul = 0, other = 0;
            foreach (char c in text)
            {
                if (c < 0x80) continue;
                if (Hangul.IsLetter(c)) hangul++;
                else other++;
            }
            return hangul > 0 && hangul >= other;
        }

        // windows-1252 for bytes 0x80..0x9F; the five undefined bytes map to the C1 control of the same number.
        private static readonly char[] Cp1252High =
        {
            '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
            '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
        };

        private static readonly Dictionary<char, int> Cp1252Reverse = BuildReverse();

        private static Dictionary<char, int> BuildReverse()
        {
            var map = new Dictionary<char, int>();
            for (int i = 0; i < 32; i++)
            {
                map[Cp1252High[i]] = 0x80 + i;
                map[(char)(0x80 + i)] = 0x80 + i; // a C1 control is what ISO-8859-1 (not windows-1252) made of the byte
            }
            return map;
        }

        /// <summary>The windows-1252 (or ISO-8859-1) byte that became <paramref name="c"/>, or -1.</summary>
        private static int ToCp1252Byte(char c)
        {
            if (c < 0x80) return c;
            if (c >= '\u00A0' && c <= '\u00FF') return c;
            // Beyond the highest windows-1252 character (U+2122, the trade mark sign): Hangul, CJK, most of a page.
            if (c > '\u2122') return -1;
            return Cp1252Reverse.TryGetValue(c, out int b) ? b : -1;
        }

        /// <summary>
        /// For a UTF-8 lead byte: how many continuation bytes follow and the range the first of them must be in
        /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). False for anything else.
        /// </summary>
        private static bool Utf8Lead(int b, out int need, out int min2, out int max2)
        {
            min2 = 0x80; max2 = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) need = 1;
            else if (b == 0xE0) { need = 2; min2 = 0xA0; }
            else if (b >= 0xE1 && b <= 0xEC || b == 0xEE || b == 0xEF) need = 2;
            else if (b == 0xED) { need = 2; max2 = 0x9F; }
            else if (b == 0xF0) { need = 3; min2 = 0x90; }
            else if (b >= 0xF1 && b <= 0xF3) need = 3;
            else if (b == 0xF4) { need = 3; max2 = 0x8F; }
            else { need = 0; return false; }
            return true;
        }

        /// <summary>Length of a UTF-8 sequence spelled in windows-1252 characters starting at <paramref name="i"/>, or 0.</summary>
        private static int MojibakeSequenceLength(string text, int i)
        {
            int b = ToCp1252Byte(text[i]);
            if (!Utf8Lead(b, out int need, out int min2, out int max2)) return 0;
            if (i + need >= text.Length) return 0;
            int b2 = ToCp1252Byte(text[i + 1]);
            if (b2 < min2 || b2 > max2) return 0;
            for (int k = 2; k <= need; k++)
            {
                int bk = ToCp1252Byte(text[i + k]);
                if (bk < 0x80 || bk > 0xBF) return 0;
            }
            return need + 1;
        }
    }
}
