using System.Security.Cryptography;
using Mailseal.Core.Keys;
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
/// cached by the key ring after the first use. One pair spools to temporary files (what the gateway and
/// the CLI do), one to memory (the cost of the work without the file system).
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
        FileSealer = NewSealer(options, TempFileSpool);
        MemorySealer = NewSealer(options, MemorySpool);
        FileUnsealer = new MessageUnsealer(new EnvelopeUnsealer(ring, options), TempFileSpool);
        MemoryUnsealer = new MessageUnsealer(new EnvelopeUnsealer(ring, options), MemorySpool);
    }

    public MessageSealer FileSealer { get; }

    public MessageSealer MemorySealer { get; }

    public MessageUnsealer FileUnsealer { get; }

    public MessageUnsealer MemoryUnsealer { get; }

    public static MessageSealRequest Request { get; } = new("alice@example.org", ["bob@example.net"]);

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

    /// <summary>A temporary file deleted on close, as the hosts spool.</summary>
    public static Stream TempFileSpool() => new FileStream(
        Path.Combine(Path.GetTempPath(), $".mailseal-bench-{Guid.NewGuid():N}.tmp"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    public static Stream MemorySpool() => new MemoryStream();

    public async ValueTask DisposeAsync()
    {
        _ring.Dispose();
        await _storage.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private MessageSealer NewSealer(ProtectionOptions options, SpoolFactory spool) => new(
        new EnvelopeSealer(_ring, options, TimeProvider.System),
        new WrapperMailBuilder(() => spool()),
        _storage.Branding,
        options,
        spool);
}
