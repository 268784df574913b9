namespace Mailseal.Core.Tracking;

/// <summary>How many messages one rule matched on one UTC day, in one direction, with one action.</summary>
public sealed record TrafficCount(DateOnly Day, string RuleName, TrafficDirection Direction, TrafficAction Action, long Messages);
