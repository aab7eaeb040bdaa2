<#
.SYNOPSIS
    Turns the help pages in docs/ (platyPS Markdown layout) into the files Get-Help reads: one MAML file for
    the module's cmdlets and a .help.txt file per about topic.
.DESCRIPTION
    build.ps1 build runs this script in a child PowerShell after dotnet publish: it imports the built module
    (a binary module cannot be unloaded, so never in the build's own session) and takes from it the exported
    cmdlets, their parameter sets and parameter attributes.

      docs/<Verb-Noun>.md   one page per exported cmdlet: SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS,
                            INPUTS, OUTPUTS, NOTES, RELATED LINKS (the layout platyPS writes).
      docs/about_*.md       about topics: "# about_Name", then "## SHORT DESCRIPTION", "## LONG DESCRIPTION", ...

    Output, in -OutputPath (the culture folder beside the module manifest, where Get-Help looks):
      <assembly>-Help.xml   MAML for all cmdlets (the name PowerShell expects for the dll, e.g. AiNews.dll-Help.xml)
      about_*.help.txt      the about topics as plain text

    Syntax and each parameter's Required/Position/pipeline attributes come from the cmdlet itself; the page
    gives the words (descriptions, examples, default values, wildcard support). The script fails, listing
    every problem, when an exported cmdlet has no page, a page lacks SYNOPSIS, DESCRIPTION or an example, a
    parameter is undocumented or documented but does not exist, or a page's yaml block disagrees with the
    cmdlet. Nothing is written unless every page is sound.
.EXAMPLE
    dotnet pwsh -NoProfile -File docs/ConvertTo-MamlHelp.ps1     # after dotnet publish; build.ps1 build does both
#>
[CmdletBinding()]
param(
    [string] $ManifestPath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'AiNews.psd1'),
    [string] $DocsPath = $PSScriptRoot,
    [string] $OutputPath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'en-US')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$problems = [Collections.Generic.List[string]]::new()
function Add-Problem([string] $Message) { $problems.Add($Message) }

#region Markdown

# A page as front matter, title (# heading) and sections (## headings) each holding its text lines before
# the first ### heading and its subsections (### headings). Headings inside code fences are text.
function Read-HelpPage {
    param([string] $Path)
    $lines = @(([IO.File]::ReadAllText($Path, [Text.Encoding]::UTF8).TrimStart([char]0xFEFF) -replace "`r`n?", "`n") -split "`n")
    $page = [ordered]@{ File = Split-Path -Leaf $Path; FrontMatter = @{}; Title = $null; Sections = [ordered]@{} }
    $i = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        for ($i = 1; $i -lt $lines.Count -and $lines[$i].Trim() -ne '---'; $i++) {
            if ($lines[$i] -match '^\s*([^:#]+?)\s*:\s*(.*?)\s*$') { $page.FrontMatter[$Matches[1]] = $Matches[2].Trim('"', "'") }
        }
        $i++
    }
    $section = $null
    $sub = $null
    $fence = $null
    for (; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($fence) {
            if ($line -match "^\s*$([regex]::Escape($fence))\s*$") { $fence = $null }
        }
        elseif ($line -match '^\s*(```+|~~~+)') { $fence = $Matches[1] }
        elseif ($line -match '^#\s+(.+?)\s*#*\s*$' -and -not $page.Title) { $page.Title = $Matches[1]; continue }
        elseif ($line -match '^##\s+(.+?)\s*#*\s*$') {
            $section = [ordered]@{ Name = $Matches[1].Trim(); Lines = [Collections.Generic.List[string]]::new(); Subsections = [Collections.Generic.List[object]]::new() }
            $page.Sections[$section.Name.ToUpperInvariant()] = $section
            $sub = $null
            continue
        }
        elseif ($line -match '^###\s+(.+?)\s*#*\s*$' -and $section) {
            $sub = [ordered]@{ Name = $Matches[1].Trim(); Lines = [Collections.Generic.List[string]]::new() }
            $section.Subsections.Add($sub)
            continue
        }
        if ($sub) { $sub.Lines.Add($line) } elseif ($section) { $section.Lines.Add($line) }
    }
    $page
}

