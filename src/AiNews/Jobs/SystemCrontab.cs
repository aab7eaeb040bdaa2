using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace AiNews.Jobs
{
    /// <summary>The current user's crontab, read and replaced through the crontab(1) command found on PATH.</summary>
    public static class SystemCrontab
    {
        /// <summary>How long crontab(1) may take before the registration gives up.</summary>
        private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

        /// <summary>The crontab's text; empty when the user has none.</summary>
        /// <exception cref="InvalidOperationException">crontab(1) is missing or failed; the message says what to do.</exception>
        public static string Read()
        {
            var (code, output, error) = Run("-l", null);
            if (code == 0) return output;
            // "no crontab for USER" (exit 1) is an empty crontab, not a failure.
            if (error.IndexOf("no crontab", StringComparison.OrdinalIgnoreCase) >= 0) return string.Empty;
            throw new InvalidOperationException($"'crontab -l' failed (exit code {code}): {error.Trim()}");
        }

        /// <summary>Replaces the crontab with <paramref name="text"/>.</summary>
        public static void Write(string text)
        {
            var (code, _, error) = Run("-", text);
            if (code != 0) throw new InvalidOperationException($"'crontab -' refused the new crontab (exit code {code}): {error.Trim()}");
        }

        private static (int Code, string Output, string Error) Run(string argument, string input)
        {
            var start = new ProcessStartInfo("crontab", argument)
            {
                UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
            };
            Process process;
            try { process = Process.Start(start); }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException(
                    $"The crontab command was not found ({e.Message}). Install cron (Debian/Ubuntu: 'sudo apt-get install cron'), or run the job script from another scheduler.", e);
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                if (input != null) process.StandardInput.Write(input);
                process.StandardInput.Close();
                if (!process.WaitForExit((int)CommandTimeout.TotalMilliseconds))
                {
                    try { process.Kill(); } catch (InvalidOperationException) { }
                    throw new InvalidOperationException($"crontab {argument} did not finish within {CommandTimeout.TotalSeconds:0} s.");
                }
                return (process.ExitCode, output.Result, error.Result);
            }
        }
    }
}
