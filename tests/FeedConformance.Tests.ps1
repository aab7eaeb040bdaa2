# Runs FeedReader over feedparser's test suite (../shared/corpus/feedparser-tests) and checks the Expect: assertions
# that concern what we model. Every assertion not checked is written, with the reason, to
# tests/artifacts/feed-conformance-skips.txt; failures to feed-conformance-failures.txt.
BeforeDiscovery { . "$PSScriptRoot/SharedCorpus.ps1" }

BeforeAll {
    . "$PSScriptRoot/TestSetup.ps1"

    # ---- reading feedparser's test header ----------------------------------------------------------------------

    function Get-TestHeader([string] $Path) {
        $head = [IO.File]::ReadAllText($Path, [Text.Encoding]::GetEncoding('iso-8859-1'))
        $start = $head.IndexOf('<!--'); $end = $head.IndexOf('-->')
        $result = @{ Expect = $null; Headers = @() }
        if ($start -lt 0 -or $end -lt $start) { return $result }
        foreach ($line in $head.Substring($start + 4, $end - $start - 4) -split "`r?`n") {
            if ($line -match '^\s*Expect:\s*(.*)$') { $result.Expect = $Matches[1].Trim() }
            elseif ($line -match '^\s*Header:\s*(.*)$') { $result.Headers += $Matches[1].Trim() }
        }
        # The comment was read as Latin-1 to find it; Python literals in it are ASCII with escapes.
        $result
    }

    # Splits on " and " outside string literals and brackets.
    function Split-Assertions([string] $Expression) {
        $parts = [Collections.Generic.List[string]]::new()
        $sb = [Text.StringBuilder]::new(); $quote = $null; $depth = 0; $i = 0
        while ($i -lt $Expression.Length) {
            $c = $Expression[$i]
            if ($quote) {
                if ($c -eq '\') { [void]$sb.Append($c).Append($Expression[$i + 1]); $i += 2; continue }
                if ($Expression.Substring($i).StartsWith($quote)) { [void]$sb.Append($quote); $i += $quote.Length; $quote = $null; continue }
                [void]$sb.Append($c); $i++; continue
            }
            if ($Expression.Substring($i).StartsWith('"""')) { $quote = '"""'; [void]$sb.Append($quote); $i += 3; continue }
            if ($c -eq "'" -or $c -eq '"') { $quote = [string]$c; [void]$sb.Append($c); $i++; continue }
            if ($c -in '(', '[', '{') { $depth++ } elseif ($c -in ')', ']', '}') { $depth-- }
            if ($depth -eq 0 -and $Expression.Substring($i).StartsWith(' and ')) {
                $parts.Add($sb.ToString().Trim()); [void]$sb.Clear(); $i += 5; continue
            }
            [void]$sb.Append($c); $i++
        }
        if ($sb.Length) { $parts.Add($sb.ToString().Trim()) }
        , $parts
    }

    # A Python literal: a string (u/b prefixes, escapes), an int, a tuple of ints, or None. Returns @{ Ok; Value }.
    function ConvertFrom-PyLiteral([string] $Text) {
        $t = $Text.Trim()
        if ($t -match '(?s)^[ub]?(?:"""(?<b>.*)"""|''(?<b>.*)''|"(?<b>.*)")$') {
            $body = $Matches.b
            $sb = [Text.StringBuilder]::new()
            for ($i = 0; $i -lt $body.Length; $i++) {
                $c = $body[$i]
                if ($c -ne '\' -or $i + 1 -ge $body.Length) { [void]$sb.Append($c); continue }
                $n = $body[++$i]
                switch -CaseSensitive ($n) {
                    'x' { [void]$sb.Append([char][Convert]::ToInt32($body.Substring($i + 1, 2), 16)); $i += 2 }
                    'u' { [void]$sb.Append([char][Convert]::ToInt32($body.Substring($i + 1, 4), 16)); $i += 4 }
                    'U' { [void]$sb.Append([char]::ConvertFromUtf32([Convert]::ToInt32($body.Substring($i + 1, 8), 16))); $i += 8 }
                    'n' { [void]$sb.Append("`n") } 't' { [void]$sb.Append("`t") } 'r' { [void]$sb.Append("`r") }
                    default { [void]$sb.Append($n) }
                }
            }
            return @{ Ok = $true; Value = $sb.ToString() }
        }
        if ($t -match '^-?\d+$') { return @{ Ok = $true; Value = [int]$t } }
        if ($t -match '^\(\s*(-?\d+\s*,\s*)+-?\d+\s*\)$') { return @{ Ok = $true; Value = [int[]]($t.Trim('(', ')') -split ',' | ForEach-Object { [int]$_.Trim() }) } }
        if ($t -eq 'None') { return @{ Ok = $true; Value = $null } }
        @{ Ok = $false }
    }

    function Get-Squashed([string] $s) { if ($null -eq $s) { return $null }; ($s -replace '[\s\u00A0]+', ' ').Trim() }

    # Our plain text matches feedparser's value when it equals the value's text (markup stripped) or, for values
    # feedparser keeps as plain text, the value itself.
    function Test-TextMatch([string] $Ours, [string] $Expected) {
        $o = Get-Squashed $Ours
        if ([string]::IsNullOrEmpty($Expected)) { return [string]::IsNullOrEmpty($o) }
        $plain = Get-Squashed ([AiNews.Common.HtmlText]::ToPlainText($Expected))
        ($o -ceq $plain) -or ($o -ceq (Get-Squashed $Expected))
    }

    function Test-DateMatch($Ours, [int[]] $Expected) {
        if ($null -eq $Ours) { return $false }
        $u = $Ours.UtcDateTime
        $actual = @($u.Year, $u.Month, $u.Day, $u.Hour, $u.Minute, $u.Second)
        -not (Compare-Object $actual @($Expected[0..5]) -SyncWindow 0)
    }

    # What an assertion's left side means in our model: @{ Kind = text|link|date|exact|ord|count; Get = { param($feed) } }, or a skip reason.
    function Resolve-Target([string] $Lhs) {
        $l = $Lhs -replace '\.(\w+)', '[''$1'']' -replace '"', ''''
        $ord = $false
        if ($l -match '^ord\((.*)\)$') { $l = $Matches[1]; $ord = $true }
        if ($l -eq 'len(entries)') { return @{ Kind = 'count'; Get = { param($f) $f.Entries.Count } } }
        if ($l -match '^entries\[(\d+)\]\[''tags''\]\[(\d+)\]\[''term''\]$') {
            $index = [int]$Matches[1]; $tag = [int]$Matches[2]
            return @{ Kind = 'exact'; Get = { param($f) if ($f.Entries.Count -gt $index -and $f.Entries[$index].Categories.Count -gt $tag) { $f.Entries[$index].Categories[$tag] } else { '<no category>' } }.GetNewClosure() }
        }
        $entryField = @{
            "['title']" = 'Title|text'; "['title_detail']['value']" = 'Title|text'
            "['link']" = 'Link|link'; "['id']" = 'Id|exact'; "['guid']" = 'Id|exact'
            "['published_parsed']" = 'Published|date'; "['issued_parsed']" = 'Published|date'; "['created_parsed']" = 'Published|date'
            "['updated_parsed']" = 'Updated|date'; "['modified_parsed']" = 'Updated|date'
            "['author']" = 'Author|exact'
            "['summary']" = 'Summary|text'; "['description']" = 'Summary|text'; "['summary_detail']['value']" = 'Summary|text'
            "['content'][0]['value']" = 'Content|text'
        }
        $feedField = @{
            "['title']" = 'Title|text'; "['title_detail']['value']" = 'Title|text'
            "['link']" = 'Link|link'; "['language']" = 'Language|exact'
            "['updated_parsed']" = 'Updated|date'; "['modified_parsed']" = 'Updated|date'
        }
        $spec = $null; $getter = $null
        if ($l -match '^entries\[(\d+)\](.*)$') {
            $index = [int]$Matches[1]; $rest = $Matches[2]
            if ($entryField.ContainsKey($rest)) {
                $spec = $entryField[$rest]
                $prop = $spec.Split('|')[0]
                $getter = { param($f) if ($f.Entries.Count -gt $index) { $f.Entries[$index].$prop } else { '<no entry>' } }.GetNewClosure()
            }
            elseif ($rest -in "['published']", "['updated']", "['issued']", "['modified']", "['created']") { return 'the raw date string is not kept (the *_parsed form is checked)' }
        }
        elseif ($l -match '^feed(.*)$') {
            $rest = $Matches[1]
            if ($feedField.ContainsKey($rest)) {
                $spec = $feedField[$rest]
                $prop = $spec.Split('|')[0]
                $getter = { param($f) $f.$prop }.GetNewClosure()
            }
        }
        if (-not $getter) {
            if ($l -match '^(not )?bozo' -or $l -eq 'bozo_exception' -or $l -match 'bozo') { return 'bozo (feedparser''s well-formedness verdict) is not modelled; we read leniently and report Problems' }
            if ($l -match '^encoding$') { return 'the encoding name is not compared: feedparser lets the HTTP charset override the document (RFC 3023), our decoder prefers the declaration and the bytes' }
            if ($l -match '^version$') { return 'feedparser''s version codes are not modelled (Feed.Format is coarser)' }
            if ($l -match '_detail|\[''(base|language|type)''\]') { return "detail objects (type/base/language of a text construct) are not modelled: $Lhs" }
            return "not modelled: $Lhs"
        }
        @{ Kind = $(if ($ord) { 'ord' } else { $spec.Split('|')[1] }); Get = $getter }
    }

    function Invoke-Assertion($Feed, [string] $Assertion) {
        if ($Assertion -in '1', 'True') { return @{ Skip = 'no assertion (always true)' } }
        if ($Assertion -notmatch '^(?<lhs>.+?)\s*==\s*(?<rhs>.+)$' -or $Assertion -match '^not ') {
            $target = Resolve-Target $Assertion
            if ($target -is [string]) { return @{ Skip = $target } }
            return @{ Skip = "only == comparisons are evaluated: $Assertion" }
        }
        $lhs = $Matches.lhs; $rhs = $Matches.rhs
        $target = Resolve-Target $lhs
        if ($target -is [string]) { return @{ Skip = $target } }
        $literal = ConvertFrom-PyLiteral $rhs
        if (-not $literal.Ok) { return @{ Skip = "right side is not a literal: $rhs" } }
        $ours = & $target.Get $Feed
        $expected = $literal.Value
        $ok = switch ($target.Kind) {
            'count' { $ours -eq $expected }
            'date' { if ($expected -is [array]) { Test-DateMatch $ours $expected } else { $null -eq $ours } }
            'ord' { $s = [string]$ours; $s.Length -ge 1 -and [int][char]$s[0] -eq $expected -and $s.Length -eq 1 }
            'link' { ([string]$ours) -ceq ([string]$expected).Trim() -or ([string]::IsNullOrEmpty($ours) -and [string]::IsNullOrEmpty($expected)) }
            'exact' { (Get-Squashed ([string]$ours)) -ceq (Get-Squashed ([string]$expected)) -or ([string]::IsNullOrEmpty($ours) -and [string]::IsNullOrEmpty($expected)) }
            default { Test-TextMatch ([string]$ours) ([string]$expected) }
        }
        @{ Passed = [bool]$ok; Ours = $ours }
    }
}

Describe 'FeedReader conformance with feedparser''s test suite' {
    It 'reads every file without throwing and passes at least 95% of the checked assertions' -Skip:(-not $HasShared) {
        $suite = Join-Path $SharedRoot 'corpus/feedparser-tests'
        $dirs = 'wellformed/rss', 'wellformed/atom10', 'wellformed/atom', 'wellformed/rdf', 'wellformed/amp', 'wellformed/base', 'wellformed/lang', 'encoding', 'illformed', 'entities'
        $files = foreach ($d in $dirs) { Get-ChildItem (Join-Path $suite $d) -Filter *.xml -File -Recurse:($d -eq 'illformed') | Sort-Object FullName }
        $checked = 0; $passed = 0; $failed = 0; $skipped = 0
        $skips = [Collections.Generic.List[string]]::new()
        $failures = [Collections.Generic.List[string]]::new()
        $crashes = [Collections.Generic.List[string]]::new()
        foreach ($file in $files) {
            $relative = $file.FullName.Substring($suite.Length).TrimStart('\', '/') -replace '\\', '/'
            $header = Get-TestHeader $file.FullName
            $contentType = $null; $base = [Uri]"http://127.0.0.1:8097/tests/$relative"
            foreach ($h in $header.Headers) {
                if ($h -match '^Content-type:\s*(.*)$') { $contentType = $Matches[1] }
                elseif ($h -match '^Content-Location:\s*(.*)$') { $base = [Uri]::new($base, $Matches[1].Trim()) }
            }
            try {
                $feed = [AiNews.Feeds.FeedReader]::Read([IO.File]::ReadAllBytes($file.FullName), $base, $contentType, [TimeZoneInfo]::Utc)
            }
            catch { $crashes.Add("$relative`t$($_.Exception.GetBaseException().Message)"); continue }
            if (-not $header.Expect) { $skips.Add("$relative`t(no Expect line)`tnothing to check"); $skipped++; continue }
            foreach ($assertion in (Split-Assertions $header.Expect)) {
                $r = Invoke-Assertion $feed $assertion
                if ($r.Skip) { $skipped++; $skips.Add("$relative`t$assertion`t$($r.Skip)"); continue }
                $checked++
                if ($r.Passed) { $passed++ } else { $failed++; $failures.Add("$relative`t$assertion`tours: $($r.Ours)") }
            }
        }
        $artifacts = Join-Path $RepoRoot 'tests/artifacts'
        New-Item -ItemType Directory -Force -Path $artifacts | Out-Null
        $skips.Insert(0, "file`tassertion`treason it was not checked")
        [IO.File]::WriteAllLines((Join-Path $artifacts 'feed-conformance-skips.txt'), $skips)
        [IO.File]::WriteAllLines((Join-Path $artifacts 'feed-conformance-failures.txt'), [string[]]($failures + $crashes))
        Write-Host "feedparser conformance over $(@($files).Count) files: checked $checked, passed $passed, failed $failed, skipped $skipped"
        $crashes | Should -BeNullOrEmpty
        $checked | Should -BeGreaterThan 300
        ($passed / $checked) | Should -BeGreaterOrEqual 0.95
    }
}
