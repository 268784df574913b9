using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.Core.Tracking;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>
/// Get-MailTrafficPolicyReport: messages per UTC day, rule, direction and action. Without dates it covers the
/// last 30 days; at most 366 days at a time.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MailTrafficPolicyReport")]
[OutputType(typeof(TrafficCount))]
public sealed class GetMailTrafficPolicyReportCommand : MailsealCmdlet
{
    [Parameter(Position = 0)]
    public DateTime? StartDate { get; set; }

    [Parameter(Position = 1)]
    public DateTime? EndDate { get; set; }

    [Parameter]
    public string? RuleName { get; set; }

    [Parameter]
    public TrafficDirection? Direction { get; set; }

    protected override void EndProcessing()
    {
        var end = EndDate is { } e ? DateOnly.FromDateTime(e) : DateOnly.FromDateTime(DateTime.UtcNow);
        var start = StartDate is { } s ? DateOnly.FromDateTime(s) : end.AddDays(-29);
        var request = new TrafficReportRequest { StartDate = start, EndDate = end, RuleName = RuleName, Direction = Direction };
        CallAndWrite<IReadOnlyList<TrafficCount>>(AdminRoutes.ReportTraffic, request, "MailTrafficPolicyReport", enumerate: true);
    }
}
