namespace Mailseal.Delivery;

/// <summary>One <see cref="RecipientResult"/> per recipient of the copy, in the order they were given.</summary>
public sealed class DeliveryResult
{
    public DeliveryResult(IReadOnlyList<RecipientResult> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        Recipients = recipients;
    }

    public IReadOnlyList<RecipientResult> Recipients { get; }

    /// <summary>True when every recipient was delivered.</summary>
    public bool AllDelivered => Recipients.All(r => r.Status == DeliveryStatus.Delivered);

    /// <summary>True when any recipient failed transiently: over SMTP the caller must answer 4xx.</summary>
    public bool AnyTransientFailure => Recipients.Any(r => r.Status == DeliveryStatus.TransientFailure);

    /// <summary>The same outcome for every recipient.</summary>
    public static DeliveryResult ForAll(
        IEnumerable<string> recipients, DeliveryStatus status, string detail, int? replyCode = null, string? enhancedStatusCode = null)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        return new DeliveryResult(
            recipients.Select(r => new RecipientResult(r, status, replyCode, enhancedStatusCode, detail)).ToList());
    }
}
