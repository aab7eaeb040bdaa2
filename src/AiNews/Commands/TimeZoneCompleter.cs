using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace AiNews.Commands
{
    /// <summary>Tab completion for -TimeZone: the ids this machine knows.</summary>
    public sealed class TimeZoneCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return TimeZoneInfo.GetSystemTimeZones()
                .Where(z => z.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(z => new CompletionResult(z.Id.IndexOf(' ') >= 0 ? "'" + z.Id + "'" : z.Id, z.Id, CompletionResultType.ParameterValue, z.DisplayName));
        }
    }
}
