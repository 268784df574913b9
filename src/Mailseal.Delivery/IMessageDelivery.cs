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

    /// <summary>
    /// Starts a copy whose content is still being made, so that the next hop answers the envelope while it is: over
    /// SMTP with PIPELINING, MAIL, RCPT and DATA go out now and the content follows at
    /// <see cref="IDeliveryTransaction.CompleteAsync"/>. Where nothing can go ahead (the pickup folder, a next hop
    /// without PIPELINING or not reachable now), the copy is delivered whole at completion. Throws only for an
    /// unusable envelope (<see cref="ArgumentException"/>) or cancellation.
    /// </summary>
    Task<IDeliveryTransaction> BeginAsync(OutboundEnvelope envelope, CancellationToken cancellationToken);
}
