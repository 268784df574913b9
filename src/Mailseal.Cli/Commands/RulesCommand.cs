using System.CommandLine;
using System.Globalization;
using Mailseal.Core.Administration;
using Mailseal.Core.Rules;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal rules list|new|set|remove|enable|disable|test`: mail-flow rules, as the TransportRule cmdlets.</summary>
internal static class RulesCommand
{
    public static Command Build(CliConsole console)
    {
        var rules = new Command("rules", "Mail-flow rules (Get/New/Set/Remove/Enable/Disable/Test-TransportRule).");
        rules.Subcommands.Add(List(console));
        rules.Subcommands.Add(New(console));
        rules.Subcommands.Add(Set(console));
        rules.Subcommands.Add(ByName(console, "remove", "Remove a rule; the later ones move up.", async (admin, name, actor, ct) =>
        {
            await admin.RemoveTransportRuleAsync(name, actor, ct);
            return null;
        }));
        rules.Subcommands.Add(ByName(console, "enable", "Enable a rule.", async (admin, name, actor, ct) => await admin.EnableTransportRuleAsync(name, actor, ct)));
        rules.Subcommands.Add(ByName(console, "disable", "Disable a rule; it stays in place.", async (admin, name, actor, ct) => await admin.DisableTransportRuleAsync(name, actor, ct)));
        rules.Subcommands.Add(Test(console));
        return rules;
    }

    private static Command List(CliConsole console)
    {
        Option<string?> identity = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("list", "List the rules by priority, or show one.", async (parse, admin, _, ct) =>
        {
            IReadOnlyList<TransportRule> rules = parse.GetValue(identity) is { } name
                ? [await admin.GetTransportRuleAsync(name, ct)]
                : await admin.ListTransportRulesAsync(ct);
            Write(console, rules, parse.GetValue(json));
        });
        identity = command.With(new Option<string?>("--identity") { Description = "One rule's name; default: all." });
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command New(CliConsole console)
    {
        Option<string> name = null!;
        RuleOptions options = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("new", "Create a rule; without --priority it goes last.", async (parse, admin, actor, ct) =>
        {
            var rule = await admin.NewTransportRuleAsync(options.ToChange(parse, parse.GetValue(name)), actor, ct);
            Write(console, [rule], parse.GetValue(json));
        });
        name = command.With(new Option<string>("--name") { Description = "The rule's name.", Required = true });
        options = new RuleOptions(command);
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command Set(CliConsole console)
    {
        Option<string> identity = null!;
        Option<string?> name = null!;
        RuleOptions options = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("set", "Change a rule: each option given replaces that parameter; \"\" removes a predicate.", async (parse, admin, actor, ct) =>
        {
            var rule = await admin.SetTransportRuleAsync(parse.GetValue(identity)!, options.ToChange(parse, parse.GetValue(name)), actor, ct);
            Write(console, [rule], parse.GetValue(json));
        });
        identity = command.With(IdentityOption());
        name = command.With(new Option<string?>("--name") { Description = "A new name for the rule." });
        options = new RuleOptions(command);
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command ByName(CliConsole console, string verb, string description,
        Func<AdminService, string, AdminActor, CancellationToken, Task<TransportRule?>> action)
    {
        Option<string> identity = null!;
        var command = AdminCommand.Create(verb, description, async (parse, admin, actor, ct) =>
        {
            var rule = await action(admin, parse.GetValue(identity)!, actor, ct);
            console.Output.WriteLine(rule is null ? $"removed rule \"{parse.GetValue(identity)}\"" : $"{verb}d rule \"{rule.Name}\" (priority {rule.Priority}, {rule.State})");
        });
        identity = command.With(IdentityOption());
        return command;
    }

    private static Command Test(CliConsole console)
    {
        Option<string> input = null!;
        Option<string> sender = null!;
        Option<string[]> recipients = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("test", "Evaluate the stored rules on a message and explain every step. Nothing is sent or changed.", async (parse, admin, _, ct) =>
        {
            await using var messageInput = await CliFiles.OpenInputAsync(parse.GetValue(input)!, console, ct);
            var result = await admin.TestTransportRulesAsync(messageInput, parse.GetValue(sender)!, parse.GetValue(recipients)!, ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Output, result);
            }
            else
            {
                RuleExplanationWriter.Write(console.Output, result);
            }
        });
        input = command.With(CliOptions.Input("The message (.eml), or - for standard input."));
        sender = command.With(new Option<string>("--sender") { Description = "The envelope sender (MAIL FROM).", Required = true });
        recipients = command.With(new Option<string[]>("--recipient")
        {
            Description = "An envelope recipient (RCPT TO); repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        });
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Option<string> IdentityOption() => new("--identity") { Description = "The rule's name.", Required = true };

    private static void Write(CliConsole console, IReadOnlyList<TransportRule> rules, bool json)
    {
        if (json)
        {
            CliJson.Write(console.Output, rules);
            return;
        }

        TextTable.Write(console.Output, ["PRIORITY", "NAME", "STATE", "MODE", "CONDITIONS", "EXCEPTIONS", "ACTIONS"], rules.Select(r => new[]
        {
            r.Priority.ToString(CultureInfo.InvariantCulture), r.Name, r.State.ToString(), r.Mode.ToString(),
            Predicates(r.Conditions, ""), Predicates(r.Exceptions, RulePredicates.ExceptIfPrefix), Actions(r.Actions),
        }).ToList());
    }

    private static string Predicates(IReadOnlyList<RulePredicate> predicates, string prefix) => predicates.Count == 0 ? "-"
        : string.Join("; ", predicates.Select(p => $"{prefix}{p.Name}{(p.Header is null ? "" : $"[{p.Header}]")}={string.Join(",", p.Values)}"));

    private static string Actions(RuleActions actions)
    {
        var parts = new List<string>();
        if (actions.ApplyOme) parts.Add(actions.ApplyOmeBrandingTemplate is null ? "ApplyOME" : $"ApplyOME({actions.ApplyOmeBrandingTemplate})");
        if (actions.RemoveOme) parts.Add("RemoveOME");
        if (actions.SetHeaderName is not null) parts.Add($"SetHeader {actions.SetHeaderName}: {actions.SetHeaderValue}");
        if (actions.PrependSubject is not null) parts.Add($"PrependSubject \"{actions.PrependSubject}\"");
        if (actions.RejectMessageReasonText is not null) parts.Add($"Reject {actions.RejectMessageEnhancedStatusCode ?? RuleActions.DefaultRejectStatusCode}");
        return parts.Count == 0 ? "-" : string.Join("; ", parts);
    }
}
