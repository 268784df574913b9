namespace Mailseal.Delivery;

/// <summary>What became of one recipient of a copy.</summary>
public enum DeliveryStatus
{
    /// <summary>The next hop accepted the copy for this recipient, or the pickup file is durable.</summary>
    Delivered,

    /// <summary>Not delivered, try again later (4xx, network, disk or timeout): the sender must keep the message.</summary>
    TransientFailure,

    /// <summary>The next hop refused this recipient or the message for good (5xx).</summary>
    PermanentFailure,
}
