@{
    RootModule           = 'module/bin/AiNews.dll'
    # Imported (and so initialized) before the RootModule: resolves the engine in module/bin/dependencies (docs/ARCHITECTURE.md).
    NestedModules        = @('module/bin/AiNews.Loader.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3c2e-8d7a-4f6e-9a51-2c7d4e8b1a90'
    Author               = 'AiNews contributors'
    CompanyName          = 'AiNews'
    Copyright            = '(c) AiNews contributors. MIT License.'
    Description          = 'Collects AI news from the web and publishes a clean daily digest (Markdown or HTML): feeds, full-text extraction, labels, summaries, archive.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    # Windows PowerShell 5.1 on .NET Framework 4.7.2 or later: netstandard2.0 assemblies load there without extra facades.
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('module/AiNews.Format.ps1xml')
    CmdletsToExport      = @(
        'Add-AiSummary'
        'Add-AiTag'
        'ConvertFrom-AiDigest'
        'Export-AiDigest'
        'Get-AiArticle'
        'Get-AiSource'
        'Invoke-AiNewsJob'
        'Merge-AiArticle'
        'Register-AiNewsJob'
        'Send-AiDigest'
        'Unregister-AiNewsJob'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    # No HelpInfoURI: the help ships inside the module (en-US/), there is no updatable-help site for Update-Help to ask.
    PrivateData          = @{
        PSData = @{
            # PSCommand_<name> for every cmdlet: Find-PSResource -CommandName reads a package's tags, and Publish-PSResource
            # does not derive them from CmdletsToExport (the Gallery adds them on its side, a file or NuGet feed never
            # does). tests/Package.Tests.ps1 keeps this list equal to CmdletsToExport.
            Tags         = @('News', 'AI', 'RSS', 'Digest', 'Markdown', 'Korean', 'PSEdition_Core', 'PSEdition_Desktop',
                'PSIncludes_Cmdlet',
                'PSCommand_Add-AiSummary', 'PSCommand_Add-AiTag', 'PSCommand_ConvertFrom-AiDigest', 'PSCommand_Export-AiDigest',
                'PSCommand_Get-AiArticle', 'PSCommand_Get-AiSource', 'PSCommand_Invoke-AiNewsJob', 'PSCommand_Merge-AiArticle',
                'PSCommand_Register-AiNewsJob', 'PSCommand_Send-AiDigest', 'PSCommand_Unregister-AiNewsJob')
            ProjectUri   = 'https://github.com/ainews/AiNews'
            # No IconUri: the Gallery takes an icon only by URL, and there is no hosted image yet; it shows its default.
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            # The section of CHANGELOG.md for ModuleVersion, in short; the file itself ships beside this manifest.
            ReleaseNotes = @'
0.1.0 (first release; CHANGELOG.md in the module folder has the whole history):
- Get-AiArticle: a source catalog, tolerant RSS/RDF/Atom, polite fetching, full-text extraction.
- Add-AiTag, Add-AiSummary, Merge-AiArticle: organizations, topics, AI relevance, summaries, one article per story.
- Export-AiDigest, ConvertFrom-AiDigest, Send-AiDigest: a Markdown + HTML archive that never repeats or loses an
  article, read back as articles, posted to Slack, Teams or Discord.
- Invoke-AiNewsJob, Register-AiNewsJob, Unregister-AiNewsJob: the scheduled job with exit codes and a log.
- Bounded parsing and an address policy against hostile feeds and pages.
- Labels from a model trained on hand-labelled articles; summaries within a length budget.
- Windows PowerShell 5.1 and PowerShell 7, dependencies isolated in their own load context on PowerShell 7.
- A fetch cache with HTTP freshness and stored extractions; pages extracted on all cores.
- Packaged with Publish-PSResource; Find-PSResource -CommandName finds every cmdlet.
'@
        }
    }
}
