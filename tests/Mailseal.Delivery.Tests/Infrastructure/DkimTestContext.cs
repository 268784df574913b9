using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Delivery.Dkim;
using Mailseal.Protection.Keys;
using Mailseal.Storage;
using Mailseal.Testing.Logging;
using Mailseal.Testing;
using Mailseal.Testing.Dkim;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailseal.Delivery.Tests.Infrastructure;

/// <summary>A migrated SQLite store in a temporary folder, the DKIM key manager and signer over it, and a locator.</summary>
public sealed class DkimTestContext : IAsyncLifetime, IDisposable
{
    private TempDirectory? _temp;
    private MailsealStorage? _storage;

    internal DkimKeyManager Keys { get; private set; } = null!;

    internal DkimMessageSigner Signer { get; private set; } = null!;

    internal RecordingLogger<DkimSigningKeys> SigningLog { get; } = new();

    internal InMemoryDkimPublicKeyLocator Locator { get; } = new();

    public async Task InitializeAsync()
    {
        _temp = new TempDirectory();
        _storage = MailsealStorage.Open(new StorageOptions { DataDirectory = _temp.Combine("data") }, NullLoggerFactory.Instance);
        await _storage.MigrateAsync();
        var protector = new KeyProtector(new KeyEncryptionKey(RandomNumberGenerator.GetBytes(KeyEncryptionKey.SizeInBytes)));
        Keys = new DkimKeyManager(_storage.DkimKeys, protector, TimeProvider.System, NullLogger<DkimKeyManager>.Instance);
        Signer = new DkimMessageSigner(
            new DkimSigningKeys(_storage.DkimKeys, Keys, TimeProvider.System, SigningLog), NullLogger<DkimMessageSigner>.Instance);
    }

    /// <summary>Makes a key for <paramref name="domain"/> (once) and publishes its record to <see cref="Locator"/>.</summary>
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

    public async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _temp?.Dispose();
}