# Text lines as blocks: @{ Kind = 'text' | 'code'; Info = fence info string; Lines }. Fenced code is one block;
# other text is cut into paragraphs at blank lines.
function Split-Block {
    param([string[]] $Lines)
    $blocks = [Collections.Generic.List[object]]::new()
    $current = $null
    $fence = $null
    foreach ($line in $Lines) {
        if ($fence) {
            if ($line -match "^\s*$([regex]::Escape($fence))\s*$") { $fence = $null; $current = $null } else { $current.Lines.Add($line) }
            continue
        }
        if ($line -match '^\s*(```+|~~~+)\s*([\w+-]*)') {
            $fence = $Matches[1]
            $current = @{ Kind = 'code'; Info = $Matches[2].ToLowerInvariant(); Lines = [Collections.Generic.List[string]]::new() }
            $blocks.Add($current)
            continue
        }
        if ($line.Trim().Length -eq 0) { $current = $null; continue }
        if (-not $current -or $current.Kind -ne 'text') {
            $current = @{ Kind = 'text'; Info = ''; Lines = [Collections.Generic.List[string]]::new() }
            $blocks.Add($current)
        }
        $current.Lines.Add($line.TrimEnd())
    }
    $blocks
}

# A block that must keep its line breaks: code, a list, a table, indented text.
function Test-Preformatted($Block) {
    $Block.Kind -eq 'code' -or @($Block.Lines | Where-Object { $_ -match '^\s*([-*+]\s|\d+[.)]\s|\|)|^\s{4}' }).Count -gt 0
}

# Paragraph strings for MAML: prose is joined into one line (Get-Help wraps it), the rest keeps its lines.
function ConvertTo-Paragraph {
    param([string[]] $Lines)
    foreach ($block in Split-Block $Lines) {
        if (Test-Preformatted $block) { $block.Lines -join "`n" }
        else { ($block.Lines | ForEach-Object { $_.Trim() }) -join ' ' }
    }
}

function Get-PlainText([string[]] $Lines) { (@(ConvertTo-Paragraph $Lines) -join "`n`n").Trim() }

function Read-Yaml([string[]] $Lines) {
    $values = @{}
    foreach ($line in $Lines) { if ($line -match '^\s*([^:]+?)\s*:\s*(.*?)\s*$') { $values[$Matches[1]] = $Matches[2] } }
    $values
}

#endregion

#region Cmdlet metadata

$commonParameters = [Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($name in [Management.Automation.Cmdlet]::CommonParameters) { [void] $commonParameters.Add($name) }
[void] $commonParameters.Add('UseTransaction')

function Get-TypeName([type] $Type) {
    if ($Type.IsArray) { return (Get-TypeName $Type.GetElementType()) + '[]' }
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { return Get-TypeName $inner }
    $Type.Name -replace '`\d+$', ''
}

function Format-Pipeline($Parameter) {
    $how = @(if ($Parameter.ValueFromPipelineByPropertyName) { 'ByPropertyName' }; if ($Parameter.ValueFromPipeline) { 'ByValue' })
    if ($how) { "True ($($how -join ', '))" } else { 'False' }
}

function Format-Position($Parameter) { if ($Parameter.Position -ge 0) { [string] $Parameter.Position } else { 'Named' } }

# name -> ordered list of @{ Set; Info } for every parameter set the parameter is in.
function Get-ParameterMap($Command) {
    $map = [ordered]@{}
    foreach ($set in $Command.ParameterSets) {
        foreach ($p in $set.Parameters) {
            if ($commonParameters.Contains($p.Name)) { continue }
            if (-not $map.Contains($p.Name)) { $map[$p.Name] = [Collections.Generic.List[object]]::new() }
            $map[$p.Name].Add(@{ Set = $set.Name; Info = $p })
        }
    }
    $map
}

# Parameter sets, default first; in each, positional parameters by position, then mandatory, then the rest.
function Get-SortedParameterSet($Command) {
    $sets = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $parameters = @($set.Parameters | Where-Object { -not $commonParameters.Contains($_.Name) })
        $ordered = @($parameters | Where-Object Position -ge 0 | Sort-Object Position) +
            @($parameters | Where-Object { $_.Position -lt 0 -and $_.IsMandatory }) +
            @($parameters | Where-Object { $_.Position -lt 0 -and -not $_.IsMandatory })
        [pscustomobject]@{ Name = $set.Name; Parameters = $ordered }
    }
}

