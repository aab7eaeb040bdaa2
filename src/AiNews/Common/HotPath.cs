using System.Runtime.CompilerServices;

namespace AiNews.Common
{
    /// <summary>
    /// How the engine asks the runtime to compile a method fully optimised at its first call.
    /// </summary>
    /// <remarks>
    /// PowerShell 7 runs on .NET with tiered compilation: a method starts as quickly made, unoptimised code and is only
    /// recompiled once it has been called 30 times and no new method has been compiled for 100 ms. The first
    /// Get-AiArticle call in a fresh process compiles new methods all along, so the DOM walks every extraction step
    /// makes (millions of calls over a few hundred pages) ran unoptimised for most of it: a quarter of that call's CPU.
    /// Marked with <see cref="Optimized"/> they skip the first tier. Only small, hot, loop-bearing methods get it: it
    /// costs a full compile for code that may run once, and gives up profile-guided recompilation.
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512) is not named in netstandard2.0, so it is cast, as the
    /// netstandard2.0 builds of BenchmarkDotNet and Perfolizer do; .NET Framework, which has no tiers, ignores the flag.
    /// </remarks>
    internal static class HotPath
    {
        /// <summary><c>MethodImplOptions.AggressiveOptimization</c>.</summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
