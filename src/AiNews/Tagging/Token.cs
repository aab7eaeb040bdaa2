using System;
using System.Collections.Generic;
using AiNews.Text;

namespace AiNews.Tagging
{
    /// <summary>One word of a text: a maximal run of letters and digits (Hangul, Latin, other scripts mixed).</summary>
    public sealed class Token
    {
        public Token(string text, int start, char before, char after)
        {
            Text = text;
            Start = start;
            Before = before;
            After = after;
        }

        /// <summary>The word as written, e.g. "오픈AI의" or "metadata".</summary>
        public string Text { get; }
        public int Start { get; }
        public int End => Start + Text.Length;

        /// <summary>The character just before the word ('\0' at the start), e.g. a space, quote or bracket.</summary>
        public char Before { get; }

        /// <summary>The character just after the word ('\0' at the end), e.g. ',' in "메타, VR".</summary>
        public char After { get; }

        public override string ToString() => Text;
    }
}
