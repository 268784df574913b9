using System.CommandLine;
using System.Globalization;
using Mailseal.Core.Administration;
using Mailseal.Core.Tracking;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal report`: messages per rule, day, direction and action (Get-MailTrafficPolicyReport).</summary>
internal static class ReportCommand
{
    public static Command Build(CliConsole console)
    {
        Option<DateOnly> start = null!;
        Option<DateOnly> end = null!;
        Option<string?> rule = null!;
        Option<TrafficDirection?> direction = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("report", "How many messages each rule matched, per UTC day, direction and action.", async (parse, admin, _, ct) =>
        {
            var rows = await admin.GetTrafficReportAsync(new TrafficReportRequest
            {
                StartDate = parse.GetValue(start),
                EndDate = parse.GetValue(end),
                RuleName = parse.GetValue(rule),
                Direction = parse.GetValue(direction),
            }, ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Output, rows);
                return;
            }

            TextTable.Write(console.Output, ["DAY", "RULE", "DIRECTION", "ACTION", "MESSAGES"], rows.Select(r => new[]
            {
                r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.RuleName, r.Direction.ToString(), r.Action.ToString(),
                r.Messages.ToString(CultureInfo.InvariantCulture),
            }).ToList());
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        start = command.With(new Option<DateOnly>("--start") { Description = "First UTC day (yyyy-mm-dd); default: 30 days ago.", DefaultValueFactory = _ => today.AddDays(-30) });
        end = command.With(new Option<DateOnly>("--end") { Description = "Last UTC day, included; default: today.", DefaultValueFactory = _ => today });
        rule = command.With(new Option<string?>("--rule") { Description = "Only this rule." });
        direction = command.With(new Option<TrafficDirection?>("--direction") { Description = "Only Outbound, Inbound or Internal." });
        json = command.With(CliOptions.Json());
        return command;
    }
}
