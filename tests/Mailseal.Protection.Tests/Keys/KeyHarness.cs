using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Mailseal.Storage;
using Mailseal.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mailseal.Protection.Tests.Keys;

/// <summary>A key manager and key ring over a real SQLite store in a temporary data folder.</summary>
internal sealed class KeyHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private KeyHarness(TempDirectory directory, MailsealStorage storage, KeyEncryptionKey kek, bool allowLegacyMode1)
    {
        _directory = directory;
        Storage = storage;
        Kek = kek;
        Options = Microsoft.Extensions.Options.Options.Create(new ProtectionOptions { AllowLegacyMode1 = allowLegacyMode1 });
        Manager = new KeyManager(storage.Keys, storage.Tenants, new KeyProtector(kek), Options, TimeProvider.System, NullLogger<KeyManager>.Instance);
        Ring = NewRing(kek);
    }

    public MailsealStorage Storage { get; }

    public KeyEncryptionKey Kek { get; }

    public IOptions<ProtectionOptions> Options { get; }

    public KeyManager Manager { get; }

    public TenantKeyRing Ring { get; }

    public static async Task<KeyHarness> CreateAsync(bool allowLegacyMode1 = false)
    {
        var directory = new TempDirectory();
        var storage = MailsealStorage.Open(new StorageOptions { DataDirectory = directory.Path }, NullLoggerFactory.Instance);
        await storage.MigrateAsync();
        return new KeyHarness(directory, storage, new KeyEncryptionKey(RandomNumberGenerator.GetBytes(32)), allowLegacyMode1);
    }

    /// <summary>Another ring over the same store, as a second node would have.</summary>
    public TenantKeyRing NewRing(KeyEncryptionKey kek) =>
        new(Storage.Keys, Storage.Tenants, new KeyProtector(kek), Options, TimeProvider.System, NullLogger<TenantKeyRing>.Instance);

    public async ValueTask DisposeAsync()
    {
        Ring.Dispose();
        await Storage.DisposeAsync();
        _directory.Dispose();
    }
}
