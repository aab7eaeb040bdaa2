using System;
using System.IO;
using System.Text;

namespace AiNews.Common
{
    /// <summary>
    /// The data files of the module (module/data: sources, taxonomy, extraction rules, the page template) and the
    /// one way every data file is read, shipped or the user's: <see cref="Load{T}"/>, which reports any problem as a
    /// <see cref="ModuleDataException"/> naming the file and the line.
    /// The shipped files sit in module/data; the engine assembly is module/bin/dependencies/AiNews.Engine.dll.
    /// </summary>
    public static class ModuleData
    {
        private static readonly Lazy<string> Folder = new Lazy<string>(() =>
        {
            string bin = Path.GetDirectoryName(typeof(ModuleData).Assembly.Location) ?? AppContext.BaseDirectory;
            foreach (string candidate in new[] { Path.Combine(bin, "..", "..", "data"), Path.Combine(bin, "..", "data"), Path.Combine(bin, "data") })
                if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            return Path.GetFullPath(Path.Combine(bin, "..", "..", "data"));
        });

        /// <summary>The full path of a shipped data file.</summary>
        /// <exception cref="ModuleDataException">The module is incomplete: the file is not there.</exception>
        public static string PathOf(string fileName)
        {
            string path = Path.Combine(Folder.Value, fileName);
            if (!File.Exists(path))
                throw new ModuleDataException(path, 0, $"The module's data file '{fileName}' is missing from {Folder.Value}; reinstall or rebuild the module.",
                    new FileNotFoundException(null, path));
            return path;
        }

        /// <summary>Reads and parses a shipped data file (see <see cref="PathOf"/>).</summary>
        public static T LoadShipped<T>(string fileName, Func<string, T> parse) => Load(PathOf(fileName), parse);

        /// <summary>
        /// Reads <paramref name="path"/> as text (UTF-8, or whatever a byte order mark says; the mark is dropped) and
        /// hands it to <paramref name="parse"/>. A file that cannot be read, and a <see cref="FormatException"/> or
        /// <see cref="InvalidDataException"/> from the parser, become one <see cref="ModuleDataException"/> that names
        /// the file and, for JSON that does not parse, the line.
        /// </summary>
        public static T Load<T>(string path, Func<string, T> parse)
        {
            if (parse == null) throw new ArgumentNullException(nameof(parse));
            string text;
            try { text = File.ReadAllText(path, Encoding.UTF8); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new ModuleDataException(path, 0, $"Cannot read '{path}': {e.Message}", e);
            }
            try { return parse(text); }
            catch (ModuleDataException) { throw; }
            catch (Exception e) when (e is FormatException || e is InvalidDataException)
            {
                int line = e is JsonSyntaxException json ? LineAt(text, json.Offset) : 0;
                throw new ModuleDataException(path, line, e.Message, e);
            }
        }

        /// <summary>The 1-based line of a character offset.</summary>
        private static int LineAt(string text, int offset)
        {
            int line = 1;
            for (int i = 0; i < offset && i < text.Length; i++) if (text[i] == '\n') line++;
            return line;
        }
    }
}
