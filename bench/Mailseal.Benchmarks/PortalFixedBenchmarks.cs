using BenchmarkDotNet.Attributes;
using Mailseal.Portal.Viewing;

namespace Mailseal.Benchmarks;

/// <summary>
/// The portal's size-independent costs: an arrival (the license read and its signature verified, nothing
/// decrypted) beside one RSA-2048 verification; and the fixed parts of a view: one RSA-2048 OAEP decrypt of the
/// content key and sanitising the sample body.
/// </summary>
[Config(typeof(BenchmarkJob))]
// Sanitising runs through a great deal of AngleSharp code that the JIT is still recompiling after three warm-up
// iterations (every run with three got faster iteration by iteration, and fifteen left the view still falling);
// a portal serves in its steady state.
[WarmupCount(40)]
[IterationCount(12)]
public class PortalFixedBenchmarks : IDisposable
{
    private static readonly Dictionary<string, InlineImage> Images = new(StringComparer.Ordinal)
    {
        [PortalSampleMessage.ImageContentId] = new InlineImage("image/png", PortalSampleMessage.Image),
    };

    private SealingHarness _harness = null!;
    private RawBound _raw = null!;
    private byte[] _envelope = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _harness = await SealingHarness.CreateAsync();
        _raw = new RawBound();
        _envelope = await _harness.SealEnvelopeAsync(PortalSampleMessage.Create(50_000));
        await Arrival();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _raw.Dispose();
        _harness.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    /// <summary>The arrival's check of a 50 KB envelope: license read, tenant and key found, signature verified.</summary>
    [Benchmark(Description = "Arrival (verify license)")]
    public Task Arrival() => _harness.EnvelopeUnsealer.VerifyAsync(new MemoryStream(_envelope, writable: false));

    [Benchmark(Description = "RSA verify")]
    public bool RsaVerify() => _raw.Verify();

    [Benchmark(Description = "RSA decrypt (unwrap)")]
    public byte[] RsaDecrypt() => _raw.Unwrap();

    [Benchmark(Description = "Sanitise body")]
    public string Sanitize() => BodySanitizer.Sanitize(PortalSampleMessage.Html, Images);
}