#endregion

#region Checks

function Test-CommandPage {
    param($Page, $Command, [string] $HelpFile, [string] $ModuleName)
    $file = "docs/$($Page.File)"
    if ($Page.FrontMatter['external help file'] -ne $HelpFile) {
        Add-Problem "${file}: front matter must say 'external help file: $HelpFile' (it says '$($Page.FrontMatter['external help file'])')."
    }
    if ($Page.FrontMatter['Module Name'] -ne $ModuleName) {
        Add-Problem "${file}: front matter must say 'Module Name: $ModuleName' (it says '$($Page.FrontMatter['Module Name'])')."
    }
    if ($Page.Title -ne $Command.Name) { Add-Problem "${file}: the title must be '# $($Command.Name)' (it is '# $($Page.Title)')." }
    foreach ($name in 'SYNOPSIS', 'DESCRIPTION') {
        if (-not $Page.Sections.Contains($name) -or -not (Get-PlainText $Page.Sections[$name].Lines)) {
            Add-Problem "${file}: the '## $name' section is missing or empty."
        }
    }
    $examples = @(if ($Page.Sections.Contains('EXAMPLES')) { $Page.Sections['EXAMPLES'].Subsections })
    if ($examples.Count -eq 0) { Add-Problem "${file}: '## EXAMPLES' needs at least one '### Example 1: ...' with a powershell code block." }
    foreach ($example in $examples) {
        if (-not @(Split-Block $example.Lines | Where-Object Kind -eq 'code').Count) {
            Add-Problem "${file}: '### $($example.Name)' has no code block."
        }
    }
    if ($Page.Sections.Contains('SYNTAX') -and $Command.ParameterSets.Count -gt 1) {
        $documented = @($Page.Sections['SYNTAX'].Subsections | ForEach-Object { $_.Name -replace '\s*\(Default\)\s*$', '' } | Sort-Object)
        $actual = @($Command.ParameterSets.Name | Sort-Object)
        if (($documented -join ', ') -ne ($actual -join ', ')) {
            Add-Problem "${file}: '## SYNTAX' lists the parameter sets '$($documented -join "', '")' but $($Command.Name) has '$($actual -join "', '")'."
        }
    }

    $map = Get-ParameterMap $Command
    $documentedParameters = @{}
    if ($Page.Sections.Contains('PARAMETERS')) {
        foreach ($sub in $Page.Sections['PARAMETERS'].Subsections) {
            if ($sub.Name -notmatch '^-(\S+)$') { continue }          # ### CommonParameters
            $name = $Matches[1]
            $documentedParameters[$name] = $true
            if (-not $map.Contains($name)) { Add-Problem "${file}: documents -$name, which $($Command.Name) does not have."; continue }
            $blocks = @(Split-Block $sub.Lines)
            if (-not @($blocks | Where-Object Kind -eq 'text').Count) { Add-Problem "${file}: -$name has no description." }
            $yamls = @($blocks | Where-Object { $_.Kind -eq 'code' -and $_.Info -eq 'yaml' } | ForEach-Object { Read-Yaml $_.Lines })
            if (-not $yamls) { Add-Problem "${file}: -$name has no yaml block (Type, Parameter Sets, Aliases, Required, Position, ...)."; continue }
            Test-ParameterYaml -File $file -Name $name -Yamls $yamls -Entries $map[$name] -AllSets @($Command.ParameterSets.Name)
        }
    }
    foreach ($name in $map.Keys) {
        if (-not $documentedParameters.ContainsKey($name)) { Add-Problem "${file}: '## PARAMETERS' has no '### -$name' section." }
    }
}

