using Org.BouncyCastle.Crypto;

namespace Mailseal.Delivery.Dkim;

/// <summary>An opened DKIM key, ready for MimeKit's signer.</summary>
internal sealed record DkimSigningKey(string Domain, string Selector, AsymmetricKeyParameter PrivateKey);
