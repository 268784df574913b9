namespace Mailseal.Core.Tracking;

/// <summary>What the gateway did with a message a rule matched, as the traffic report counts it.</summary>
public enum TrafficAction
{
    Sealed = 1,
    Unsealed = 2,
    Audited = 3,
    Rejected = 4,

    /// <summary>Matched a sealing rule but passed unchanged by setting (a meeting request, a read receipt, …).</summary>
    PassedUnsealed = 5,
}
