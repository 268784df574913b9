using BenchmarkDotNet.Attributes;

namespace Mailseal.Benchmarks;

/// <summary>The RSA-2048 operations alone: the fixed cost every seal and unseal must pay.</summary>
[Config(typeof(BenchmarkJob))]
public class RsaBenchmarks : IDisposable
{
    private RawBound _raw = null!;

    [GlobalSetup]
    public void Setup() => _raw = new RawBound();

    [GlobalCleanup]
    public void Dispose()
    {
        _raw.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "RSA sign + wrap")]
    public byte[] SignAndWrap()
    {
        _ = _raw.Sign();
        return _raw.Wrap();
    }

    [Benchmark(Description = "RSA verify + unwrap")]
    public byte[] VerifyAndUnwrap() => _raw.Verify() ? _raw.Unwrap() : [];
}
