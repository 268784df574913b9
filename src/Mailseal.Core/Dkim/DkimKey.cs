namespace Mailseal.Core.Dkim;

/// <summary>
/// A DKIM signing key of one sending domain as the store holds it. The private half (PKCS#8) is only ever
/// stored sealed under the operator's key-encryption key.
/// </summary>
/// <param name="Domain">The signing domain (d=), lower case, without a trailing dot.</param>
/// <param name="Selector">The selector (s=): the key is published at &lt;selector&gt;._domainkey.&lt;domain&gt;.</param>
/// <param name="CreatedAt">When the key was made; the newest key of a domain signs.</param>
/// <param name="KeySizeBits">RSA modulus size.</param>
/// <param name="PublicKey">SubjectPublicKeyInfo (DER), the p= value of the DNS record.</param>
/// <param name="ProtectedPrivateKey">The private key, sealed under the key-encryption key.</param>
/// <param name="KekId">Identifies the key-encryption key that sealed <paramref name="ProtectedPrivateKey"/>.</param>
public sealed record DkimKey(
    string Domain,
    string Selector,
    DateTimeOffset CreatedAt,
    int KeySizeBits,
    byte[] PublicKey,
    byte[] ProtectedPrivateKey,
    string KekId)
{
    /// <summary>The DNS name under which the public key is published.</summary>
    public string DnsName => $"{Selector}._domainkey.{Domain}";
}
