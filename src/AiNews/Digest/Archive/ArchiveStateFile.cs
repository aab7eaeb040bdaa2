using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AiNews.Common;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// The tab-separated files the archive keeps in its state folder (title index, counts, folder manifest, index.html
    /// parts): a first line naming the format, one record a line, and an end line with a hash of everything before it.
    /// Written and read the same way by each.
    /// </summary>
    internal static class ArchiveStateFile
    {
        // The last line of every state file, followed by a space and the SHA-256 of the file's bytes before it. They are
        // caches, written without waiting for the disk (AtomicFile.Write without flushing): a file a system crash cut short
        // lacks the line, and one whose bytes changed since (a disk's error, an edit by hand) fails the hash, so no record
        // of either is used: a flipped byte in a title would otherwise reach a folder's README.
        private const string EndLine = "#end";

        /// <summary>
        /// Writes <paramref name="records"/> (the format's line and the records, each ending in a new line) and the end line
        /// as the state file at <paramref name="path"/>.
        /// </summary>
        public static void Write(string path, StringBuilder records)
        {
            byte[] body = AtomicFile.Utf8NoBom.GetBytes(records.ToString());
            byte[] end = AtomicFile.Utf8NoBom.GetBytes(EndLine + " " + ContentHash.Sha256Hex(body) + "\n");
            AtomicFile.Write(path, stream => { stream.Write(body, 0, body.Length); stream.Write(end, 0, end.Length); }, flushToDisk: false);
        }

        /// <summary>
        /// The records of the file at <paramref name="path"/>, each split into <paramref name="fields"/> fields (the last
        /// one keeps any further tabs); none when the file is missing, unreadable, not of format <paramref name="magic"/>,
        /// cut short (no end line) or changed since it was written (its hash). Lines with fewer fields are passed over.
        /// </summary>
        public static IEnumerable<string[]> Records(string path, string magic, int fields)
        {
            string[] lines;
            try
            {
                if (!File.Exists(path)) yield break;
                lines = Body(File.ReadAllBytes(path))?.Split('\n');
            }
            catch (IOException) { yield break; }
            catch (UnauthorizedAccessException) { yield break; }
            // Split after the last record's new line, the body ends in an empty string.
            if (lines == null || lines.Length < 2 || lines[0] != magic || lines[lines.Length - 1].Length > 0) yield break;
            for (int i = 1; i < lines.Length - 1; i++)
            {
                string[] split = lines[i].Split(new[] { '\t' }, fields);
                if (split.Length == fields) yield return split;
            }
        }

        // The text before the end line when the file ends in one whose hash is that of the bytes before it; else null.
        private static string Body(byte[] bytes)
        {
            const int HashLength = 64;
            int endLength = EndLine.Length + 1 + HashLength + 1;     // "#end", a space, the hash, a new line
            int at = bytes.Length - endLength;
            if (at < 0 || (at > 0 && bytes[at - 1] != (byte)'\n') || bytes[bytes.Length - 1] != (byte)'\n') return null;
            string end = Encoding.ASCII.GetString(bytes, at, endLength - 1);
            if (!end.StartsWith(EndLine + " ", StringComparison.Ordinal)) return null;
            if (!string.Equals(end.Substring(EndLine.Length + 1), ContentHash.Sha256Hex(bytes, 0, at), StringComparison.Ordinal)) return null;
            return AtomicFile.Utf8NoBom.GetString(bytes, 0, at);
        }
    }
}
