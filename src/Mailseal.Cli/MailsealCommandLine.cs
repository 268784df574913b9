using System.CommandLine;

namespace Mailseal.Cli;

/// <summary>The <c>mailseal</c> command tree.</summary>
internal static class MailsealCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Mailseal: the open-source email encryption gateway.");
        return root;
    }

    public static Task<int> InvokeAsync(string[] args) => Build().Parse(args).InvokeAsync();
}
