using System.CommandLine;
using System.Globalization;
using Mailseal.Delivery.Dkim;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal dkim new|list`: DKIM keys per sending domain and the DNS records that publish them.</summary>
internal static class DkimCommand
{
    public static Command Build(CliConsole console)
    {
        var dkim = new Command("dkim", "Manage DKIM keys: the gateway signs each domain's mail with its newest key.");
        dkim.Subcommands.Add(New(console));
        dkim.Subcommands.Add(List(console));
        return dkim;
    }

    private static Command New(CliConsole console)
    {
        Option<string> domain = null!;
        Option<string> selector = null!;
        Option<int> size = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("new", "Make a DKIM key for a domain and print the DNS TXT record to publish.", async (parse, admin, actor, ct) =>
        {
            var key = await admin.NewDkimKeyAsync(parse.GetValue(domain)!, parse.GetValue(selector)!, parse.GetValue(size), actor, ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Output, key);
                return;
            }

            console.Output.WriteLine($"created DKIM key {key.Selector} for {key.Domain} ({key.KeySizeBits} bits); publish this record before mail is signed with it:");
            console.Output.WriteLine(key.ZoneFileLine);
        });
        domain = command.With(new Option<string>("--domain") { Description = "The sending domain (d=).", Required = true });
        selector = command.With(new Option<string>("--selector") { Description = "The selector (s=), for example the year.", Required = true });
        size = command.With(new Option<int>("--size")
        {
            Description = "RSA key size in bits: 1024, 2048, 3072 or 4096.",
            DefaultValueFactory = _ => DkimKeyManager.DefaultKeySize,
        });
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command List(CliConsole console)
    {
        Option<bool> json = null!;
        var command = AdminCommand.Create("list", "List the DKIM keys with their DNS names; the newest key of a domain signs.", async (parse, admin, _, ct) =>
        {
            var keys = await admin.ListDkimKeysAsync(ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Output, keys);
                return;
            }

            TextTable.Write(console.Output, ["DOMAIN", "SELECTOR", "BITS", "CREATED", "DNS NAME"], keys.Select(k => new[]
            {
                k.Domain,
                k.Selector,
                k.KeySizeBits.ToString(CultureInfo.InvariantCulture),
                k.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                k.DnsName,
            }).ToList());
            if (keys.Count == 0)
            {
                console.Output.WriteLine("No DKIM keys yet: run `mailseal dkim new --domain D --selector S`.");
            }
        });
        json = command.With(CliOptions.Json());
        return command;
    }
}
