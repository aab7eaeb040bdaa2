using System;
using System.Collections.Generic;
using System.IO;
using AiNews.Common;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The tab-separated files the archive keeps in its state folder (title index, counts, folder manifest, index.html
    /// parts): a first line naming the format, then one record a line. Read the same way by each of them.
    /// </summary>
    internal static class ArchiveStateFile
    {
        /// <summary>
        /// The records of the file at <paramref name="path"/>, each split into <paramref name="fields"/> fields (the last
        /// one keeps any further tabs); none when the file is missing, unreadable or not of format <paramref name="magic"/>.
        /// Lines with fewer fields are passed over.
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
            if (lines.Length == 0 || lines[0] != magic) yield break;
            for (int i = 1; i < lines.Length; i++)
            {
                string[] split = lines[i].Split(new[] { '\t' }, fields);
                if (split.Length == fields) yield return split;
            }
        }
    }
}
