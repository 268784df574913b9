using System.CommandLine;
using Mailseal.Cli.Commands;

namespace Mailseal.Cli;

/// <summary>The <c>mailseal</c> command tree, and the one place where failures become exit codes.</summary>
internal static class MailsealCommandLine
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Mailseal: the open-source email encryption gateway.");
        root.Subcommands.Add(RunCommand.Build(console));
        root.Subcommands.Add(DemoCommand.Build(console));
        root.Subcommands.Add(KeysCommand.Build(console));
        root.Subcommands.Add(DkimCommand.Build(console));
        root.Subcommands.Add(SealCommand.Build(console));
        root.Subcommands.Add(UnsealCommand.Build(console));
        root.Subcommands.Add(InspectCommand.Build(console));
        root.Subcommands.Add(ConfigurationDocumentCommands.Import(console));
        root.Subcommands.Add(ConfigurationDocumentCommands.Export(console));
        root.Subcommands.Add(ConfigCommand.Build(console));
        root.Subcommands.Add(RulesCommand.Build(console));
        root.Subcommands.Add(DomainsCommand.Build(console));
        root.Subcommands.Add(UsersCommand.Build(console));
        root.Subcommands.Add(ReportCommand.Build(console));
        root.Subcommands.Add(AuditCommand.Build(console));
        root.Subcommands.Add(AdminKeyCommand.Build(console));
        return root;
    }

    public static Task<int> InvokeAsync(string[] args) => InvokeAsync(args, CliConsole.Process, CancellationToken.None);

    public static async Task<int> InvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var configuration = new InvocationConfiguration
        {
            Output = console.Output,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await Build(console).Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("mailseal: cancelled");
            return CliErrors.Failure;
        }
#pragma warning disable CA1031 // The command line's one boundary: every failure becomes one line and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return CliErrors.Report(ex, console);
        }
    }
}
