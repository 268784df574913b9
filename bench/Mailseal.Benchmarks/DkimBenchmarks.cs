using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Mailseal.Core.Keys;
using Mailseal.Delivery;
using Mailseal.Delivery.Dkim;
using Mailseal.Protection.Keys;
using Mailseal.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Security;

namespace Mailseal.Benchmarks;

/// <summary>
/// DKIM-signing the wrapper of a sealed 50 KB message (about 96 KB) from a spool file, as the gateway does: the
/// signer of today beside MimeKit's DkimSigner as Mailseal used it before, in the same run. RSA-2048 in both.
/// </summary>
[Config(typeof(BenchmarkJob))]
public class DkimBenchmarks : IDisposable
{
    private string _directory = null!;
    private MailsealStorage _storage = null!;
    private FileStream _spool = null!;
    private DkimMessageSigner _signer = null!;
    private MimeKitDkimBaseline _baseline = null!;
    private RSA _rsa = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("mailseal-bench-dkim-").FullName;
        _storage = MailsealStorage.Open(new StorageOptions { DataDirectory = _directory }, NullLoggerFactory.Instance);
        await _storage.MigrateAsync();
        var manager = new DkimKeyManager(_storage.DkimKeys, new KeyProtector(new KeyEncryptionKey(RandomNumberGenerator.GetBytes(32))),
            TimeProvider.System, NullLogger<DkimKeyManager>.Instance);
        var key = await manager.CreateAsync("example.org", "bench", 2048);
        _signer = new DkimMessageSigner(new DkimSigningKeys(_storage.DkimKeys, manager, TimeProvider.System, NullLogger<DkimSigningKeys>.Instance),
            TimeProvider.System, NullLogger<DkimMessageSigner>.Instance);
        var pkcs8 = manager.OpenPrivateKey(key);
        _rsa = RSA.Create();
        _rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        _baseline = new MimeKitDkimBaseline(PrivateKeyFactory.CreateKey(pkcs8), _rsa, key.Domain, key.Selector);

        await using (var harness = await SealingHarness.CreateAsync())
        {
            _spool = new FileStream(Path.Combine(_directory, "wrapper.eml"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
            await harness.Sealer.SealAsync(new MemoryStream(SampleMessage.Create(50_000), writable: false), SealingHarness.Request, _spool);
        }

        // One signature each opens the key and warms both paths.
        _ = SignWithMimeKit();
        if (await Sign() == 0)
        {
            throw new InvalidOperationException("The wrapper was not signed.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _spool.Dispose();
        _rsa.Dispose();
        _storage.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "DKIM sign 50 KB wrapper, MimeKit DkimSigner (before)")]
    public int SignWithMimeKit()
    {
        _spool.Position = 0;
        return _baseline.Sign(_spool).RawValue.Length;
    }

    [Benchmark(Description = "DKIM sign 50 KB wrapper, DkimMessageSigner")]
    public async Task<long> Sign()
    {
        _spool.Position = 0;
        var signed = await _signer.SignAsync(new OutboundMessage("alice@example.org", ["bob@example.net"], _spool), CancellationToken.None);
        return signed.Content.Length - _spool.Length;
    }
}