# The yaml blocks of a parameter against the cmdlet: one block per group of sets (or "(All)").
function Test-ParameterYaml {
    param([string] $File, [string] $Name, [hashtable[]] $Yamls, $Entries, [string[]] $AllSets)
    $entriesBySet = @{}
    foreach ($e in $Entries) { $entriesBySet[$e.Set] = $e.Info }
    $inAll = $Entries.Count -eq $AllSets.Count
    $covered = @()
    foreach ($yaml in $Yamls) {
        $sets = if ($yaml['Parameter Sets'] -match '^\(All\)$') { @($entriesBySet.Keys) } else { @("$($yaml['Parameter Sets'])" -split '\s*,\s*' | Where-Object { $_ }) }
        if ($yaml['Parameter Sets'] -match '^\(All\)$' -and -not $inAll) {
            Add-Problem "${File}: -$Name says 'Parameter Sets: (All)' but it is only in $(@($Entries.Set) -join ', ')."
        }
        foreach ($set in $sets) {
            if (-not $entriesBySet.ContainsKey($set)) { Add-Problem "${File}: -$Name says it is in parameter set '$set'; it is not."; continue }
            $covered += $set
            $info = $entriesBySet[$set]
            $expected = [ordered]@{
                'Type'                  = Get-TypeName $info.ParameterType
                'Aliases'               = @($info.Aliases | Sort-Object) -join ', '
                'Required'              = [string] $info.IsMandatory
                'Position'              = Format-Position $info
                'Accept pipeline input' = Format-Pipeline $info
            }
            foreach ($key in $expected.Keys) {
                $said = "$($yaml[$key])"
                $want = $expected[$key]
                $same = if ($key -eq 'Type') { $said -eq $want -or $said -eq $info.ParameterType.FullName -or $said -eq "$($info.ParameterType.FullName)".Replace('System.', '') }
                        elseif ($key -eq 'Aliases') { (@($said -split '\s*,\s*' | Where-Object { $_ } | Sort-Object) -join ', ') -eq $want }
                        else { ($said -replace '\s', '') -eq ($want -replace '\s', '') }
                if (-not $same) { Add-Problem "${File}: -$Name (set $set) says '${key}: $said'; the cmdlet says '${key}: $want'." }
            }
        }
    }
    foreach ($set in $entriesBySet.Keys) {
        if ($covered -notcontains $set) { Add-Problem "${File}: -$Name has no yaml block for parameter set '$set' (use 'Parameter Sets: (All)' or list it)." }
    }
}

function Test-AboutPage($Page) {
    $file = "docs/$($Page.File)"
    $topic = [IO.Path]::GetFileNameWithoutExtension($Page.File)
    if ($Page.Title -ne $topic) { Add-Problem "${file}: the title must be '# $topic'." }
    if (-not $Page.Sections.Contains('SHORT DESCRIPTION') -or -not (Get-PlainText $Page.Sections['SHORT DESCRIPTION'].Lines)) {
        Add-Problem "${file}: '## SHORT DESCRIPTION' is missing or empty."
    }
}

#endregion

#region MAML

function Write-Para([Xml.XmlWriter] $W, [string[]] $Lines) {
    foreach ($para in ConvertTo-Paragraph $Lines) { $W.WriteElementString('para', $ns.maml, $para) }
}

function Write-Description([Xml.XmlWriter] $W, [string[]] $Lines) {
    $W.WriteStartElement('description', $ns.maml)
    Write-Para $W $Lines
    $W.WriteEndElement()
}

function Write-Type([Xml.XmlWriter] $W, [string] $Name) {
    $W.WriteStartElement('type', $ns.dev)
    $W.WriteElementString('name', $ns.maml, $Name)
    $W.WriteElementString('uri', $ns.maml, '')
    $W.WriteEndElement()
}

