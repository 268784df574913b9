namespace Mailseal.Delivery;

/// <summary>
/// A transaction that begins nothing: the copy is delivered whole, the ordinary way, once its content is made. For the
/// pickup folder, a next hop the envelope could not go to in advance, and any delivery with nothing to send ahead.
/// </summary>
public sealed class WholeMessageTransaction(IMessageDelivery delivery, OutboundEnvelope envelope) : IDeliveryTransaction
{
    public Task<DeliveryResult> CompleteAsync(Stream content, CancellationToken cancellationToken) =>
        delivery.DeliverAsync(envelope.With(content), cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
