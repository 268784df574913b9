namespace Mailseal.Core.Keys;

/// <summary>
/// A tenant key as the store holds it. The secret half (RSA private key as PKCS#8, or the HMAC secret)
/// is only ever stored sealed under the operator's key-encryption key, so a database dump alone never
/// yields it.
/// </summary>
/// <param name="Id">Stable identifier named by every envelope that uses the key.</param>
/// <param name="Purpose">What the key is for.</param>
/// <param name="Mode">Algorithm suite (RSA keys); <see cref="CryptoMode.Mode2"/> for HMAC secrets.</param>
/// <param name="KeySizeBits">RSA modulus size, or the HMAC secret's size in bits.</param>
/// <param name="CreatedAt">When the key was made or imported.</param>
/// <param name="RetiredAt">When the key was retired from sealing; retired keys still unseal.</param>
/// <param name="PublicKey">SubjectPublicKeyInfo (DER) for RSA keys; empty for HMAC secrets.</param>
/// <param name="ProtectedSecret">The secret half, sealed under the key-encryption key.</param>
/// <param name="KekId">Identifies the key-encryption key that sealed <paramref name="ProtectedSecret"/>.</param>
public sealed record KeyRecord(
    string Id,
    KeyPurpose Purpose,
    CryptoMode Mode,
    int KeySizeBits,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt,
    byte[] PublicKey,
    byte[] ProtectedSecret,
    string KekId)
{
    public bool IsRetired => RetiredAt is not null;
}
