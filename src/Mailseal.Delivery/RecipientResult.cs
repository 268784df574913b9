namespace Mailseal.Delivery;

/// <summary>The outcome for one recipient.</summary>
/// <param name="Recipient">The address as given in <see cref="OutboundMessage.Recipients"/>.</param>
/// <param name="Status">Delivered, or how it failed.</param>
/// <param name="ReplyCode">The next hop's reply code, when a reply decided the outcome; null for local outcomes.</param>
/// <param name="EnhancedStatusCode">The next hop's enhanced status code (RFC 3463) such as "5.1.1", when it gave one.</param>
/// <param name="Detail">The next hop's reply text, or a description of the local error. Never message content.</param>
public sealed record RecipientResult(
    string Recipient,
    DeliveryStatus Status,
    int? ReplyCode,
    string? EnhancedStatusCode,
    string Detail);
