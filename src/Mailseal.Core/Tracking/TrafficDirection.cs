namespace Mailseal.Core.Tracking;

/// <summary>Which way a message went through the gateway, as the traffic report counts it.</summary>
public enum TrafficDirection
{
    /// <summary>From the organisation to outside recipients.</summary>
    Outbound = 1,

    /// <summary>From outside into the organisation.</summary>
    Inbound = 2,

    /// <summary>Between the organisation's own recipients.</summary>
    Internal = 3,
}
