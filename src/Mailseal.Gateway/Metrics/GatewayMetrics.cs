using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mailseal.Core.Tracking;
using Mailseal.Gateway.Pipeline;

namespace Mailseal.Gateway.Metrics;

/// <summary>
/// The gateway's instruments (docs/observability.md). Tags take a few fixed values only: never an address,
/// a subject, a rule name or an id, so the number of series stays bounded whatever the traffic.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "Mailseal.Gateway";

    private readonly Counter<long> _messages;
    private readonly Counter<long> _recipients;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _messages = meter.CreateCounter<long>("mailseal.gateway.messages", "{copy}",
            "Copies of messages the pipeline handled, by action, outcome and direction.");
        _recipients = meter.CreateCounter<long>("mailseal.gateway.recipients", "{recipient}",
            "Recipients of the handled copies, by action, outcome and direction.");
    }

    /// <summary>Counts one copy: its action, what the next hop (or the rule) answered, and its direction.</summary>
    public void CopyHandled(CopyResult copy, TrafficDirection direction)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var tags = new TagList
        {
            { "action", ActionTag(copy.Plan.Action) },
            { "outcome", OutcomeTag(copy) },
            { "direction", DirectionTag(direction) },
        };
        _messages.Add(1, tags);
        _recipients.Add(copy.Plan.Recipients.Count, tags);
    }

    private static string ActionTag(CopyAction action) => action switch
    {
        CopyAction.Seal => "seal",
        CopyAction.Unseal => "unseal",
        CopyAction.Reject => "reject",
        _ => "plain",
    };

    private static string OutcomeTag(CopyResult copy) => copy.Replies switch
    {
        var r when r.All(x => x.IsPositive) => "delivered",
        var r when r.Any(x => x.IsPositive) => "partly_delivered",
        var r when r.Any(x => x.IsTransient) => "deferred",
        _ => "rejected",
    };

    private static string DirectionTag(TrafficDirection direction) => direction switch
    {
        TrafficDirection.Outbound => "outbound",
        TrafficDirection.Inbound => "inbound",
        _ => "internal",
    };
}
