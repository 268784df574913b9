using Mailseal.Core.Tracking;

namespace Mailseal.Core.Administration;

/// <summary>Get-MailTrafficPolicyReport: UTC days from <see cref="StartDate"/> to <see cref="EndDate"/>, both included.</summary>
public sealed record TrafficReportRequest
{
    public const int MaxDays = 366;

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public string? RuleName { get; init; }

    public TrafficDirection? Direction { get; init; }
}
