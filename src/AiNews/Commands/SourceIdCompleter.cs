using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using AiNews.Sources;

namespace AiNews.Commands
{
    /// <summary>Tab completion for source ids, with the source's name as tooltip.</summary>
    public sealed class SourceIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            string file = fakeBoundParameters != null && fakeBoundParameters.Contains("SourceFile") ? fakeBoundParameters["SourceFile"] as string : null;
            IReadOnlyList<NewsSource> sources;
            try { sources = SourceCatalog.Load(file).Sources; }
            catch (Exception) { return Enumerable.Empty<CompletionResult>(); }   // completion never throws at the user
            return sources.Where(s => s.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(s => new CompletionResult(s.Id, s.Id, CompletionResultType.ParameterValue, $"{s.Name} ({s.FeedUri})"));
        }
    }
}
