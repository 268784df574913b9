using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailseal.Delivery.Dkim;

/// <summary>MimeKit's DKIM signer (canonicalization, header selection, the field itself) with the RSA done by the platform.</summary>
internal sealed class PlatformRsaDkimSigner(DkimSigningKey key)
    : DkimSigner(key.PrivateKey, key.Domain, key.Selector, DkimSignatureAlgorithm.RsaSha256)
{
    protected override ISigner CreateSigningContext() => new PlatformRsaSha256Signer(key.Rsa);
}
