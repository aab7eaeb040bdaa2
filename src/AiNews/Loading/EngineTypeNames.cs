using System;
using System.Management.Automation;
using System.Reflection;

namespace AiNews.Loading
{
    /// <summary>
    /// Makes the engine's public types nameable in PowerShell 7 ([AiNews.Article], [AiNews.Common.Json]...) although they
    /// live in the module's own AssemblyLoadContext, whose types PowerShell's type-name lookup deliberately skips: each
    /// is registered as a type accelerator under its full name. (Windows PowerShell 5.1 needs none of this: there the
    /// engine is an ordinary assembly of the AppDomain.)
    /// </summary>
    internal static class EngineTypeNames
    {
        /// <summary>Registers every public, non-generic type of <paramref name="engine"/> under its full name.</summary>
        internal static void Register(Assembly engine)
        {
            // System.Management.Automation.TypeAccelerators is not public API, but it is the only way PowerShell offers
            // to name a type from another load context, and modules have used it for a decade; without it only
            // [type]'AiNews.Article, AiNews.Engine' style names would fail, the cmdlets themselves are unaffected.
            Type accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");
            MethodInfo add = accelerators?.GetMethod("Add", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(Type) }, null);
            if (add == null) return;
            foreach (Type type in engine.GetExportedTypes())
                if (!type.IsGenericTypeDefinition) add.Invoke(null, new object[] { type.FullName, type });
        }
    }
}
