using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Protection.Branding;
using Mailseal.Protection;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;
using Mailseal.Protection.Wrapper;
using Mailseal.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mailseal.Benchmarks;

/// <summary>
/// The sealer and unsealer as a host wires them: real keys in a SQLite store in a temporary data folder,
/// cached by the key ring after the first use. Sealing and unsealing stream in one pass, with no spool.
/// </summary>
public sealed class SealingHarness : IAsyncDisposable
{
    private readonly string _directory;
    private readonly MailsealStorage _storage;
    private readonly TenantKeyRing _ring;

    private SealingHarness(string directory, MailsealStorage storage, TenantKeyRing ring, ProtectionOptions options)
    {
        _directory = directory;
        _storage = storage;
        _ring = ring;
        EnvelopeSealer = new EnvelopeSealer(ring, options, TimeProvider.System);
        EnvelopeUnsealer = new EnvelopeUnsealer(ring, options);
        Sealer = new MessageSealer(
            EnvelopeSealer, new WrapperMailBuilder(), new BrandingTemplateCache(storage.Branding, TimeProvider.System), options);
        Unsealer = new MessageUnsealer(EnvelopeUnsealer);
    }

    public MessageSealer Sealer { get; }

    public MessageUnsealer Unsealer { get; }

    public EnvelopeSealer EnvelopeSealer { get; }

    /// <summary>The envelope layer alone, as the portal uses it (no wrapper mail).</summary>
    public EnvelopeUnsealer EnvelopeUnsealer { get; }

    public static MessageSealRequest Request { get; } = new("alice@example.org", ["bob@example.net"]);

    /// <summary>The envelope (not the wrapper mail) of <paramref name="message"/> for bob@example.net.</summary>
    public async Task<byte[]> SealEnvelopeAsync(byte[] message)
    {
        using var envelope = new MemoryStream();
        await EnvelopeSealer.SealAsync(
            new MemoryStream(message, writable: false),
            new SealRequest(Request.Sender, Request.Recipients, null, Request.Language, Request.BrandingTemplate),
            envelope);
        return envelope.ToArray();
    }

    public static async Task<SealingHarness> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("mailseal-bench-").FullName;
        var storage = MailsealStorage.Open(new StorageOptions { DataDirectory = directory }, NullLoggerFactory.Instance);
        await storage.MigrateAsync();
        var options = Options.Create(new ProtectionOptions());
        var protector = new KeyProtector(new KeyEncryptionKey(RandomNumberGenerator.GetBytes(32)));
        var manager = new KeyManager(storage.Keys, storage.Tenants, protector, options, TimeProvider.System, NullLogger<KeyManager>.Instance);
        await manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        var ring = new TenantKeyRing(storage.Keys, storage.Tenants, protector, options, TimeProvider.System, NullLogger<TenantKeyRing>.Instance);
        return new SealingHarness(directory, storage, ring, options.Value);
    }

    public async ValueTask DisposeAsync()
    {
        _ring.Dispose();
        await _storage.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
