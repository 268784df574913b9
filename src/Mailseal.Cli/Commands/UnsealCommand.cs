using System.CommandLine;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Cli.Commands;

/// <summary>
/// `mailseal unseal`: a wrapper mail or message.html in, the original bytes out — what a compliance officer
/// needs. Nothing reaches the output until the whole envelope has verified; expiry does not apply.
/// </summary>
internal static class UnsealCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("unseal", "Unseal a wrapper mail or message.html back to the original message.");
        var dataDir = CliOptions.DataDirectory();
        var legacy = CliOptions.AllowLegacyMode1();
        var input = CliOptions.Input("The wrapper mail or message.html, or - for standard input.");
        var output = CliOptions.Output("Where to write the original message, or - for standard output.");
        command.Options.Add(dataDir);
        command.Options.Add(legacy);
        command.Options.Add(input);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, parse.GetValue(legacy), ct);
            await using var sealedInput = await CliFiles.OpenInputAsync(parse.GetValue(input)!, console, ct);
            await using var original = new AtomicOutput(parse.GetValue(output)!, console);
            var license = await services.GetRequiredService<MessageUnsealer>().UnsealAsync(sealedInput, original.Stream, ct);
            await original.CommitAsync(ct);
            console.Error.WriteLine($"unsealed envelope {license.EnvelopeIdHex} from {license.Sender}");
        });
        return command;
    }
}
