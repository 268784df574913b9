using System.CommandLine;
using Mailseal.Core.Organization;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal domains list|new|remove`: the accepted domains, which decide InOrganization.</summary>
internal static class DomainsCommand
{
    public static Command Build(CliConsole console)
    {
        var domains = new Command("domains", "Accepted domains (Get/New/Remove-AcceptedDomain): an address in one is InOrganization.");
        domains.Subcommands.Add(List(console));
        domains.Subcommands.Add(New(console));
        domains.Subcommands.Add(Remove(console));
        return domains;
    }

    private static Command List(CliConsole console)
    {
        Option<bool> json = null!;
        var command = AdminCommand.Create("list", "List the accepted domains.", async (parse, admin, _, ct) =>
            Write(console, await admin.ListAcceptedDomainsAsync(ct), parse.GetValue(json)));
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command New(CliConsole console)
    {
        Option<string> name = null!;
        Option<AcceptedDomainType> type = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("new", "Add an accepted domain.", async (parse, admin, actor, ct) =>
        {
            var domain = await admin.NewAcceptedDomainAsync(new AcceptedDomain { DomainName = parse.GetValue(name)!, Type = parse.GetValue(type) }, actor, ct);
            Write(console, [domain], parse.GetValue(json));
        });
        name = command.With(new Option<string>("--name") { Description = "The domain, e.g. contoso.com.", Required = true });
        type = command.With(new Option<AcceptedDomainType>("--type")
        {
            Description = "Authoritative (default), InternalRelay or ExternalRelay.",
            DefaultValueFactory = _ => AcceptedDomainType.Authoritative,
        });
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command Remove(CliConsole console)
    {
        Option<string> name = null!;
        var command = AdminCommand.Create("remove", "Remove an accepted domain.", async (parse, admin, actor, ct) =>
        {
            await admin.RemoveAcceptedDomainAsync(parse.GetValue(name)!, actor, ct);
            console.Output.WriteLine($"removed accepted domain \"{parse.GetValue(name)}\"");
        });
        name = command.With(new Option<string>("--name") { Description = "The domain.", Required = true });
        return command;
    }

    private static void Write(CliConsole console, IReadOnlyList<AcceptedDomain> domains, bool json)
    {
        if (json)
        {
            CliJson.Write(console.Output, domains);
            return;
        }

        TextTable.Write(console.Output, ["DOMAIN", "TYPE"], domains.Select(d => new[] { d.DomainName, d.Type.ToString() }).ToList());
    }
}
