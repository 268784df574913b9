using System.CommandLine;
using System.Globalization;
using Mailseal.Core.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal admin-key new|list|revoke`: keys for the HTTP admin API. A key is printed once, when made.</summary>
internal static class AdminKeyCommand
{
    public static Command Build(CliConsole console)
    {
        var keys = new Command("admin-key", "API keys of the HTTP admin API (stored hashed; the key is shown only when made).");
        keys.Subcommands.Add(New(console));
        keys.Subcommands.Add(List(console));
        keys.Subcommands.Add(Revoke(console));
        return keys;
    }

    private static Command New(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. the admin's name.", Required = true };
        var command = Create("new", "Make an API key and print it once; store it like a password.", async (parse, keys, ct) =>
        {
            var created = await keys.CreateAsync(parse.GetValue(name)!, AdminCommand.Actor, ct);
            console.Output.WriteLine($"created admin API key {created.Key.Id} ({created.Key.Name}); it is shown only now:");
            console.Output.WriteLine(created.Secret);
        });
        command.Options.Add(name);
        return command;
    }

    private static Command List(CliConsole console)
    {
        var json = CliOptions.Json();
        var command = Create("list", "List the API keys (never the keys themselves).", async (parse, keys, ct) =>
        {
            var all = await keys.ListAsync(ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Output, all);
                return;
            }

            TextTable.Write(console.Output, ["ID", "NAME", "CREATED", "LAST USED", "REVOKED"], all.Select(k => new[]
            {
                k.Id, k.Name, Time(k.CreatedAt), k.LastUsedAt is { } used ? Time(used) : "-", k.RevokedAt is { } revoked ? Time(revoked) : "-",
            }).ToList());
        });
        command.Options.Add(json);
        return command;
    }

    private static Command Revoke(CliConsole console)
    {
        var id = new Option<string>("--id") { Description = "The key's id (see `admin-key list`).", Required = true };
        var command = Create("revoke", "Revoke an API key: it is refused from now on.", async (parse, keys, ct) =>
        {
            await keys.RevokeAsync(parse.GetValue(id)!, AdminCommand.Actor, ct);
            console.Output.WriteLine($"revoked admin API key {parse.GetValue(id)}");
        });
        command.Options.Add(id);
        return command;
    }

    private static Command Create(string name, string description, Func<ParseResult, AdminApiKeyService, CancellationToken, Task> action)
    {
        var command = new Command(name, description);
        var dataDir = command.With(CliOptions.DataDirectory());
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, allowLegacyMode1: false, ct);
            await action(parse, services.GetRequiredService<AdminApiKeyService>(), ct);
        });
        return command;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
