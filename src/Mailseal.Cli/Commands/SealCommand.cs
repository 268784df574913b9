using System.CommandLine;
using Mailseal.Core.Branding;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal seal`: a message in, its wrapper mail out.</summary>
internal static class SealCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("seal", "Seal a message for its recipients and write the wrapper mail.");
        var dataDir = CliOptions.DataDirectory();
        var legacy = CliOptions.AllowLegacyMode1();
        var sender = new Option<string>("--sender") { Description = "The envelope sender.", Required = true };
        var recipients = new Option<string[]>("--recipient")
        {
            Description = "An envelope recipient (repeatable): only these can open it.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var template = new Option<string>("--template")
        {
            Description = "The OME configuration (branding template) of the wrapper.",
            DefaultValueFactory = _ => OmeConfiguration.DefaultIdentity,
        };
        var language = new Option<string>("--language")
        {
            Description = "The sender's language for the wrapper's texts (en, de, fr, es, ja, …).",
            DefaultValueFactory = _ => "en",
        };
        var input = CliOptions.Input("The message to seal, or - for standard input.");
        var output = CliOptions.Output("Where to write the wrapper mail, or - for standard output.");
        foreach (var option in new Option[] { dataDir, legacy, sender, recipients, template, language, input, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, parse.GetValue(legacy), ct);
            await using var message = await CliFiles.OpenInputAsync(parse.GetValue(input)!, console, ct);
            await using var wrapper = new AtomicOutput(parse.GetValue(output)!, console);
            var request = new MessageSealRequest(
                parse.GetValue(sender)!, parse.GetValue(recipients)!, parse.GetValue(template)!, parse.GetValue(language)!);
            var license = await services.GetRequiredService<MessageSealer>().SealAsync(message, request, wrapper.Stream, ct);
            await wrapper.CommitAsync(ct);
            console.Error.WriteLine($"sealed envelope {license.EnvelopeIdHex} for {license.RecipientHashes.Length} recipient(s)");
        });
        return command;
    }
}
