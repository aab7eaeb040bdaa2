BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:ManifestPath = Join-Path $RepoRoot 'AiNews.psd1'
    $script:Manifest = Import-PowerShellDataFile $ManifestPath
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets it lists, never a wildcard' {
        $Manifest.CmdletsToExport | Should -Not -Contain '*'
        $exported = (Get-Command -Module AiNews).Name | Sort-Object
        $exported | Should -Be ($Manifest.CmdletsToExport | Sort-Object)
    }

    It 'declares both editions and Windows PowerShell 5.1' {
        $Manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $Manifest.PowerShellVersion | Should -Be '5.1'
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        foreach ($c in Get-Command -Module AiNews) { $approved | Should -Contain $c.Verb }
    }

    It 'shows articles in a table by default' {
        $a = [AiNews.Article]@{ Title = 'T'; Url = 'https://example.com'; Source = 'S' }
        ($a | Out-String) | Should -Match 'Published\s+Source\s+Organization\s+Importance\s+Title'
    }
}
