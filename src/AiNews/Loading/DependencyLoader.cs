using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace AiNews.Loading
{
    /// <summary>
    /// Makes the engine and its dependencies (module/bin/dependencies) loadable from the thin cmdlet assembly (AiNews.dll),
    /// on both
    /// hosts the module supports:
    /// <list type="bullet">
    /// <item>PowerShell 7 (.NET): the engine and every dependency the runtime does not provide itself (AngleSharp,
    /// Markdig, ...) go into the module's own AssemblyLoadContext (<see cref="EngineLoadContext"/>), so another module
    /// that loaded a different AngleSharp first neither breaks AiNews nor is broken by it.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework 4.7.2+): one AppDomain, no load contexts; the shipped assemblies are
    /// resolved by name from that folder whatever version is asked for: the binding redirects an application would put in
    /// its .config (AngleSharp asks for System.Memory 4.0.1.2, 4.0.2.0 ships), done by hand because a module has no
    /// .config. tests/Module.Tests.ps1 checks that every reference of every shipped assembly is satisfied this way.</item>
    /// </list>
    /// </summary>
    internal static class DependencyLoader
    {
        /// <summary>The folder beside AiNews.dll that holds the engine and its dependencies (build.ps1 publishes it).</summary>
        internal const string FolderName = "dependencies";

        /// <summary>The engine's assembly name: unique to this module, so answering for it can never confuse another module.</summary>
        internal const string EngineName = "AiNews.Engine";

        private static readonly object Gate = new object();
        private static bool installed;
        private static EngineLoadContext context;

        /// <summary>The assembly of the cmdlets, which references the engine.</summary>
        internal const string CmdletsName = "AiNews";

        /// <summary>module/bin/dependencies, beside this loader (module/bin/AiNews.Loader.dll).</summary>
        internal static string Folder =>
            Path.Combine(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? AppContext.BaseDirectory, FolderName);

        /// <summary>True on .NET Framework (Windows PowerShell 5.1), where there are no AssemblyLoadContexts.</summary>
        internal static bool IsNetFramework => typeof(object).Assembly.GetName().Name == "mscorlib";

        /// <summary>Installs the resolver (once per process) and, on .NET, loads the engine into its own context.</summary>
        internal static void Install()
        {
            lock (Gate)
            {
                if (installed) return;
                if (!IsNetFramework)
                {
                    context = EngineLoadContext.Create(Folder);
                    EngineTypeNames.Register(context.Engine);
                }
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                installed = true;
            }
        }

        // Raised when the runtime found no assembly for a name anywhere else: AiNews.dll's reference to the engine (which
        // is not beside it), and on .NET Framework every reference the engine's dependencies make to each other.
        private static Assembly Resolve(object sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name;
            if (context != null) return ResolveFromContext(name, args.RequestingAssembly);
            string path = Path.Combine(Folder, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }

        // .NET: the engine goes to whoever asks (nobody else has that name); its private dependencies only to code built
        // against the engine (the cmdlets, a test harness compiled with Add-Type), never to another module that merely
        // lacks an AngleSharp of its own.
        private static Assembly ResolveFromContext(string name, Assembly requester)
        {
            if (!context.Assemblies.TryGetValue(name, out Assembly assembly)) return null;
            if (name == EngineName) return assembly;
            // A dynamic assembly (a PowerShell class, say) cannot list its references and was not built against the engine.
            bool builtAgainstEngine = requester != null && !requester.IsDynamic &&
                (requester.GetName().Name == CmdletsName || requester.GetReferencedAssemblies().Any(r => r.Name == EngineName));
            return builtAgainstEngine ? assembly : null;
        }
    }
}
