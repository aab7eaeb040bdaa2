using System;
using System.Collections.Generic;
using System.Linq;

namespace AiNews.Jobs
{
    /// <summary>
    /// The program and argument line of the Task Scheduler action that runs the job (Windows). A scheduled run is a
    /// cold process, and under PowerShell 7 (.NET, tiered compilation) a cold run is about twice as fast with
    /// DOTNET_TieredCompilation=0 (bench/RESULTS.md, "Speed and scale"). A task action takes no environment, so the
    /// action is cmd.exe setting the variable for the one command it starts: <c>cmd.exe /d /s /c "set "X=0" &amp;&amp; "pwsh.exe" ..."</c>.
    /// Windows PowerShell 5.1 (.NET Framework) has no tiering and is started directly.
    /// </summary>
    public sealed class TaskAction
    {
        /// <summary>The variable and value the job's process gets (the same as the crontab line's).</summary>
        public const string ColdStartVariable = "DOTNET_TieredCompilation";

        /// <summary>See <see cref="ColdStartVariable"/>.</summary>
        public const string ColdStartValue = "0";

        private TaskAction(string execute, string argument, bool untiered)
        {
            Execute = execute;
            Argument = argument;
            Untiered = untiered;
        }

        /// <summary>The program the task starts.</summary>
        public string Execute { get; }

        /// <summary>Its argument line, quoted for Windows.</summary>
        public string Argument { get; }

        /// <summary>Whether the job's PowerShell runs with <see cref="ColdStartVariable"/>=<see cref="ColdStartValue"/>.</summary>
        public bool Untiered { get; }

        /// <summary>The command line as one string (program and arguments), as Task Scheduler shows it.</summary>
        public string CommandLine => QuoteArgument(Execute) + " " + Argument;

        /// <summary>
        /// The action that runs <paramref name="shell"/> (the PowerShell executable, or "dotnet" and pwsh.dll) with
        /// <paramref name="arguments"/>. With <paramref name="tiered"/> (PowerShell 7) it goes through
        /// <paramref name="commandProcessor"/> (cmd.exe) to set the variable, unless an argument holds a character
        /// cmd.exe would rewrite even inside quotes (% expands variables; " ends the quoting): then PowerShell is
        /// started directly, tiered, and <see cref="Untiered"/> is false.
        /// </summary>
        public static TaskAction For(IReadOnlyList<string> shell, IEnumerable<string> arguments, bool tiered, string commandProcessor)
        {
            if (shell == null || shell.Count == 0) throw new ArgumentException("The shell that runs the job is required.", nameof(shell));
            List<string> all = shell.Concat(arguments ?? Enumerable.Empty<string>()).ToList();
            if (!tiered || string.IsNullOrEmpty(commandProcessor) || all.Any(a => a.IndexOfAny(CmdRewrites) >= 0))
                return new TaskAction(shell[0], string.Join(" ", all.Skip(1).Select(QuoteArgument)), untiered: false);
            // /d: no AutoRun commands from the registry; /s /c "...": cmd.exe drops the outer quotes and runs the rest
            // as written. Every argument is quoted, so & | < > ^ ( ) in paths are plain characters to cmd.exe.
            string command = "set \"" + ColdStartVariable + "=" + ColdStartValue + "\" && " + string.Join(" ", all.Select(a => "\"" + a + "\""));
            return new TaskAction(commandProcessor, "/d /s /c \"" + command + "\"", untiered: true);
        }

        /// <summary>Quotes one argument the way the Windows C runtime splits a command line.</summary>
        public static string QuoteArgument(string argument) =>
            argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";

        /// <summary>Characters cmd.exe acts on inside double quotes.</summary>
        private static readonly char[] CmdRewrites = { '%', '"', '\r', '\n' };
    }
}
