using System.CommandLine;
using Mailseal.Core.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Cli;

/// <summary>
/// A command that works through the admin service on a data folder, as actor "cli:&lt;OS user&gt;", so every change
/// lands in the audit log.
/// </summary>
internal static class AdminCommand
{
    public static Command Create(
        string name, string description, Func<ParseResult, AdminService, AdminActor, CancellationToken, Task> action, bool withLegacyMode1 = false)
    {
        var command = new Command(name, description);
        var dataDir = command.With(CliOptions.DataDirectory());
        var legacy = withLegacyMode1 ? command.With(CliOptions.AllowLegacyMode1()) : null;
        command.SetAction(async (parse, ct) =>
        {
            var allowLegacy = legacy is not null && parse.GetValue(legacy);
            await using var services = await CliServices.OpenAsync(parse.GetValue(dataDir)!, allowLegacy, ct);
            await action(parse, services.GetRequiredService<AdminService>(), Actor, ct);
        });
        return command;
    }

    /// <summary>The audit log's actor for this process.</summary>
    public static AdminActor Actor => AdminActor.Cli(Environment.UserName);

    /// <summary>Adds <paramref name="option"/> to <paramref name="command"/> and returns it, so options are declared in one line.</summary>
    public static Option<T> With<T>(this Command command, Option<T> option)
    {
        command.Options.Add(option);
        return option;
    }
}
