# The help built from docs/*.md by build.ps1 build: every exported cmdlet has real help (not the stub
# PowerShell makes up from the syntax), and the about topic is found.
BeforeDiscovery {
    $script:Cmdlets = @((Import-PowerShellDataFile (Join-Path (Split-Path -Parent $PSScriptRoot) 'AiNews.psd1')).CmdletsToExport |
        ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:CommonParameters = [Management.Automation.Cmdlet]::CommonParameters

    function Get-HelpText($Value) { (@($Value) | ForEach-Object { $_.Text }) -join "`n" }
}

Describe '<Name> help' -ForEach $Cmdlets {
    BeforeAll {
        $script:Command = Get-Command $Name -Module AiNews
        $script:Help = Get-Help $Name -Full
    }

    It 'comes from the MAML file in the en-US folder beside the manifest' {
        # HelpFile is the file name, or the full path once Get-Help has loaded the file.
        $Command.HelpFile | Should -Not -BeNullOrEmpty
        Test-Path (Join-Path $Command.Module.ModuleBase "en-US/$(Split-Path -Leaf $Command.HelpFile)") | Should -BeTrue
    }

    It 'has a synopsis, not the generated syntax stub' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -BeLike "$Name *"
        $Help.Synopsis.Trim() | Should -Not -Be $Name
    }

    It 'has a description' {
        (Get-HelpText $Help.Description).Trim().Length | Should -BeGreaterThan 40
    }

    It 'has at least one example with code and remarks' {
        $examples = @($Help.Examples.Example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $example.Code | Should -Not -BeNullOrEmpty
            (Get-HelpText $example.Remarks).Trim() | Should -Not -BeNullOrEmpty
            $example.Code | Should -Match $Name -Because "example '$($example.Title.Trim('- '))' should use the cmdlet"
        }
    }

    It 'describes every parameter' {
        $names = @($Command.Parameters.Keys | Where-Object { $_ -notin $CommonParameters })
        $names | Should -Not -BeNullOrEmpty
        foreach ($parameter in $names) {
            $p = Get-Help $Name -Parameter $parameter
            (Get-HelpText $p.Description).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'shows one syntax per parameter set, with the real parameters' {
        $syntax = @($Help.Syntax.SyntaxItem)
        $syntax.Count | Should -Be $Command.ParameterSets.Count
        foreach ($item in $syntax) {
            foreach ($p in @($item.Parameter)) { $Command.Parameters.Keys | Should -Contain $p.Name }
        }
    }

    It 'names its input and output types' {
        (@($Help.InputTypes.InputType) | ForEach-Object { $_.Type.Name }) | Should -Not -BeNullOrEmpty
        $outputs = @($Help.ReturnValues.ReturnValue | ForEach-Object { $_.Type.Name })
        foreach ($type in $Command.OutputType) { $outputs | Should -Contain $type.Name }
    }
}

Describe 'about_AiNews' {
    It 'is found by Get-Help' {
        $text = Get-Help about_AiNews -ErrorAction Stop | Out-String
        $text | Should -Match 'about_AiNews'
        $text | Should -Match 'SHORT DESCRIPTION'
        foreach ($id in [AiNews.Commands.ErrorIds].GetFields() | ForEach-Object { $_.GetValue($null) }) { $text | Should -Match ([regex]::Escape($id)) }
    }
}
