namespace Mailseal.Delivery;

/// <summary>
/// One copy to deliver: the envelope and the RFC 5322 bytes (CRLF line endings), which are relayed exactly
/// as read. The caller owns <see cref="Content"/> and disposes it after delivery.
/// </summary>
/// <param name="Sender">The envelope sender (MAIL FROM); empty for bounces and other null-sender mail.</param>
/// <param name="Recipients">The envelope recipients (RCPT TO), at least one.</param>
/// <param name="Content">The message, read from its current position to the end. Signing needs it seekable.</param>
public sealed record OutboundMessage(string Sender, IReadOnlyList<string> Recipients, Stream Content)
{
    /// <summary>Throws <see cref="ArgumentException"/> for an envelope that cannot be written safely or unreadable content.</summary>
    internal void Validate()
    {
        new OutboundEnvelope(Sender, Recipients).Validate();
        ValidateContent();
    }

    /// <summary>Throws <see cref="ArgumentException"/> for unreadable content: for an envelope checked already.</summary>
    internal void ValidateContent()
    {
        ArgumentNullException.ThrowIfNull(Content);
        if (!Content.CanRead)
        {
            throw new ArgumentException("The message stream is not readable.", nameof(Content));
        }
    }
}
