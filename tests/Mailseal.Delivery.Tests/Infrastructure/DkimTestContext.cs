using System.Security.Cryptography;
using System.Text;
using Mailseal.Core.Keys;
using Mailseal.Delivery.Dkim;
using Mailseal.Protection;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;
using Mailseal.Protection.Wrapper;
using Mailseal.Storage;
using Mailseal.Testing.Logging;
using Mailseal.Testing;
using Mailseal.Testing.Dkim;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Mailseal.Delivery.Tests.Infrastructure;

/// <summary>
/// A migrated SQLite store in a temporary folder, the DKIM key manager and signer over it, the published records
/// (for MimeKit's verifier and for dkimpy), and a message sealer that makes wrappers as the gateway does.
/// </summary>
public sealed class DkimTestContext : IAsyncLifetime, IDisposable
{
    private TempDirectory? _temp;
    private MailsealStorage? _storage;
    private TenantKeyRing? _ring;

    internal DkimKeyManager Keys { get; private set; } = null!;

    internal DkimMessageSigner Signer { get; private set; } = null!;

    internal MessageSealer Sealer { get; private set; } = null!;

    internal RecordingLogger<DkimSigningKeys> SigningLog { get; } = new();

    internal InMemoryDkimPublicKeyLocator Locator { get; } = new();

    /// <summary>The DNS TXT records published so far, by name.</summary>
    internal IReadOnlyDictionary<string, string> Records => Locator.Records;

    public async Task InitializeAsync()
    {
        _temp = new TempDirectory();
        _storage = MailsealStorage.Open(new StorageOptions { DataDirectory = _temp.Combine("data") }, NullLoggerFactory.Instance);
        await _storage.MigrateAsync();
        var protector = new KeyProtector(new KeyEncryptionKey(RandomNumberGenerator.GetBytes(KeyEncryptionKey.SizeInBytes)));
        Keys = new DkimKeyManager(_storage.DkimKeys, protector, TimeProvider.System, NullLogger<DkimKeyManager>.Instance);
        Signer = new DkimMessageSigner(
            new DkimSigningKeys(_storage.DkimKeys, Keys, TimeProvider.System, SigningLog), TimeProvider.System, NullLogger<DkimMessageSigner>.Instance);

        var options = Options.Create(new ProtectionOptions());
        var tenantKeys = new KeyManager(_storage.Keys, _storage.Tenants, protector, options, TimeProvider.System, NullLogger<KeyManager>.Instance);
        await tenantKeys.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        _ring = new TenantKeyRing(_storage.Keys, _storage.Tenants, protector, options, TimeProvider.System, NullLogger<TenantKeyRing>.Instance);
        Sealer = new MessageSealer(new EnvelopeSealer(_ring, options.Value, TimeProvider.System), new WrapperMailBuilder(),
            new BrandingTemplateCache(_storage.Branding, TimeProvider.System), options.Value);
    }

    /// <summary>Makes a key for <paramref name="domain"/> (once) and publishes its record.</summary>
    internal async Task EnsureKeyAsync(string domain, int bits = 1024)
    {
        var normalized = DkimDomain.Normalize(domain);
        if ((await Keys.ListAsync()).Any(k => string.Equals(k.Domain, normalized, StringComparison.Ordinal)))
        {
            return;
        }

        var key = await Keys.CreateAsync(domain, "test", bits);
        Locator.Publish(key.DnsName, DkimDnsRecord.Value(key));
    }

    /// <summary>Signs <paramref name="original"/> (read through <paramref name="content"/> when given) and splits off the field.</summary>
    internal async Task<(string Field, byte[] Message)> SignAsync(byte[] original, Stream? content = null)
    {
        var message = new OutboundMessage("alice@example.com", ["bob@example.net"], content ?? new MemoryStream(original));
        var signed = await Signer.SignAsync(message, CancellationToken.None);
        Assert.NotSame(message, signed);
        using var all = new MemoryStream();
        await signed.Content.CopyToAsync(all);
        var bytes = all.ToArray();
        var end = bytes.Length - original.Length;
        return (Encoding.ASCII.GetString(bytes, 0, end), bytes[end..]);
    }

    /// <summary>Whether MimeKit's verifier accepts the first DKIM-Signature field of <paramref name="signed"/>.</summary>
    internal async Task<bool> VerifyWithMimeKitAsync(byte[] signed)
    {
        using var parsed = MimeMessage.Load(new MemoryStream(signed));
        var field = parsed.Headers.First(h => h.Id == HeaderId.DkimSignature);
        return await new DkimVerifier(Locator).VerifyAsync(parsed, field);
    }

    public async Task DisposeAsync()
    {
        _ring?.Dispose();
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _temp?.Dispose();
}
