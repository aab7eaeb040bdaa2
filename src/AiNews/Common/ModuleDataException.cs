using System;
using System.Globalization;
using System.IO;

namespace AiNews.Common
{
    /// <summary>
    /// A data file (shipped in module/data or given by the user: taxonomy, extraction rules, source catalog) that is
    /// missing, unreadable or wrong. The message names the file and, when the JSON reader knows it, the line. An
    /// <see cref="IOException"/> (InvalidDataException is sealed), so callers that report unreadable files report this too.
    /// </summary>
    public sealed class ModuleDataException : IOException
    {
        public ModuleDataException(string file, int line, string message, Exception inner = null)
            : base(Compose(file, line, message), inner)
        {
            File = file;
            Line = line;
        }

        /// <summary>The full path of the file.</summary>
        public string File { get; }

        /// <summary>The 1-based line at which the file is wrong; 0 when the problem is not at one place (a missing entry).</summary>
        public int Line { get; }

        private static string Compose(string file, int line, string message)
        {
            string text = string.IsNullOrEmpty(message) ? $"The data file '{file}' is not valid." : message.TrimEnd();
            // The parsers name their origin themselves; a message that does not gets the file in front.
            if (file != null && text.IndexOf(file, StringComparison.OrdinalIgnoreCase) < 0) text = $"{file}: {text}";
            if (line > 0) text = text.TrimEnd('.') + " (line " + line.ToString(CultureInfo.InvariantCulture) + ").";
            return text;
        }
    }
}
