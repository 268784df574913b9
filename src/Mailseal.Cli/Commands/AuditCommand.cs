using System.CommandLine;
using System.Globalization;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal audit`: the newest administrative changes: who, what, when, old and new values.</summary>
internal static class AuditCommand
{
    public static Command Build(CliConsole console)
    {
        Option<int> limit = null!;
        Option<DateTimeOffset?> since = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("audit", "Show the audit log, newest first (secrets are never recorded).", async (parse, admin, _, ct) =>
        {
            var records = await admin.GetAuditLogAsync(parse.GetValue(limit), parse.GetValue(since), ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Output, records);
                return;
            }

            TextTable.Write(console.Output, ["ID", "WHEN", "ACTOR", "OPERATION", "KIND", "IDENTITY"], records.Select(r => new[]
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                r.Actor, r.Operation, r.ObjectKind, r.ObjectIdentity,
            }).ToList());
        });
        limit = command.With(new Option<int>("--limit") { Description = "At most this many records.", DefaultValueFactory = _ => 50 });
        since = command.With(new Option<DateTimeOffset?>("--since") { Description = "Only records from this time on." });
        json = command.With(CliOptions.Json());
        return command;
    }
}
