namespace Mailseal.Delivery;

/// <summary>
/// A copy whose envelope went to the next hop before its content was made (<see cref="IMessageDelivery.BeginAsync"/>).
/// Disposing it without <see cref="CompleteAsync"/> delivers nothing: the next hop is left with no message to take.
/// </summary>
public interface IDeliveryTransaction : IAsyncDisposable
{
    /// <summary>Sends <paramref name="content"/> (read from its position to the end) and says, per recipient, whether it was accepted.</summary>
    /// <remarks>
    /// Failures are results, as for <see cref="IMessageDelivery.DeliverAsync"/>. Call it once. The token given to
    /// <see cref="IMessageDelivery.BeginAsync"/> covers the whole transaction; this one is checked before anything is sent.
    /// </remarks>
    Task<DeliveryResult> CompleteAsync(Stream content, CancellationToken cancellationToken);
}
