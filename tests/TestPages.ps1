# Dot-sourced (in BeforeAll, after TestSetup.ps1) by tests that make their own HTML pages in TestDrive:
#   New-Page <name> <title> <body html> [<head html>]   # writes TestDrive/<name>.html, returns its path
#   $Sentence                                            # a sentence long enough to count as article text
$script:Sentence = 'This paragraph is long enough to be read as the body of an article, with commas, clauses, and plain words. '
function New-Page([string] $Name, [string] $Title, [string] $Body, [string] $Head = '') {
    $html = "<!DOCTYPE html><html lang=`"en`"><head><title>$Title</title><link rel=`"canonical`" href=`"https://example.com/$Name`">$Head</head>" +
        "<body><article><h1>$Title</h1>$Body</article></body></html>"
    $path = Join-Path $TestDrive "$Name.html"
    [IO.File]::WriteAllText($path, $html)
    $path
}
