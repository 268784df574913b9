using System.CommandLine;
using Mailseal.Core.Administration;
using Mailseal.Core.Organization;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal users list|new|set|remove`: the organisation's users, their language and whether they may send encrypted mail.</summary>
internal static class UsersCommand
{
    public static Command Build(CliConsole console)
    {
        var users = new Command("users", "The organisation's users: wrapper language and permission to send encrypted mail.");
        users.Subcommands.Add(List(console));
        users.Subcommands.Add(New(console));
        users.Subcommands.Add(Set(console));
        users.Subcommands.Add(Remove(console));
        return users;
    }

    private static Command List(CliConsole console)
    {
        Option<string?> address = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("list", "List the users, or show one.", async (parse, admin, _, ct) =>
        {
            IReadOnlyList<OrganizationUser> users = parse.GetValue(address) is { } one ? [await admin.GetUserAsync(one, ct)] : await admin.ListUsersAsync(ct);
            Write(console, users, parse.GetValue(json));
        });
        address = command.With(new Option<string?>("--address") { Description = "One user's address; default: all." });
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command New(CliConsole console)
    {
        Option<string> address = null!;
        UserOptions options = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("new", "Add a user.", async (parse, admin, actor, ct) =>
        {
            var change = options.ToChange(parse);
            var user = await admin.NewUserAsync(new OrganizationUser
            {
                Address = parse.GetValue(address)!,
                DisplayName = change.DisplayName,
                Language = change.Language,
                MaySendEncrypted = change.MaySendEncrypted ?? true,
            }, actor, ct);
            Write(console, [user], parse.GetValue(json));
        });
        address = command.With(AddressOption());
        options = new UserOptions(command);
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command Set(CliConsole console)
    {
        Option<string> address = null!;
        UserOptions options = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("set", "Change a user; \"\" clears the display name or language.", async (parse, admin, actor, ct) =>
            Write(console, [await admin.SetUserAsync(parse.GetValue(address)!, options.ToChange(parse), actor, ct)], parse.GetValue(json)));
        address = command.With(AddressOption());
        options = new UserOptions(command);
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command Remove(CliConsole console)
    {
        Option<string> address = null!;
        var command = AdminCommand.Create("remove", "Remove a user.", async (parse, admin, actor, ct) =>
        {
            await admin.RemoveUserAsync(parse.GetValue(address)!, actor, ct);
            console.Output.WriteLine($"removed user \"{parse.GetValue(address)}\"");
        });
        address = command.With(AddressOption());
        return command;
    }

    private static Option<string> AddressOption() => new("--address") { Description = "The user's email address.", Required = true };

    private static void Write(CliConsole console, IReadOnlyList<OrganizationUser> users, bool json)
    {
        if (json)
        {
            CliJson.Write(console.Output, users);
            return;
        }

        TextTable.Write(console.Output, ["ADDRESS", "DISPLAY NAME", "LANGUAGE", "MAY SEND ENCRYPTED"], users.Select(u => new[]
        {
            u.Address, u.DisplayName ?? "-", u.Language ?? "(default)", u.MaySendEncrypted ? "yes" : "no",
        }).ToList());
    }

    /// <summary>The options new and set share.</summary>
    private sealed class UserOptions(Command command)
    {
        private readonly Option<string?> _displayName = command.With(new Option<string?>("--display-name") { Description = "The display name." });
        private readonly Option<string?> _language = command.With(new Option<string?>("--language") { Description = "BCP 47 tag of the wrapper mail, e.g. de-DE." });
        private readonly Option<bool?> _maySendEncrypted = command.With(new Option<bool?>("--may-send-encrypted")
        {
            Description = "true or false: may this user's mail be sealed (false rejects it rather than send it in plain text).",
        });

        public OrganizationUserChange ToChange(ParseResult parse) => new()
        {
            DisplayName = parse.GetValue(_displayName),
            Language = parse.GetValue(_language),
            MaySendEncrypted = parse.GetValue(_maySendEncrypted),
        };
    }
}
