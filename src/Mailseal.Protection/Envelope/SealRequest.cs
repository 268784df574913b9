namespace Mailseal.Protection.Envelope;

/// <summary>What the sealer needs besides the message bytes.</summary>
/// <param name="Sender">Sender address, recorded in the license.</param>
/// <param name="Recipients">Envelope recipients (RCPT addresses); stored only as keyed hashes.</param>
/// <param name="OriginalMessageId">Message-ID of the message, if any.</param>
/// <param name="Language">Sender language, a BCP 47 tag such as "en" or "de-CH".</param>
/// <param name="BrandingTemplate">Name of the OME configuration for the wrapper.</param>
/// <param name="ExpiresAt">Optional expiry; kept to whole seconds.</param>
public sealed record SealRequest(
    string Sender,
    IReadOnlyCollection<string> Recipients,
    string? OriginalMessageId,
    string Language,
    string BrandingTemplate,
    DateTimeOffset? ExpiresAt = null);
