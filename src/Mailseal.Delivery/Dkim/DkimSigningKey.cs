using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// An opened DKIM key: <paramref name="PrivateKey"/> as MimeKit's signer takes it, and <paramref name="Rsa"/>, the same
/// key in the platform's RSA (OpenSSL), which computes the signatures and is shared by concurrent ones like the tenant keys.
/// </summary>
internal sealed record DkimSigningKey(string Domain, string Selector, AsymmetricKeyParameter PrivateKey, RSA Rsa);
