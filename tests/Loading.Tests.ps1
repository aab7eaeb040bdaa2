# How the module loads its engine and dependencies (src/AiNews/Loading, docs/ARCHITECTURE.md "Loading"): isolation
# from other modules on PowerShell 7, and references that Windows PowerShell 5.1 (.NET Framework 4.7.2) can satisfy.
BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"
    $script:ModuleBin = Join-Path $RepoRoot 'module/bin'
    $script:Dependencies = Join-Path $ModuleBin 'dependencies'

    # Name => version of an assembly's references, and its own identity, read from metadata (nothing is loaded).
    function Read-AssemblyIdentity([string] $Path) {
        $stream = [IO.File]::OpenRead($Path)
        try {
            $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            if (-not $pe.HasMetadata) { return $null }
            $md = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            if (-not $md.IsAssembly) { return $null }
            $definition = $md.GetAssemblyDefinition()
            $references = foreach ($handle in $md.AssemblyReferences) {
                $r = $md.GetAssemblyReference($handle)
                [pscustomobject]@{ Name = $md.GetString($r.Name); Version = $r.Version }
            }
            [pscustomobject]@{ Name = $md.GetString($definition.Name); Version = $definition.Version; References = @($references) }
        }
        finally { $stream.Dispose() }
    }

    <#
        Every reference of a shipped assembly that Windows PowerShell 5.1 could not satisfy, as "<assembly> -> <name> <version>".
        A reference is satisfied when:
          - the module ships that name in module/bin/dependencies in the same or a higher version: the loader
            (DependencyLoader) resolves it there by name on .NET Framework, whatever version is asked for;
          - or the module ships it beside the referring assembly in the same or a higher version;
          - or .NET Framework 4.7.2 has it in the same or a higher version (its reference assemblies, facades included);
          - or the host provides it (System.Management.Automation 3.0.0.0 is Windows PowerShell 5.1 itself).
        A lower shipped version is not enough: the loader would hand over an assembly that may lack what is called.
    #>
    function Get-UnsatisfiedReference([object[]] $Shipped, [hashtable] $Framework, [hashtable] $HostProvided) {
        $byName = @{}
        foreach ($s in $Shipped) { $byName[$s.Name] = $s }
        foreach ($s in $Shipped) {
            foreach ($r in $s.References) {
                $mine = $byName[$r.Name]
                $resolvable = $mine -and $mine.Version -ge $r.Version -and ($mine.Folder -eq 'dependencies' -or $mine.Folder -eq $s.Folder)
                $inFramework = $Framework.ContainsKey($r.Name) -and $Framework[$r.Name] -ge $r.Version
                $fromHost = $HostProvided.ContainsKey($r.Name) -and $HostProvided[$r.Name] -ge $r.Version
                if (-not ($resolvable -or $inFramework -or $fromHost)) { "$($s.Name) -> $($r.Name) $($r.Version)" }
            }
        }
    }
}

