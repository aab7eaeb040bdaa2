using System;
using System.IO;
using System.Threading;

namespace AiNews.Digest.Archive
{
    /// <summary>
    /// An exclusive lock on an archive, held by one job at a time: an open handle with FileShare.None on
    /// ".ainews.lock" in the archive root. The operating system releases it when the process ends, so a
    /// killed job never leaves a stale lock behind (the file itself may stay; it holds no state).
    /// </summary>
    public sealed class ArchiveLock : IDisposable
    {
        public const string FileName = ".ainews.lock";
        private FileStream _handle;

        private ArchiveLock(FileStream handle) { _handle = handle; }

        /// <exception cref="TimeoutException">Another job held the lock for longer than <paramref name="timeout"/>.</exception>
        /// <exception cref="UnauthorizedAccessException">
        /// The lock cannot be created at all (a read-only folder or drive, no permission, a path that cannot be a file):
        /// reported at once, since waiting cannot help.
        /// </exception>
        public static ArchiveLock Acquire(string root, TimeSpan timeout, CancellationToken cancel = default)
        {
            string path = Path.Combine(root, FileName);
            DateTime deadline = DateTime.UtcNow + timeout;
            int wait = 50;
            while (true)
            {
                try
                {
                    Directory.CreateDirectory(root);
                    return new ArchiveLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException e) when (IsHeldByAnother(e) && DateTime.UtcNow < deadline)
                {
                    cancel.WaitHandle.WaitOne(wait);
                    cancel.ThrowIfCancellationRequested();
                    wait = Math.Min(wait * 2, 1000);
                }
                catch (IOException e) when (IsHeldByAnother(e))
                {
                    throw new TimeoutException(
                        $"Another AiNews job has held the archive lock '{path}' for more than {timeout.TotalSeconds:0} s. Wait for it to finish, or raise -LockTimeout.", e);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException)
                {
                    throw new UnauthorizedAccessException(
                        $"Cannot create the archive lock '{path}': {e.Message.TrimEnd('.')}. The archive folder must be writable: " +
                        "check its permissions and that its drive is not mounted read-only, or give another -ArchivePath.", e);
                }
            }
        }

        // The error codes of "another handle holds the file": the sharing and lock violations of Windows, and the
        // EWOULDBLOCK of the flock() with which .NET emulates FileShare.None on Linux (11) and macOS/BSD (35).
        private const int WindowsSharingViolation = unchecked((int)0x80070020);
        private const int WindowsLockViolation = unchecked((int)0x80070021);
        private const int LinuxWouldBlock = 11;
        private const int BsdWouldBlock = 35;

        /// <summary>Whether opening failed because another process holds the lock (waiting helps), not because it cannot be created.</summary>
        private static bool IsHeldByAnother(IOException e)
        {
            if (e is FileNotFoundException || e is DirectoryNotFoundException || e is PathTooLongException) return false;
            return e.HResult == WindowsSharingViolation || e.HResult == WindowsLockViolation
                || e.HResult == LinuxWouldBlock || e.HResult == BsdWouldBlock;
        }

        public void Dispose()
        {
            _handle?.Dispose();
            _handle = null;
        }
    }
}
