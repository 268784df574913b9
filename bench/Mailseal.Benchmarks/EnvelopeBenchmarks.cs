using BenchmarkDotNet.Attributes;

namespace Mailseal.Benchmarks;

/// <summary>
/// Seal and unseal of whole messages beside the raw bound over the same bytes. Both stream in one pass,
/// with no spool, as the gateway and the CLI run them.
/// </summary>
[Config(typeof(BenchmarkJob))]
public class EnvelopeBenchmarks : IDisposable
{
    private SealingHarness _harness = null!;
    private RawBound _raw = null!;
    private byte[] _message = null!;
    private byte[] _wrapper = null!;
    private byte[] _encodedCiphertext = null!;

    /// <summary>50 KB, 1 MB and 25 MB (decimal, under the 25 MiB limit).</summary>
    [Params(50_000, 1_000_000, 25_000_000)]
    public int MessageBytes { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _harness = await SealingHarness.CreateAsync();
        _raw = new RawBound();
        _message = SampleMessage.Create(MessageBytes);
        using var wrapper = new MemoryStream();
        await _harness.Sealer.SealAsync(new MemoryStream(_message, writable: false), SealingHarness.Request, wrapper);
        _wrapper = wrapper.ToArray();
        _encodedCiphertext = _raw.EncodedCiphertext(_message);

        // One unseal warms the key ring's caches for unsealing too.
        using var roundTrip = new MemoryStream();
        await _harness.Unsealer.UnsealAsync(new MemoryStream(_wrapper, writable: false), roundTrip);
        if (!roundTrip.ToArray().AsSpan().SequenceEqual(_message))
        {
            throw new InvalidOperationException("The round trip did not give the message back.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _raw.Dispose();
        _harness.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "Seal")]
    public Task Seal() =>
        _harness.Sealer.SealAsync(new MemoryStream(_message, writable: false), SealingHarness.Request, Stream.Null);

    [Benchmark(Description = "Raw seal bound")]
    public byte[] RawSealBound()
    {
        _raw.EncryptAndEncode(_message);
        _ = _raw.Sign();
        return _raw.Wrap();
    }

    [Benchmark(Description = "Unseal")]
    public Task Unseal() =>
        _harness.Unsealer.UnsealAsync(new MemoryStream(_wrapper, writable: false), Stream.Null);

    [Benchmark(Description = "Raw unseal bound")]
    public long RawUnsealBound()
    {
        var length = _raw.DecodeAndDecrypt(_encodedCiphertext);
        return _raw.Verify() ? length + _raw.Unwrap().Length : -1;
    }
}
