using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mailseal.Delivery.Dkim;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal dkim new|list`: DKIM keys per sending domain and the DNS records that publish them.</summary>
internal static class DkimCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static Command Build(CliConsole console)
    {
        var dkim = new Command("dkim", "Manage DKIM keys: the gateway signs each domain's mail with its newest key.");
        dkim.Subcommands.Add(New(console));
        dkim.Subcommands.Add(List(console));
        return dkim;
    }

    private static Command New(CliConsole console)
    {
        var command = new Command("new", "Make a DKIM key for a domain and print the DNS TXT record to publish.");
        var dataDir = CliOptions.DataDirectory();
        var domain = new Option<string>("--domain") { Description = "The sending domain (d=).", Required = true };
        var selector = new Option<string>("--selector") { Description = "The selector (s=), for example the year.", Required = true };
        var size = new Option<int>("--size")
        {
            Description = "RSA key size in bits: 1024, 2048, 3072 or 4096.",
            DefaultValueFactory = _ => DkimKeyManager.DefaultKeySize,
        };
        command.Options.Add(dataDir);
        command.Options.Add(domain);
        command.Options.Add(selector);
        command.Options.Add(size);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, allowLegacyMode1: false, ct);
            var key = await Manager(services).CreateAsync(parse.GetValue(domain)!, parse.GetValue(selector)!, parse.GetValue(size), ct);
            console.Output.WriteLine($"created DKIM key {key.Selector} for {key.Domain} ({key.KeySizeBits} bits); publish this record before mail is signed with it:");
            console.Output.WriteLine(DkimDnsRecord.ZoneFileLine(key));
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var command = new Command("list", "List the DKIM keys with their DNS names; the newest key of a domain signs.");
        var dataDir = CliOptions.DataDirectory();
        var json = CliOptions.Json();
        command.Options.Add(dataDir);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, allowLegacyMode1: false, ct);
            var keys = await Manager(services).ListAsync(ct);
            if (parse.GetValue(json))
            {
                var items = keys.Select(k => new
                {
                    domain = k.Domain,
                    selector = k.Selector,
                    bits = k.KeySizeBits,
                    created = k.CreatedAt,
                    dnsName = k.DnsName,
                    txt = DkimDnsRecord.Value(k),
                });
                console.Output.WriteLine(JsonSerializer.Serialize(items, JsonOptions));
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
        return command;
    }

    private static DkimKeyManager Manager(IServiceProvider services) => ActivatorUtilities.CreateInstance<DkimKeyManager>(services);
}
