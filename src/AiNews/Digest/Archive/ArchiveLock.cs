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
        public static ArchiveLock Acquire(string root, TimeSpan timeout, CancellationToken cancel = default)
        {
            Directory.CreateDirectory(root);
            string path = Path.Combine(root, FileName);
            DateTime deadline = DateTime.UtcNow + timeout;
            int wait = 50;
            while (true)
            {
                try
                {
                    return new ArchiveLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    cancel.WaitHandle.WaitOne(wait);
                    cancel.ThrowIfCancellationRequested();
                    wait = Math.Min(wait * 2, 1000);
                }
                catch (IOException e)
                {
                    throw new TimeoutException(
                        $"Another AiNews job has held the archive lock '{path}' for more than {timeout.TotalSeconds:0} s. Wait for it to finish, or raise -LockTimeout.", e);
                }
            }
        }

        public void Dispose()
        {
            _handle?.Dispose();
            _handle = null;
        }
    }
}
