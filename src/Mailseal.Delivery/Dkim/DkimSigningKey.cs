using System.Security.Cryptography;

namespace Mailseal.Delivery.Dkim;

/// <summary>An opened DKIM key in the platform's RSA (OpenSSL), shared by concurrent signatures like the tenant keys.</summary>
internal sealed record DkimSigningKey(string Domain, string Selector, RSA Rsa);
