using System.CommandLine;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal rules test`: explains, rule by rule and recipient by recipient, what the rules would do to a message.</summary>
internal static class RulesCommand
{
    public static Command Build(CliConsole console)
    {
        var rules = new Command("rules", "Mail-flow rules.");
        rules.Subcommands.Add(Test(console));
        return rules;
    }

    private static Command Test(CliConsole console)
    {
        var command = new Command("test", "Evaluate the stored rules on a message and explain every step. Nothing is sent or changed.");
        var dataDir = CliOptions.DataDirectory();
        var input = CliOptions.Input("The message (.eml), or - for standard input.");
        var sender = new Option<string>("--sender") { Description = "The envelope sender (MAIL FROM).", Required = true };
        var recipients = new Option<string[]>("--recipient")
        {
            Description = "An envelope recipient (RCPT TO); repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(dataDir);
        command.Options.Add(input);
        command.Options.Add(sender);
        command.Options.Add(recipients);
        command.SetAction(async (parse, ct) =>
        {
            await using var messageInput = await CliFiles.OpenInputAsync(parse.GetValue(input)!, console, ct);
            await using var spool = CliFiles.CreateSpool();
            await messageInput.CopyToAsync(spool, ct);
            spool.Position = 0;
            var message = await MimeMessage.LoadAsync(spool, ct);
            var facts = MessageFacts.From(message, parse.GetValue(sender)!, parse.GetValue(recipients)!, spool.Length);

            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, allowLegacyMode1: false, ct);
            var organization = await OrganizationSnapshot.LoadAsync(services.GetRequiredService<IOrganizationStore>(), ct);
            var ruleSet = RuleSet.Compile(await services.GetRequiredService<ITransportRuleStore>().ListAsync(ct));
            var evaluation = new RuleEvaluator(TimeProvider.System).Evaluate(facts, organization, ruleSet);
            RuleExplanationWriter.Write(console.Output, facts, ruleSet, evaluation);
        });
        return command;
    }
}
