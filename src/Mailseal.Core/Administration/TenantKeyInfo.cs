using Mailseal.Core.Keys;

namespace Mailseal.Core.Administration;

/// <summary>
/// A tenant key as Get-OMEKey shows it: never a secret or private key. <see cref="State"/> is active (seals),
/// unseal-only (older, not retired) or retired; <see cref="Warning"/> is set for legacy crypto mode 1 keys.
/// </summary>
public sealed record TenantKeyInfo(
    string Id,
    KeyPurpose Purpose,
    CryptoMode Mode,
    int KeySizeBits,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt,
    string State,
    string? Warning);
