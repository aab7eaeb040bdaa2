# Helpers for the digest tests: an independent check of table-of-contents links, done the way GitHub
# does it (render the Markdown, take each heading's text, slug it), not with the module's own code.

function ConvertTo-GitHubSlugOracle {
    param([string] $Text)
    $lower = $Text.ToLowerInvariant()
    # GitHub's TableOfContentsFilter removes /[^\p{Word}\- ]/: keep letters, marks, decimal digits,
    # letter numbers, connector punctuation, '-' and ' '.
    $kept = [regex]::Replace($lower, '[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]', '')
    $kept.Replace(' ', '-')
}

function Get-DigestLinkReport {
    <# Renders a digest like GitHub and reports TOC links whose target is not a heading id. #>
    param([string] $Markdown)
    $html = [AiNews.Digest.MarkdownPipelines]::ToHtml($Markdown)
    $seen = @{}
    $ids = [Collections.Generic.List[string]]::new()
    foreach ($m in [regex]::Matches($html, '<h[1-6][^>]*>(.*?)</h[1-6]>')) {
        $text = [Net.WebUtility]::HtmlDecode(([regex]::Replace($m.Groups[1].Value, '<[^>]+>', '')))
        $slug = ConvertTo-GitHubSlugOracle $text
        $id = $slug
        while ($seen.ContainsKey($id)) { $seen[$slug]++; $id = "$slug-$($seen[$slug])" }
        $seen[$id] = 0
        $ids.Add($id)
    }
    $toc = [regex]::Match($Markdown, '(?s)<!-- TOC_START -->\n(.*?)<!-- TOC_END -->').Groups[1].Value
    $links = @([regex]::Matches($toc, '\]\(#([^)]*)\)\s*$', 'Multiline') | ForEach-Object { $_.Groups[1].Value })
    [pscustomobject]@{
        Links  = $links.Count
        Broken = @($links | Where-Object { $ids -notcontains $_ })
    }
}

function ConvertTo-ComparableArticle {
    <# The fields a digest carries, as one string per article, for whole-object comparison. #>
    param([Parameter(ValueFromPipeline)] $Article)
    process {
        [ordered]@{
            Title        = $Article.Title
            Url          = $Article.Url
            Day          = if ($Article.Published) { $Article.Published.ToString('yyyy-MM-dd') }
            Importance   = $Article.Importance
            Organization = $Article.Organization
            Source       = $Article.Source
            Tags         = @($Article.Tags)
            Summary      = $Article.Summary
            Content      = $Article.Content
        } | ConvertTo-Json -Compress
    }
}

function New-DayArticle {
    <# An article for the archive tests; Published is a date string, a [DateTimeOffset] (even an out-of-range one), or empty. #>
    param([string] $Title, [string] $Url, $Published = '2025-12-27T10:00:00+09:00', [string] $Content = 'Body text.')
    [pscustomobject]@{ Title = $Title; Url = $Url; Content = $Content; Summary = 'Summary.'; Source = 'Example'
        Organization = '기타'; Tags = @('LLM')
        Published = if ($Published -is [string] -and $Published) { [DateTimeOffset]::Parse($Published) } elseif ($Published) { $Published } else { $null } }
}