Describe 'Loading on PowerShell 7: the engine in a load context of its own' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
    It 'loads the engine, AngleSharp and Markdig into the AiNews context, not the default one' {
        $alc = [System.Runtime.Loader.AssemblyLoadContext]
        $context = $alc::GetLoadContext([AiNews.Article].Assembly)
        $context.Name | Should -Be 'AiNews'
        $names = @($context.Assemblies | ForEach-Object { $_.GetName().Name })
        $names | Should -Contain 'AiNews.Engine'
        $names | Should -Contain 'AngleSharp'
        $names | Should -Contain 'Markdig'
        @($alc::Default.Assemblies | Where-Object { $_.Location -like "$Dependencies*" }) | Should -BeNullOrEmpty
    }

    It 'extracts a page while another module''s older AngleSharp is loaded first, and that module keeps working' {
        # A child PowerShell: the other module's AngleSharp 0.17.1 goes into the default context before AiNews is imported.
        $old = Join-Path (Get-NuGetPackageFolder 'AngleSharp' '0.17.1') 'lib/netstandard2.0/AngleSharp.dll'
        $page = Join-Path $FixturesRoot 'pages/wordpress-post.html'
        $script = @"
`$ErrorActionPreference = 'Stop'
`$other = [Reflection.Assembly]::LoadFrom('$old')
Import-Module '$(Join-Path $RepoRoot 'AiNews.psd1')'
`$extracted = [AiNews.Extraction.ArticleExtractor]::new().Extract([IO.File]::ReadAllText('$page'), [uri]'https://blog.example.com/p/1')
`$theirs = [AngleSharp.Html.Parser.HtmlParser]::new().ParseDocument('<p>still here</p>').Body.TextContent
`$ours = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([AiNews.Article].Assembly).Assemblies | Where-Object { `$_.GetName().Name -eq 'AngleSharp' }
[pscustomobject]@{ Title = `$extracted.Title; Length = `$extracted.Content.Length; Theirs = `$theirs
    TheirVersion = `$other.GetName().Version.ToString(); OurVersion = `$ours.GetName().Version.ToString() } | ConvertTo-Json -Compress
"@
        $exe = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $out = & $exe @($prefix + @('-NoProfile', '-NonInteractive', '-Command', $script)) 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")
        $result = ($out | Select-Object -Last 1) | ConvertFrom-Json
        $result.Title | Should -Be 'Why small models are winning the edge'
        $result.Length | Should -BeGreaterThan 200
        $result.Theirs | Should -Be 'still here'
        $result.TheirVersion | Should -Be '0.17.1.0'
        $result.OurVersion | Should -Be ([AiNews.Extraction.ArticleExtractor].Assembly.GetReferencedAssemblies().Where({ $_.Name -eq 'AngleSharp' })[0].Version.ToString())
    }
}

Describe 'Loading on Windows PowerShell 5.1: every reference of every shipped assembly resolves' -Skip:(-not ('System.Reflection.Metadata.MetadataReader' -as [type])) {
    BeforeAll {
        $script:Shipped = @(foreach ($file in Get-ChildItem $ModuleBin -Recurse -Filter '*.dll') {
                $identity = Read-AssemblyIdentity $file.FullName
                if ($identity) { $identity | Add-Member -PassThru Folder $file.Directory.Name }
            })
        $reference = Join-Path (Get-NuGetPackageFolder 'Microsoft.NETFramework.ReferenceAssemblies.net472' '1.0.3') 'build/.NETFramework/v4.7.2'
        $script:Framework = @{}
        foreach ($file in Get-ChildItem $reference, (Join-Path $reference 'Facades') -Filter '*.dll') {
            $identity = Read-AssemblyIdentity $file.FullName
            if ($identity) { $Framework[$identity.Name] = $identity.Version }
        }
        # Windows PowerShell 5.1 itself: the reference that PowerShellStandard.Library 5.1 compiles in.
        $script:HostAssemblies = @{ 'System.Management.Automation' = [version]'3.0.0.0' }
    }

    It 'reads the module: loader, cmdlets, engine and the polyfills it needs on .NET Framework' {
        $names = $Shipped.Name
        foreach ($n in 'AiNews', 'AiNews.Loader', 'AiNews.Engine', 'AngleSharp', 'Markdig', 'System.Memory') { $names | Should -Contain $n }
        $Framework['netstandard'] | Should -Be ([version]'2.0.0.0')
    }

    It 'finds no reference that is neither shipped, nor in .NET Framework 4.7.2, nor the host''s' {
        # AngleSharp and System.Text.Encoding.CodePages ask for System.Memory 4.0.1.2; 4.0.2.0 ships: resolved by name.
        @(Get-UnsatisfiedReference $Shipped $Framework $HostAssemblies) | Should -BeNullOrEmpty
    }

    It 'would flag a polyfill shipped in a lower version than an assembly asks for' {
        $doctored = @(foreach ($s in $Shipped) {
                if ($s.Name -ne 'System.Memory') { $s; continue }
                [pscustomobject]@{ Name = $s.Name; Version = [version]'4.0.1.0'; References = $s.References; Folder = $s.Folder }
            })
        $unsatisfied = @(Get-UnsatisfiedReference $doctored $Framework $HostAssemblies)
        $unsatisfied | Should -Contain 'AngleSharp -> System.Memory 4.0.1.2'
        $unsatisfied | Should -Contain 'Markdig -> System.Memory 4.0.2.0'
    }

    It 'ships nothing beside AiNews.dll but the cmdlets and the loader' {
        @(Get-ChildItem $ModuleBin -File -Filter '*.dll').Name | Sort-Object | Should -Be @('AiNews.dll', 'AiNews.Loader.dll')
    }
}

Describe 'What Windows PowerShell 5.1 needs beyond loading' {
    It 'offers TLS 1.2 and lifts the 2-connections-per-server cap of .NET Framework, adding to what the process had' {
        $saved = [Net.ServicePointManager]::SecurityProtocol, [Net.ServicePointManager]::DefaultConnectionLimit
        try {
            # Windows PowerShell 5.1's own defaults: TLS 1.0 only, 2 connections per server.
            [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls
            [Net.ServicePointManager]::DefaultConnectionLimit = 2
            $handler = [Net.Http.HttpClientHandler]::new()
            try {
                [AiNews.Http.NetFrameworkHttp]::Configure($handler)
                $handler.MaxConnectionsPerServer | Should -Be ([AiNews.Http.NetFrameworkHttp]::ConnectionsPerServer)
            }
            finally { $handler.Dispose() }
            [Net.ServicePointManager]::SecurityProtocol.HasFlag([Net.SecurityProtocolType]::Tls12) | Should -BeTrue
            [Net.ServicePointManager]::SecurityProtocol.HasFlag([Net.SecurityProtocolType]::Tls) | Should -BeTrue -Because 'another module''s choice stays'
            [Net.ServicePointManager]::DefaultConnectionLimit | Should -Be ([AiNews.Http.NetFrameworkHttp]::ConnectionsPerServer)
            [AiNews.Http.NetFrameworkHttp]::IsNetFramework | Should -Be ($PSVersionTable.PSEdition -eq 'Desktop')
        }
        finally { [Net.ServicePointManager]::SecurityProtocol, [Net.ServicePointManager]::DefaultConnectionLimit = $saved }
    }

    It 'finds every zone of CLDR''s table by its Windows id and by its IANA id, whichever naming this runtime uses' {
        $null = [AiNews.Common.TimeZoneResolver]::Find('Asia/Seoul')
        $converter = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'TimeZoneConverter' } | Select-Object -First 1
        $table = $converter.GetType('TimeZoneConverter.TZConvert', $true)
        $windows = @($table::KnownWindowsTimeZoneIds)
        $iana = @($table::KnownIanaTimeZoneNames)
        $windows.Count | Should -BeGreaterThan 130
        $iana.Count | Should -BeGreaterThan 400
        $missing = foreach ($id in $windows + $iana) {
            try { $null = [AiNews.Common.TimeZoneResolver]::Find($id) } catch { $id }
        }
        @($missing) | Should -BeNullOrEmpty
        # Outside the 15 zones the module once knew, in the other naming than the runtime's own.
        $nepal = if ([Environment]::OSVersion.Platform -eq 'Win32NT') { 'Asia/Kathmandu' } else { 'Nepal Standard Time' }
        [AiNews.Common.TimeZoneResolver]::Find($nepal).BaseUtcOffset | Should -Be ([TimeSpan]::new(5, 45, 0))
    }
}
