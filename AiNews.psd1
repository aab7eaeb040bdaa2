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
    PrivateData          = @{
        PSData = @{
            Tags       = @('News', 'AI', 'RSS', 'Digest', 'Markdown', 'Korean', 'PSEdition_Core', 'PSEdition_Desktop')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
