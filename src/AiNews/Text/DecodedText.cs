using System.Collections.Generic;
using System.Text;

namespace AiNews.Text
{
    /// <summary>The outcome of <see cref="TextDecoder.Decode(byte[], string)"/>: the text and how it was read.</summary>
    public sealed class DecodedText
    {
        public DecodedText(string text, Encoding encoding, string reason, bool repaired, IReadOnlyList<string> problems)
        {
            Text = text;
            Encoding = encoding;
            Reason = reason;
            Repaired = repaired;
            Problems = problems;
        }

        public string Text { get; }

        /// <summary>The encoding the bytes were read with.</summary>
        public Encoding Encoding { get; }

        /// <summary>Why that encoding: "bom", "declaration", "header", "utf-8 bytes", "detected" or "default".</summary>
        public string Reason { get; }

        /// <summary>True when double-encoded UTF-8 ("Ã©") or windows-1252 code points were repaired.</summary>
        public bool Repaired { get; }

        /// <summary>What did not add up (a declaration the bytes contradict, a repair), for the caller to report.</summary>
        public IReadOnlyList<string> Problems { get; }
    }
}
