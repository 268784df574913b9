using Mailseal.Protection.Envelope;
using Mailseal.Testing;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>
/// Sealing and unsealing 25 MB allocate a small, fixed amount, not copies of the message. Runs alone
/// (its collection disables parallelism) because it counts the process's allocations.
/// </summary>
[Collection(nameof(EnvelopeMemoryTests))]
[CollectionDefinition(nameof(EnvelopeMemoryTests), DisableParallelization = true)]
public sealed class EnvelopeMemoryTests
{
    private const long MessageLength = 25L * 1024 * 1024;
    private const long AllocationBound = 2 * 1024 * 1024;

    [Fact]
    public async Task SealAndUnseal_TwentyFiveMegabytes_AllocateFarLessThanTheMessage()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("large.envelope");
        var ring = TestKeyRing.Create();
        var sealer = EnvelopeKit.Sealer(ring);
        var unsealer = new EnvelopeUnsealer(ring, EnvelopeKit.Options());
        await WarmUpAsync(sealer, unsealer);

        var beforeSeal = GC.GetTotalAllocatedBytes(precise: true);
        await using (var file = File.Create(path))
        {
            await sealer.SealAsync(new GeneratedStream(MessageLength, 3), EnvelopeKit.Request(), file);
        }

        var sealAllocated = GC.GetTotalAllocatedBytes(precise: true) - beforeSeal;
        var sink = new HashingStream();
        var beforeUnseal = GC.GetTotalAllocatedBytes(precise: true);
        await using (var file = File.OpenRead(path))
        {
            await unsealer.UnsealAsync(file, sink);
        }

        var unsealAllocated = GC.GetTotalAllocatedBytes(precise: true) - beforeUnseal;

        Assert.Equal(MessageLength, sink.BytesWritten);
        Assert.InRange(sealAllocated, 0, AllocationBound);
        Assert.InRange(unsealAllocated, 0, AllocationBound);
    }

    /// <summary>First use loads code and fills pools; that is not what this test measures.</summary>
    private static async Task WarmUpAsync(EnvelopeSealer sealer, EnvelopeUnsealer unsealer)
    {
        using var envelope = new MemoryStream();
        await sealer.SealAsync(new GeneratedStream(200_000, 5), EnvelopeKit.Request(), envelope);
        envelope.Position = 0;
        await unsealer.UnsealAsync(envelope, Stream.Null);
    }
}
