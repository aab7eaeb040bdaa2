# Windows PowerShell 5.1 can run our scripts: the tests, the examples, the benchmarks and build.ps1 use only cmdlets,
# parameters and syntax that 5.1 has, except in a test marked Core-only (an It/Context/Describe whose -Skip names
# PSEdition, or a file with "#Requires -PSEdition Core"). Checked on the syntax tree, so it runs on any edition.
BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"

    # Commands that Windows PowerShell 5.1 does not have (PowerShell 6+ or separate modules).
    $script:CoreOnlyCommands = @('Start-ThreadJob', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-MarkdownOption', 'Set-MarkdownOption',
        'Get-Error', 'Test-Json', 'Join-String', 'Remove-Alias', 'Get-Uptime', 'Remove-Service', 'Get-PSSubsystem', 'ConvertTo-CliXml', 'ConvertFrom-CliXml')

    # Parameters that PowerShell 6+ added to cmdlets 5.1 has (by the name the script uses; abbreviations are not used here).
    $script:CoreOnlyParameters = @{
        'ConvertTo-Json'    = @('AsArray', 'EnumsAsStrings', 'EscapeHandling')
        'ConvertFrom-Json'  = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
        'ForEach-Object'    = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
        'Join-Path'         = @('AdditionalChildPath')
        'Split-Path'        = @('LeafBase', 'Extension')
        'Get-Content'       = @('AsByteStream')
        'Set-Content'       = @('AsByteStream')
        'Add-Content'       = @('AsByteStream')
        'Invoke-WebRequest' = @('SkipCertificateCheck', 'SkipHttpErrorCheck', 'SkipHeaderValidation', 'StatusCodeVariable', 'ResponseHeadersVariable',
            'Authentication', 'Token', 'SslProtocol', 'MaximumRetryCount', 'RetryIntervalSec', 'Form', 'Resume', 'HttpVersion', 'NoProxy', 'ConnectionTimeoutSeconds', 'OperationTimeoutSeconds')
        'Invoke-RestMethod' = @('SkipCertificateCheck', 'SkipHttpErrorCheck', 'SkipHeaderValidation', 'StatusCodeVariable', 'ResponseHeadersVariable',
            'Authentication', 'Token', 'SslProtocol', 'MaximumRetryCount', 'RetryIntervalSec', 'Form', 'Resume', 'HttpVersion', 'NoProxy', 'ConnectionTimeoutSeconds', 'OperationTimeoutSeconds')
        'Sort-Object'       = @('Top', 'Bottom', 'Stable')
        'Select-String'     = @('Raw', 'NoEmphasis')
        'Select-Object'     = @('SkipIndex')
        'Get-Date'          = @('AsUTC', 'UnixTimeSeconds')
        'Export-Csv'        = @('UseQuotes', 'QuoteFields', 'IncludeTypeInformation')
        'ConvertTo-Csv'     = @('UseQuotes', 'QuoteFields', 'IncludeTypeInformation')
        'Start-Job'         = @('WorkingDirectory')
        'Start-Process'     = @('Environment')
        'Get-ChildItem'     = @('FollowSymlink')
        'Test-Connection'   = @('TargetName', 'Ping', 'TcpPort')
    }

    # -Encoding values only PowerShell 6+ accepts (5.1's utf8 writes a BOM; its byte-exact writes go through .NET).
    $script:CoreOnlyEncodings = @('utf8NoBOM', 'utf8BOM', 'ansi')

    # Automatic variables PowerShell 6+ defines; on 5.1 they are $null, so "-Skip:$IsWindows" would run a test on Windows.
    $script:CoreOnlyVariables = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR')

    # A cheap first look: a script that matches none of this has nothing to check on its syntax tree.
    $words = @($CoreOnlyCommands) + @($CoreOnlyParameters.Values | ForEach-Object { $_ | ForEach-Object { "-$_" } }) + $CoreOnlyEncodings
    $patterns = @($words | ForEach-Object { [regex]::Escape($_) }) + @($CoreOnlyVariables | ForEach-Object { '\$' + $_ }) +
        @('\?\?', '&&', '\|\|', '\s\?\s', '`u\{')
    $script:Suspect = [regex]::new(($patterns -join '|'), [Text.RegularExpressions.RegexOptions]::IgnoreCase)

    # Is this node inside a Pester block (It/Context/Describe) whose -Skip or -Tag marks it Core-only?
    function Test-CoreOnlyBlock([System.Management.Automation.Language.Ast] $Node) {
        for ($a = $Node.Parent; $a; $a = $a.Parent) {
            if ($a -is [System.Management.Automation.Language.CommandAst] -and $a.GetCommandName() -in 'It', 'Context', 'Describe') {
                # Everything before the block's body: its name, -Skip, -Tag, -ForEach.
                $header = $a.Extent.Text.Substring(0, $a.CommandElements[-1].Extent.StartOffset - $a.Extent.StartOffset)
                if ($header -match 'PSEdition|CoreOnly') { return $true }
            }
        }
        $false
    }

    # "file:line: what" for every 5.1 incompatibility in one script, outside Core-only blocks.
    function Find-CoreOnlyUsage([string] $Path) {
        # Only the lines that a cheap look finds suspect are checked on the tree (the whole tree is slow to walk in PowerShell).
        $lines = [IO.File]::ReadAllLines($Path)
        $suspectLines = @{}
        for ($i = 0; $i -lt $lines.Count; $i++) { if ($Suspect.IsMatch($lines[$i])) { $suspectLines[$i + 1] = $true } }
        if ($suspectLines.Count -eq 0) { return }
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        if ($ast.ScriptRequirements -and $ast.ScriptRequirements.RequiredPSEditions -contains 'Core') { return }
        $name = Resolve-Path -Relative $Path
        # A trivial predicate and the line test in the loop: a predicate that reads a variable costs far more per node.
        foreach ($node in $ast.FindAll({ $true }, $true)) {
            if (-not $suspectLines.ContainsKey($node.Extent.StartLineNumber)) { continue }
            $problem = $null
            switch ($node.GetType().Name) {
                'CommandAst' { if ($node.GetCommandName() -in $CoreOnlyCommands) { $problem = $node.GetCommandName() } }
                'CommandParameterAst' {
                    # Judged on the parameter's own line: a command may start lines earlier.
                    $command = $node.Parent.GetCommandName()
                    $p = $node
                    if ($command -and $CoreOnlyParameters[$command] -contains $p.ParameterName) { $problem = "$command -$($p.ParameterName)" }
                    if ($command -and $p.ParameterName -eq 'Encoding') {
                        $elements = $node.Parent.CommandElements
                        $i = [array]::IndexOf($elements, $p)
                        $value = if ($p.Argument) { $p.Argument } elseif ($i + 1 -lt $elements.Count) { $elements[$i + 1] }
                        if ($value -and $value.Extent.Text.Trim('''"') -in $CoreOnlyEncodings) { $problem = "$command -Encoding $($value.Extent.Text)" }
                    }
                }
                'VariableExpressionAst' { if ($node.VariablePath.UserPath -in $CoreOnlyVariables) { $problem = "`$$($node.VariablePath.UserPath)" } }
                'TernaryExpressionAst' { $problem = 'the ?: operator' }
                'PipelineChainAst' { $problem = 'the && / || operators' }
                'BinaryExpressionAst' { if ($node.Operator -eq 'QuestionQuestion') { $problem = 'the ?? operator' } }
                'AssignmentStatementAst' { if ($node.Operator -eq 'QuestionQuestionEquals') { $problem = 'the ??= operator' } }
                'ExpandableStringExpressionAst' { if ($node.Extent.Text -match '`u\{') { $problem = 'a `u{} escape' } }
                'StringConstantExpressionAst' {
                    if ($node.StringConstantType -in 'DoubleQuoted', 'DoubleQuotedHereString' -and $node.Extent.Text -match '`u\{') { $problem = 'a `u{} escape' }
                }
            }
            if ($problem -and -not (Test-CoreOnlyBlock $node)) { "${name}:$($node.Extent.StartLineNumber): $problem" }
        }
    }
}

Describe 'Scripts run on Windows PowerShell 5.1' {
    It 'uses in tests, examples, benchmarks and build.ps1 only what 5.1 has, outside blocks marked Core-only' {
        Push-Location $RepoRoot
        try {
            $scripts = @(Get-ChildItem tests, examples, bench -Recurse -Include '*.ps1', '*.psm1' | Where-Object FullName -notmatch '[\\/](bin|obj)[\\/]') +
                @(Get-Item build.ps1) + @(Get-ChildItem module -Filter '*.ps1') + @(Get-ChildItem docs -Filter '*.ps1')
            $scripts.Count | Should -BeGreaterThan 20
            @(foreach ($s in $scripts) { Find-CoreOnlyUsage $s.FullName }) | Should -BeNullOrEmpty
        }
        finally { Pop-Location }
    }

    It 'finds what 5.1 lacks: a -AsArray, a -Parallel, $IsWindows, a `u{} escape and ?:' {
        $probe = Join-Path ([IO.Path]::GetTempPath()) "ainews-compat-$([guid]::NewGuid()).ps1"
        Set-Content -LiteralPath $probe -Encoding utf8 -Value @(
            '@(1) | ConvertTo-Json -AsArray'
            '1..2 | ForEach-Object -Parallel { $_ }'
            'if ($IsWindows) { "`u{2014}" }'
            '$x = $true ? 1 : 2'
            'Describe d { It i -Skip:($PSVersionTable.PSEdition -ne ''Core'') { @(1) | ConvertTo-Json -AsArray } }'
            'Set-Content x -Encoding utf8NoBOM -Value 1'
        )
        try {
            $found = @(Find-CoreOnlyUsage $probe) -replace '^.*?:(\d+): ', '$1: '
            $found | Should -Contain '1: ConvertTo-Json -AsArray'
            $found | Should -Contain '2: ForEach-Object -Parallel'
            $found | Should -Contain '3: $IsWindows'
            $found | Should -Contain '3: a `u{} escape'
            $found | Should -Contain '4: the ?: operator'
            $found | Should -Contain '6: Set-Content -Encoding utf8NoBOM'
            @($found | Where-Object { $_ -like '5:*' }) | Should -BeNullOrEmpty -Because 'a Core-only test may use what 5.1 lacks'
        }
        finally { Remove-Item -LiteralPath $probe -Force }
    }
}
