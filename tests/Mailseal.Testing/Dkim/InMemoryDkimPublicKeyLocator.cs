using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailseal.Testing.Dkim;

/// <summary>Answers DKIM key lookups from TXT record values held in memory instead of DNS.</summary>
public sealed class InMemoryDkimPublicKeyLocator : DkimPublicKeyLocatorBase
{
    private readonly Dictionary<string, string> _records = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Publishes <paramref name="txtValue"/> at &lt;selector&gt;._domainkey.&lt;domain&gt;.</summary>
    public void Publish(string dnsName, string txtValue) => _records[dnsName] = txtValue;

    /// <summary>The TXT record values published so far, by DNS name (for verifiers outside MimeKit).</summary>
    public IReadOnlyDictionary<string, string> Records => _records;

    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        _records.TryGetValue($"{selector}._domainkey.{domain}", out var value)
            ? GetPublicKey(value)
            : throw new InvalidOperationException($"No DKIM record for {selector}._domainkey.{domain}.");

    public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}
