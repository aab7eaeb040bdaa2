# Builds the fuzz harness (tests/tools/Fuzzer.cs) against the imported module and loads its seeds: the feeds of
# ../shared/corpus/feedparser-tests and the pages of ../shared/corpus/aeb-dev when the corpus is there, else our own
# fixtures (tests/Fixtures). Dot-source after importing the module; then New-Fuzzer returns a ready AiNews.Fuzzing.Fuzzer.
function New-Fuzzer {
    param([string] $SharedRoot, [string] $FixturesRoot = (Join-Path (Split-Path -Parent $PSScriptRoot) 'Fixtures'))
    if (-not ('AiNews.Fuzzing.Fuzzer' -as [type])) {
        $engine = [AiNews.Article].Assembly
        # AngleSharp sits beside the engine (module/bin/dependencies); on PowerShell 7 it is in the module's own load
        # context, where a type literal cannot see it, so it is named by path.
        $angleSharp = Join-Path (Split-Path -Parent $engine.Location) 'AngleSharp.dll'
        $references = @($engine.Location, $angleSharp, 'System.Linq', 'System.Collections',
            'System.Runtime', 'System.Text.Encoding.Extensions', 'netstandard')
        Add-Type -Path (Join-Path $PSScriptRoot 'Fuzzer.cs') -ReferencedAssemblies $references -WarningAction SilentlyContinue
    }
    $fuzzer = [AiNews.Fuzzing.Fuzzer]::new()
    $feeds = @(); $pages = @()
    if ($SharedRoot -and (Test-Path (Join-Path $SharedRoot 'corpus/feedparser-tests'))) {
        $feeds = @(Get-ChildItem (Join-Path $SharedRoot 'corpus/feedparser-tests') -Recurse -File -Filter '*.xml')
        $pages = @(Get-ChildItem (Join-Path $SharedRoot 'corpus/aeb-dev/html') -File -Filter '*.html.gz')
    }
    if ($feeds.Count -eq 0) { $feeds = @(Get-ChildItem (Join-Path $FixturesRoot 'feeds') -File) }
    if ($pages.Count -eq 0) { $pages = @(Get-ChildItem (Join-Path $FixturesRoot 'pages') -File) }
    foreach ($f in $feeds) { $fuzzer.AddFeed($f.Name, [IO.File]::ReadAllBytes($f.FullName)) }
    foreach ($p in $pages) {
        $bytes = [IO.File]::ReadAllBytes($p.FullName)
        if ($p.Name -like '*.gz') {
            $input = [IO.Compression.GZipStream]::new([IO.MemoryStream]::new($bytes), [IO.Compression.CompressionMode]::Decompress)
            $output = [IO.MemoryStream]::new()
            $input.CopyTo($output); $input.Dispose()
            $bytes = $output.ToArray()
        }
        $fuzzer.AddPage($p.Name, $bytes)
    }
    $fuzzer
}
