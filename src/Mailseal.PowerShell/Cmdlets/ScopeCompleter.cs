using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Tab completion for -FromScope and -SentToScope (and their ExceptIf forms).</summary>
public sealed class ScopeCompleter : IArgumentCompleter
{
    private static readonly string[] Scopes = ["InOrganization", "NotInOrganization"];

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Scopes.Where(s => s.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
            .Select(s => new CompletionResult(s));
}
