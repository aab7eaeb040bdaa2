using System;
using System.IO;

namespace AiNews
{
    /// <summary>
    /// Locates the data files shipped with the module (module/data: sources, taxonomy, rules): they sit in
    /// "data" beside the folder of the assembly (module/bin/AiNews.dll → module/data).
    /// </summary>
    public static class ModuleData
    {
        private static readonly Lazy<string> Folder = new Lazy<string>(() =>
        {
            string bin = Path.GetDirectoryName(typeof(ModuleData).Assembly.Location) ?? AppContext.BaseDirectory;
            foreach (string candidate in new[] { Path.Combine(bin, "..", "data"), Path.Combine(bin, "data") })
                if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            return Path.GetFullPath(Path.Combine(bin, "..", "data"));
        });

        /// <summary>The full path of a shipped data file.</summary>
        /// <exception cref="FileNotFoundException">The module is incomplete.</exception>
        public static string PathOf(string fileName)
        {
            string path = Path.Combine(Folder.Value, fileName);
            if (!File.Exists(path))
                throw new FileNotFoundException($"The module's data file '{fileName}' is missing from {Folder.Value}; reinstall or rebuild the module.", path);
            return path;
        }
    }
}
