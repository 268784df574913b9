using System.Security.Cryptography;
using Mailseal.Core.Keys;

namespace Mailseal.Protection.Keys;

/// <summary>
/// The tenant's keys as sealing and unsealing use them: loaded from the store once, unsealed under the
/// key-encryption key, and cached as key objects (importing a key costs more than using it).
/// </summary>
public interface ITenantKeyRing
{
    /// <summary>
    /// The active keys for sealing. Throws <see cref="Sealing.SealingRefusedException"/> when there are
    /// none, when their modes differ, or when they are mode 1 and legacy mode is off.
    /// </summary>
    ValueTask<SealingKeys> GetSealingKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>The tenant this ring belongs to.</summary>
    ValueTask<Guid> GetTenantIdAsync(CancellationToken cancellationToken = default);

    /// <summary>A signing key's public half, retired or not; null when unknown here.</summary>
    ValueTask<TenantPublicKey?> FindVerificationKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>A wrapping key's private half, retired or not; null when unknown here.</summary>
    ValueTask<TenantPrivateKey?> FindUnwrappingKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>A recipient-hash secret, retired or not; null when unknown here.</summary>
    ValueTask<byte[]?> FindRecipientHashSecretAsync(string keyId, CancellationToken cancellationToken = default);
}

/// <summary>A cached public key with its mode. Shared: do not dispose.</summary>
public sealed record TenantPublicKey(string Id, CryptoMode Mode, RSA Key);

/// <summary>A cached private key with its mode. Shared: do not dispose.</summary>
public sealed record TenantPrivateKey(string Id, CryptoMode Mode, RSA Key);
