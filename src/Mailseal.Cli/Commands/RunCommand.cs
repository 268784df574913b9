using System.CommandLine;
using Mailseal.Cli.Hosting;
using Microsoft.Extensions.Hosting;

namespace Mailseal.Cli.Commands;

/// <summary>
/// `mailseal run`: the gateway and the portal on the embedded default (docs/quickstart.md). Further settings come as
/// --Section:Key=value arguments, MAILSEAL_Section__Key variables or appsettings.json. Ctrl-C or SIGTERM stops
/// accepting connections and lets the transactions in flight finish.
/// </summary>
internal static class RunCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("run", "Run the gateway and the portal: SMTP 127.0.0.1:2525, LMTP :2424, Submission :2587, portal http://127.0.0.1:5080, delivery to DATA/outbox.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var dataDir = CliOptions.DataDirectory();
        command.Options.Add(dataDir);
        command.SetAction(async (parse, ct) =>
        {
            var dataDirectory = Path.GetFullPath(parse.GetValue(dataDir)!);
            await using var host = MailsealHost.Build(dataDirectory, [.. parse.UnmatchedTokens]);
            console.Error.WriteLine($"mailseal: gateway and portal starting with data in {dataDirectory}; Ctrl-C stops it.");
            await host.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
