using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace AiNews.Loading
{
    /// <summary>
    /// The module's own AssemblyLoadContext on .NET (PowerShell 7), holding the engine and the dependencies the runtime
    /// does not provide (AngleSharp, Markdig, ...), each in the version the module was built with.
    /// <para>
    /// Reached through reflection on purpose: AiNews.dll targets netstandard2.0 and must load on .NET Framework, where
    /// Windows PowerShell 5.1 loads every type of a module assembly; a type deriving from AssemblyLoadContext there would
    /// fail the import. Instead of overriding Load, every private dependency is loaded into the context up front: a
    /// context answers a name from what it already holds before asking the default context, so the engine's references
    /// bind to these copies even when another module has put a different version into the default context.
    /// </para>
    /// </summary>
    internal sealed class EngineLoadContext
    {
        /// <summary>The name the context shows in AssemblyLoadContext.All (diagnostics).</summary>
        private const string ContextName = "AiNews";

        private EngineLoadContext(Dictionary<string, Assembly> assemblies, Assembly engine)
        {
            Assemblies = assemblies;
            Engine = engine;
        }

        /// <summary>The assemblies of the context by simple name (the engine among them).</summary>
        internal Dictionary<string, Assembly> Assemblies { get; }

        /// <summary>AiNews.Engine.dll as loaded into the context.</summary>
        internal Assembly Engine { get; }

        /// <summary>Creates the context and loads into it every assembly of <paramref name="folder"/> the runtime lacks.</summary>
        /// <exception cref="FileNotFoundException">The module is incomplete: the engine is not in the folder.</exception>
        internal static EngineLoadContext Create(string folder)
        {
            string enginePath = Path.Combine(folder, DependencyLoader.EngineName + ".dll");
            if (!File.Exists(enginePath))
                throw new FileNotFoundException($"The module is incomplete: {enginePath} is missing; reinstall or rebuild the module.", enginePath);

            Type contextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: true);
            object context = Activator.CreateInstance(contextType, ContextName, false);
            MethodInfo loadFromPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });

            HashSet<string> platform = PlatformAssemblyNames();
            var assemblies = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
            foreach (string path in Directory.GetFiles(folder, "*.dll"))
            {
                string name = Path.GetFileNameWithoutExtension(path);
                // The runtime's own copy (System.Memory, System.Text.Encoding.CodePages, ...) is newer than the
                // netstandard polyfill we ship and is the one whose types the rest of the process uses.
                if (platform.Contains(name)) continue;
                assemblies[name] = (Assembly)loadFromPath.Invoke(context, new object[] { path });
            }
            return new EngineLoadContext(assemblies, assemblies[DependencyLoader.EngineName]);
        }

        // The simple names of the trusted platform assemblies: the .NET runtime and PowerShell's own folder.
        private static HashSet<string> PlatformAssemblyNames()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
                foreach (string path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
                    names.Add(Path.GetFileNameWithoutExtension(path));
            return names;
        }
    }
}
