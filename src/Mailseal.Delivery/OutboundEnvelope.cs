namespace Mailseal.Delivery;

/// <summary>The envelope of a copy (MAIL FROM and RCPT TO), checked before any of it is written to the next hop.</summary>
/// <param name="Sender">The envelope sender; empty for bounces and other null-sender mail.</param>
/// <param name="Recipients">The envelope recipients, at least one.</param>
public sealed record OutboundEnvelope(string Sender, IReadOnlyList<string> Recipients)
{
    /// <summary>Throws <see cref="ArgumentException"/> for an envelope that cannot be written safely.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Sender);
        ArgumentNullException.ThrowIfNull(Recipients);
        if (Recipients.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(Recipients));
        }

        CheckAddress(Sender, allowEmpty: true);
        foreach (var recipient in Recipients)
        {
            CheckAddress(recipient, allowEmpty: false);
        }
    }

    /// <summary>This envelope with its content.</summary>
    public OutboundMessage With(Stream content) => new(Sender, Recipients, content);

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
