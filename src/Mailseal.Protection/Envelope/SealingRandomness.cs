using System.Security.Cryptography;
using Mailseal.Protection.Keys;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// Every random choice of sealing, in one place, so that a test can replay the worked example of
/// docs/envelope-format.md byte for byte. Production uses <see cref="Default"/>.
/// </summary>
internal class SealingRandomness
{
    public static readonly SealingRandomness Default = new();

    public virtual void FillContentKey(Span<byte> key) => RandomNumberGenerator.Fill(key);

    public virtual void FillNoncePrefix(Span<byte> prefix) => RandomNumberGenerator.Fill(prefix);

    public virtual void FillEnvelopeId(Span<byte> id) => RandomNumberGenerator.Fill(id);

    /// <summary>RSA-OAEP, randomised by its seed.</summary>
    public virtual byte[] WrapContentKey(RSA wrappingKey, ReadOnlySpan<byte> contentKey, CryptoSuite suite) =>
        wrappingKey.Encrypt(contentKey, suite.WrapPadding);

    /// <summary>RSA-PSS, randomised by its salt (salt length = hash length).</summary>
    public virtual byte[] SignLicense(RSA signingKey, byte[] license, CryptoSuite suite) =>
        signingKey.SignData(license, suite.Hash, suite.SignaturePadding);
}
