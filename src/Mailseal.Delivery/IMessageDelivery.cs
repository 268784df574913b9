namespace Mailseal.Delivery;

/// <summary>
/// Hands one copy of a message to the next hop (or the pickup folder) and says, per recipient, whether it
/// was accepted. There is no queue behind it: a transient failure comes back as
/// <see cref="DeliveryStatus.TransientFailure"/> so that the caller can answer its own client with a 4xx.
/// </summary>
public interface IMessageDelivery
{
    /// <summary>
    /// Delivers <paramref name="message"/>. Failures of the next hop, the network, the disk and timeouts become
    /// per-recipient results; only cancellation by <paramref name="cancellationToken"/> throws.
    /// </summary>
    Task<DeliveryResult> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken);
}
