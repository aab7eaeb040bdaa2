using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AiNews.Common;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The tab-separated files the archive keeps in its state folder (title index, counts, folder manifest, index.html
    /// parts): a first line naming the format, one record a line, and an end line. Written and read the same way by each.
    /// </summary>
    internal static class ArchiveStateFile
    {
        // The last line of every state file. They are caches, written without waiting for the disk
        // (AtomicFile.WriteCache): a file a system crash cut short lacks this line and is not used, so no record of it is.
        private const string EndLine = "#end";

        /// <summary>
        /// Writes <paramref name="records"/> (the format's line and the records, each ending in a new line) and the end line
        /// as the state file at <paramref name="path"/>.
        /// </summary>
        public static void Write(string path, StringBuilder records) => AtomicFile.WriteCache(path, records.Append(EndLine).Append('\n').ToString());

        /// <summary>
        /// The records of the file at <paramref name="path"/>, each split into <paramref name="fields"/> fields (the last
        /// one keeps any further tabs); none when the file is missing, unreadable, not of format <paramref name="magic"/>,
        /// or cut short (no end line). Lines with fewer fields are passed over.
        /// </summary>
        public static IEnumerable<string[]> Records(string path, string magic, int fields)
        {
            string[] lines;
            try
            {
                if (!File.Exists(path)) yield break;
                lines = File.ReadAllText(path, AtomicFile.Utf8NoBom).Split('\n');
            }
            catch (IOException) { yield break; }
            catch (UnauthorizedAccessException) { yield break; }
            // Split after the end line's new line, a whole file ends in the end line and an empty string.
            if (lines.Length < 3 || lines[0] != magic || lines[lines.Length - 2] != EndLine || lines[lines.Length - 1].Length > 0) yield break;
            for (int i = 1; i < lines.Length - 2; i++)
            {
                string[] split = lines[i].Split(new[] { '\t' }, fields);
                if (split.Length == fields) yield return split;
            }
        }
    }
}
