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
    /// <summary>Throws <see cref="ArgumentException"/> for an envelope that cannot be written safely.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Sender);
        ArgumentNullException.ThrowIfNull(Recipients);
        ArgumentNullException.ThrowIfNull(Content);
        if (Recipients.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(Recipients));
        }

        if (!Content.CanRead)
        {
            throw new ArgumentException("The message stream is not readable.", nameof(Content));
        }

        CheckAddress(Sender, allowEmpty: true);
        foreach (var recipient in Recipients)
        {
            CheckAddress(recipient, allowEmpty: false);
        }
    }

    // Addresses end up inside protocol lines and pickup headers: control characters, spaces and angle
    // brackets would let an address inject commands or header fields.
    private static void CheckAddress(string address, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Length == 0 && allowEmpty)
        {
            return;
        }

        if (address.Length == 0 || address.Any(c => char.IsControl(c) || c is ' ' or '<' or '>'))
        {
            throw new ArgumentException($"'{address}' is not a usable envelope address.", nameof(address));
        }
    }
}
