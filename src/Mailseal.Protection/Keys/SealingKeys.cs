using System.Security.Cryptography;
using Mailseal.Core.Keys;

namespace Mailseal.Protection.Keys;

/// <summary>
/// The key material one sealing needs: the active wrapping public key, the active signing key and the
/// active recipient-hash secret, all of one crypto mode. The RSA objects are cached and shared:
/// callers must not dispose them.
/// </summary>
public sealed record SealingKeys(
    Guid TenantId,
    CryptoMode Mode,
    string WrappingKeyId,
    RSA WrappingPublicKey,
    string SigningKeyId,
    RSA SigningPrivateKey,
    string RecipientHashKeyId,
    byte[] RecipientHashSecret);
