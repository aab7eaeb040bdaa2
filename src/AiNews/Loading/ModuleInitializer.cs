using System.Management.Automation;

namespace AiNews.Loading
{
    /// <summary>
    /// Runs when PowerShell imports AiNews.Loader.dll, the manifest's nested module, which happens before the RootModule
    /// AiNews.dll is read: makes the engine (AiNews.Engine.dll) and its dependencies in module/bin/dependencies
    /// loadable. See <see cref="DependencyLoader"/> and docs/ARCHITECTURE.md.
    /// </summary>
    /// <remarks>
    /// No IModuleAssemblyCleanup: a loaded assembly cannot be unloaded, and a later Import-Module of the same module needs
    /// the resolver again, so it stays installed (once per process) after Remove-Module.
    /// </remarks>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        /// <inheritdoc />
        public void OnImport() => DependencyLoader.Install();
    }
}
