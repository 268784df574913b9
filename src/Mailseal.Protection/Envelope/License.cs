using System.Collections.Immutable;
using Mailseal.Core.Keys;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// The signed header of a sealed envelope: who sealed what for whom, under which keys. Its serialized
/// bytes (UTF-8 JSON, see docs/envelope-format.md) are what the signature covers.
/// </summary>
/// <param name="Version">Format version; always <see cref="EnvelopeFormat.Version"/>.</param>
/// <param name="TenantId">The tenant whose keys sealed the envelope.</param>
/// <param name="EnvelopeId">128 random bits naming this envelope.</param>
/// <param name="OriginalMessageId">Message-ID of the sealed message, when it had one.</param>
/// <param name="Sender">Sender address as given to the sealer.</param>
/// <param name="CreatedAt">When it was sealed (UTC, whole seconds).</param>
/// <param name="ExpiresAt">Optional expiry (UTC, whole seconds); the portal decides what it means.</param>
/// <param name="Language">Sender language (BCP 47 tag) for the texts around the envelope.</param>
/// <param name="BrandingTemplate">Name of the OME configuration used for the wrapper.</param>
/// <param name="Mode">Crypto mode of the wrapping and signing keys.</param>
/// <param name="WrappingKeyId">Key that wrapped the content key (RSA-OAEP).</param>
/// <param name="SigningKeyId">Key that signed the license (RSA-PSS).</param>
/// <param name="RecipientHashKeyId">Secret under which the recipients were hashed.</param>
/// <param name="NoncePrefix">The 7-byte STREAM nonce prefix.</param>
/// <param name="SegmentSize">Plaintext bytes per full segment.</param>
/// <param name="WrappedContentKey">The 256-bit content key, RSA-OAEP encrypted.</param>
/// <param name="RecipientHashes">HMAC-SHA256 of each distinct recipient's normal form, 32 bytes each.</param>
public sealed record License(
    int Version,
    Guid TenantId,
    ImmutableArray<byte> EnvelopeId,
    string? OriginalMessageId,
    string Sender,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string Language,
    string BrandingTemplate,
    CryptoMode Mode,
    string WrappingKeyId,
    string SigningKeyId,
    string RecipientHashKeyId,
    ImmutableArray<byte> NoncePrefix,
    int SegmentSize,
    ImmutableArray<byte> WrappedContentKey,
    ImmutableArray<ImmutableArray<byte>> RecipientHashes)
{
    /// <summary>The envelope id as lower-case hex, for logs and tracking.</summary>
    public string EnvelopeIdHex => Convert.ToHexStringLower(EnvelopeId.AsSpan());
}
