using Mailseal.Delivery;

namespace Mailseal.Portal.Mail;

/// <summary>
/// Hands mail the portal writes (pass-code mail, sealed replies) to the gateway's authenticated submission
/// listener, so that it is never sealed again and takes the same delivery path as every other message.
/// </summary>
public interface IPortalMailSender
{
    /// <summary>
    /// Submits <paramref name="message"/>; the result says per recipient whether the gateway accepted it.
    /// Only cancellation throws.
    /// </summary>
    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
