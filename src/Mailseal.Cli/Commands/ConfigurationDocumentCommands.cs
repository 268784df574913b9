using System.CommandLine;
using Mailseal.Core.Administration;
using Mailseal.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal export` and `mailseal import`: configuration as one versioned JSON document.</summary>
internal static class ConfigurationDocumentCommands
{
    public static Command Export(CliConsole console)
    {
        var command = new Command("export", "Write the configuration document (never a private key).");
        var dataDir = CliOptions.DataDirectory();
        var output = new Option<string>("--out")
        {
            Description = "Where to write it, or - for standard output.",
            DefaultValueFactory = _ => CliFiles.StandardStream,
        };
        command.Options.Add(dataDir);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, allowLegacyMode1: false, ct);
            var document = await services.GetRequiredService<AdminService>().ExportAsync(ct);
            await using var file = new AtomicOutput(parse.GetValue(output)!, console);
            await ConfigurationDocumentSerializer.WriteAsync(document, file.Stream, ct);
            file.Stream.WriteByte((byte)'\n');
            await file.CommitAsync(ct);
        });
        return command;
    }

    public static Command Import(CliConsole console)
    {
        var command = new Command("import", "Apply a configuration document; with --dry-run only show what would change.");
        var dataDir = CliOptions.DataDirectory();
        var file = new Argument<string>("file") { Description = "The document, or - for standard input." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the changes without making them." };
        command.Options.Add(dataDir);
        command.Options.Add(dryRun);
        command.Arguments.Add(file);
        command.SetAction(async (parse, ct) =>
        {
            await using var input = await CliFiles.OpenInputAsync(parse.GetValue(file)!, console, ct);
            if (input.Length > ConfigurationDocumentSerializer.MaxDocumentBytes)
            {
                throw new ConfigurationDocumentException(
                    $"The document is larger than {ConfigurationDocumentSerializer.MaxDocumentBytes} bytes.");
            }

            var document = await ConfigurationDocumentSerializer.ReadAsync(input, ct);
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, allowLegacyMode1: false, ct);
            var isDryRun = parse.GetValue(dryRun);
            var changes = await services.GetRequiredService<AdminService>().ImportAsync(document, isDryRun, AdminCommand.Actor, ct);
            foreach (var change in changes)
            {
                console.Output.WriteLine(change);
            }

            console.Output.WriteLine(changes.Count == 0
                ? "no changes"
                : $"{changes.Count} change(s){(isDryRun ? " would be made (dry run)" : " made")}");
        });
        return command;
    }
}
