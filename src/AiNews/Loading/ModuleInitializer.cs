using System.Management.Automation;

namespace AiNews.Loading
{
    /// <summary>
    /// Runs when PowerShell imports AiNews.Loader.dll, the manifest's nested module, which happens before the RootModule
    /// AiNews.dll is read: makes the engine (AiNews.Engine.dll) and its dependencies in module/bin/dependencies loadable. See <see cref="DependencyLoader"/> and docs/ARCHITECTURE.md.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <inheritdoc />
        public void OnImport() => DependencyLoader.Install();

        /// <summary>
        /// Nothing to undo: a loaded assembly cannot be unloaded, and a later Import-Module of the same AiNews.dll needs
        /// the resolver again (it is installed once per process).
        /// </summary>
        public void OnRemove(PSModuleInfo psModuleInfo) { }
    }
}