function Write-Parameter {
    param([Xml.XmlWriter] $W, $Info, $Doc, [switch] $InSyntax)
    $isSwitch = $Info.ParameterType -eq [Management.Automation.SwitchParameter]
    $W.WriteStartElement('parameter', $ns.command)
    $W.WriteAttributeString('required', $Info.IsMandatory.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', 'true')
    $W.WriteAttributeString('globbing', $Doc.Globbing)
    $W.WriteAttributeString('pipelineInput', (Format-Pipeline $Info))
    $W.WriteAttributeString('position', $(if ($Info.Position -ge 0) { [string] $Info.Position } else { 'named' }))
    $W.WriteAttributeString('aliases', $(if ($Info.Aliases.Count) { @($Info.Aliases) -join ', ' } else { 'none' }))
    $W.WriteElementString('name', $ns.maml, $Info.Name)
    Write-Description $W $Doc.Description
    if (-not ($isSwitch -and $InSyntax)) {
        $W.WriteStartElement('parameterValue', $ns.command)
        $W.WriteAttributeString('required', $(if ($isSwitch) { 'false' } else { 'true' }))
        $W.WriteAttributeString('variableLength', 'false')
        $W.WriteString((Get-TypeName $Info.ParameterType))
        $W.WriteEndElement()
    }
    Write-Type $W $Info.ParameterType.FullName
    $W.WriteElementString('defaultValue', $ns.dev, $Doc.Default)
    $W.WriteEndElement()
}

# INPUTS / OUTPUTS: "### TypeName" then its description; text without a ### heading is a type name line.
function Write-TypeList([Xml.XmlWriter] $W, $Section, [string] $ListName, [string] $ItemName) {
    $W.WriteStartElement($ListName, $ns.command)
    $items = @(if ($Section) {
            foreach ($sub in $Section.Subsections) { @{ Name = $sub.Name; Lines = $sub.Lines } }
            if (-not $Section.Subsections.Count) { foreach ($p in ConvertTo-Paragraph $Section.Lines) { @{ Name = $p; Lines = @() } } }
        })
    foreach ($item in $items) {
        $W.WriteStartElement($ItemName, $ns.command)
        Write-Type $W $item.Name
        Write-Description $W $item.Lines
        $W.WriteEndElement()
    }
    $W.WriteEndElement()
}

function Write-Command {
    param([Xml.XmlWriter] $W, $Page, $Command)
    $sections = $Page.Sections
    $map = Get-ParameterMap $Command
    $docs = @{}
    foreach ($sub in @(if ($sections.Contains('PARAMETERS')) { $sections['PARAMETERS'].Subsections })) {
        if ($sub.Name -notmatch '^-(\S+)$') { continue }
        $blocks = @(Split-Block $sub.Lines)
        $yaml = @($blocks | Where-Object { $_.Kind -eq 'code' -and $_.Info -eq 'yaml' } | ForEach-Object { Read-Yaml $_.Lines })[0]
        $default = "$($yaml['Default value'])"
        $docs[$Matches[1]] = @{
            Description = @($blocks | Where-Object Kind -eq 'text' | ForEach-Object { $_.Lines; '' })
            Default     = $(if ($default) { $default } else { 'None' })
            Globbing    = $(if ("$($yaml['Accept wildcard characters'])".Trim() -eq 'True') { 'true' } else { 'false' })
        }
    }

    $W.WriteStartElement('command', 'command', $ns.command)
    $W.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $W.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)

    $W.WriteStartElement('details', $ns.command)
    $W.WriteElementString('name', $ns.command, $Command.Name)
    Write-Description $W $sections['SYNOPSIS'].Lines
    $W.WriteElementString('verb', $ns.command, $Command.Verb)
    $W.WriteElementString('noun', $ns.command, $Command.Noun)
    $W.WriteEndElement()

    Write-Description $W $sections['DESCRIPTION'].Lines

    $W.WriteStartElement('syntax', $ns.command)
    foreach ($set in Get-SortedParameterSet $Command) {
        $W.WriteStartElement('syntaxItem', $ns.command)
        $W.WriteElementString('name', $ns.maml, $Command.Name)
        foreach ($p in $set.Parameters) { Write-Parameter -W $W -Info $p -Doc $docs[$p.Name] -InSyntax }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # Positional parameters by position, then mandatory ones, then the rest in declaration order; -WhatIf
    # and -Confirm last.
    $declared = @($map.Keys)
    $order = $declared | Sort-Object { $i = $map[$_][0].Info; if ($i.Position -ge 0) { $i.Position } else { 1000 } },
        { -not @($map[$_] | Where-Object { $_.Info.IsMandatory }).Count }, { $_ -in 'WhatIf', 'Confirm' }, { $declared.IndexOf($_) }
    $W.WriteStartElement('parameters', $ns.command)
    foreach ($name in $order) { Write-Parameter -W $W -Info $map[$name][0].Info -Doc $docs[$name] }
    $W.WriteEndElement()

    Write-TypeList $W $(if ($sections.Contains('INPUTS')) { $sections['INPUTS'] }) 'inputTypes' 'inputType'
    Write-TypeList $W $(if ($sections.Contains('OUTPUTS')) { $sections['OUTPUTS'] }) 'returnValues' 'returnValue'

    $W.WriteStartElement('alertSet', $ns.maml)
    $W.WriteStartElement('alert', $ns.maml)
    if ($sections.Contains('NOTES')) { Write-Para $W $sections['NOTES'].Lines }
    $W.WriteEndElement()
    $W.WriteEndElement()

    $W.WriteStartElement('examples', $ns.command)
    $number = 0
    foreach ($example in $sections['EXAMPLES'].Subsections) {
        $number++
        $blocks = @(Split-Block $example.Lines)
        # The first code block, and any further PowerShell blocks, are the code; everything else (prose,
        # output blocks) is the remarks, in page order.
        $code = [Collections.Generic.List[string]]::new()
        $remarks = [Collections.Generic.List[string]]::new()
        foreach ($block in $blocks) {
            if ($block.Kind -eq 'code' -and ($code.Count -eq 0 -or $block.Info -in 'powershell', 'pwsh', 'ps1', 'ps')) {
                $code.Add($block.Lines -join "`n")
            }
            elseif ($block.Kind -eq 'code') { $remarks.Add(($block.Lines -join "`n")) }
            else { $remarks.Add((ConvertTo-Paragraph $block.Lines)) }
        }
        $W.WriteStartElement('example', $ns.command)
        $W.WriteElementString('title', $ns.maml, "-------------------------- $($example.Name) --------------------------")
        $W.WriteElementString('code', $ns.dev, ($code -join "`n`n"))
        $W.WriteStartElement('remarks', $ns.dev)
        foreach ($r in $remarks) { $W.WriteElementString('para', $ns.maml, $r) }
        $W.WriteElementString('para', $ns.maml, '')        # a blank line before the next example
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('relatedLinks', $ns.command)
    if ($sections.Contains('RELATED LINKS')) {
        foreach ($line in $sections['RELATED LINKS'].Lines) {
            foreach ($m in [regex]::Matches($line, '\[([^\]]+)\]\(([^)]*)\)')) {
                $W.WriteStartElement('navigationLink', $ns.maml)
                $W.WriteElementString('linkText', $ns.maml, $m.Groups[1].Value)
                $W.WriteElementString('uri', $ns.maml, $(if ($m.Groups[2].Value -match '^https?://') { $m.Groups[2].Value } else { '' }))
                $W.WriteEndElement()
            }
        }
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

#endregion

#region About topics

# Wraps prose at 80 columns with the given indent; a list item's continuation lines hang under its text.
function Format-Wrapped([string] $Text, [int] $Indent, [int] $Width = 80) {
    $hang = if ($Text -match '^([-*+]|\d+[.)])\s+') { $Matches[0].Length } else { 0 }
    $lines = [Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        $pad = if ($lines.Count -eq 0) { $Indent } else { $Indent + $hang }
        if ($line -and $pad + $line.Length + 1 + $word.Length -gt $Width) {
            $lines.Add((' ' * $pad) + $line)
            $line = $word
        }
        else { $line = if ($line) { "$line $word" } else { $word } }
    }
    if ($line) { $lines.Add((' ' * $(if ($lines.Count -eq 0) { $Indent } else { $Indent + $hang })) + $line) }
    $lines
}

function ConvertTo-AboutText($Page) {
    $out = [Collections.Generic.List[string]]::new()
    $out.Add('TOPIC')
    $out.Add("    $($Page.Title)")
    foreach ($section in $Page.Sections.Values) {
        $out.Add('')
        $out.Add($section.Name.ToUpperInvariant())
        $parts = @(@{ Heading = $null; Lines = $section.Lines }) + @($section.Subsections | ForEach-Object { @{ Heading = $_.Name; Lines = $_.Lines } })
        foreach ($part in $parts) {
            if ($part.Heading) { $out.Add(''); $out.Add("  $($part.Heading.ToUpperInvariant())") }
            $first = -not $part.Heading
            foreach ($block in Split-Block $part.Lines) {
                if (-not $first) { $out.Add('') }
                $first = $false
                if ($block.Kind -eq 'code' -or ($block.Lines | Where-Object { $_ -match '^\s*\|' })) {
                    $pad = if ($block.Kind -eq 'code') { 8 } else { 4 }
                    foreach ($l in $block.Lines) { $out.Add(((' ' * $pad) + $l).TrimEnd()) }
                }
                elseif (Test-Preformatted $block) {
                    # A list: one item per marker line; continuation lines belong to the item above.
                    $items = [Collections.Generic.List[string]]::new()
                    foreach ($l in $block.Lines) {
                        if ($l -match '^\s*([-*+]|\d+[.)])\s' -or $items.Count -eq 0) { $items.Add($l.Trim()) } else { $items[$items.Count - 1] += ' ' + $l.Trim() }
                    }
                    foreach ($item in $items) { foreach ($l in Format-Wrapped $item 4) { $out.Add($l) } }
                }
                else { foreach ($l in Format-Wrapped (($block.Lines | ForEach-Object { $_.Trim() }) -join ' ') 4) { $out.Add($l) } }
            }
        }
    }
    ($out -join [Environment]::NewLine) + [Environment]::NewLine
}

#endregion

$module = Import-Module $ManifestPath -PassThru -Force -ErrorAction Stop
$commands = @($module.ExportedCmdlets.Values | Sort-Object Name)
$pages = @{}
$abouts = [Collections.Generic.List[object]]::new()
foreach ($file in Get-ChildItem -LiteralPath $DocsPath -Filter *.md -File | Sort-Object Name) {
    $name = $file.BaseName
    if ($name -like 'about_*') { $abouts.Add((Read-HelpPage $file.FullName)) }
    elseif ($name -match '^[A-Za-z]+-[A-Za-z0-9]+$') {
        if ($commands.Name -notcontains $name) { Add-Problem "docs/$($file.Name) documents '$name', which $($module.Name) does not export; remove the page or export the cmdlet." }
        else { $pages[$name] = Read-HelpPage $file.FullName }
    }
    else { Write-Verbose "docs/$($file.Name) is neither a cmdlet page nor an about topic; skipped." }
}
foreach ($command in $commands) {
    if (-not $pages.ContainsKey($command.Name)) { Add-Problem "$($command.Name) has no help page: add docs/$($command.Name).md (copy the layout of another page in docs/)."; continue }
    Test-CommandPage -Page $pages[$command.Name] -Command $command -HelpFile $command.HelpFile -ModuleName $module.Name
}
foreach ($about in $abouts) { Test-AboutPage $about }

if ($problems.Count) {
    [Console]::Error.WriteLine("Help was not built; fix these pages in docs/:")
    foreach ($p in $problems) { [Console]::Error.WriteLine("  - $p") }
    exit 1
}

New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
Get-ChildItem -LiteralPath $OutputPath -File | Where-Object { $_.Name -like '*-Help.xml' -or $_.Name -like 'about_*.help.txt' } | Remove-Item
$utf8 = [Text.UTF8Encoding]::new($false)
foreach ($group in $commands | Group-Object HelpFile) {
    $path = Join-Path $OutputPath $group.Name
    $settings = [Xml.XmlWriterSettings]@{ Indent = $true; Encoding = $utf8; NewLineChars = "`n" }
    $writer = [Xml.XmlWriter]::Create($path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($command in $group.Group) { Write-Command -W $writer -Page $pages[$command.Name] -Command $command }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
    Write-Host "help: $path ($($group.Count) cmdlet(s))"
}
foreach ($about in $abouts) {
    $path = Join-Path $OutputPath "$($about.Title).help.txt"
    [IO.File]::WriteAllText($path, (ConvertTo-AboutText $about), $utf8)
    Write-Host "help: $path"
}
