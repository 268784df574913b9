using Mailseal.Protection.Envelope;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>Every change to a sealed envelope fails with the one uniform error and releases nothing unverified.</summary>
public sealed class EnvelopeTamperingTests
{
    // 64-byte segments: a 202-byte message makes three full segments (80 bytes sealed) and a last one of 10 (26).
    private const int SegmentSize = 64;
    private const int Sealed = SegmentSize + EnvelopeFormat.TagBytes;
    private static readonly byte[] Message = EnvelopeKit.RandomMessage((3 * SegmentSize) + 10);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(9)]
    public async Task UnsealAsync_PrefixByteFlipped_Throws(int offset)
    {
        var (ring, envelope) = await SealAsync();

        var (_, output) = await EnvelopeKit.UnsealFailingAsync(ring, EnvelopeKit.Flip(envelope, offset));

        Assert.Empty(output);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public async Task UnsealAsync_LicenseByteFlipped_ThrowsBeforeAnyOutput(double where)
    {
        var (ring, envelope) = await SealAsync();
        var offset = 10 + (int)(where * EnvelopeKit.LicenseLength(envelope));

        var (_, output) = await EnvelopeKit.UnsealFailingAsync(ring, EnvelopeKit.Flip(envelope, offset));
        var verify = new EnvelopeUnsealer(ring, EnvelopeKit.Options());

        Assert.Empty(output);
        await Assert.ThrowsAsync<EnvelopeInvalidException>(() => verify.VerifyAsync(new MemoryStream(EnvelopeKit.Flip(envelope, offset))));
    }

    [Fact]
    public async Task UnsealAsync_SignatureByteFlipped_ThrowsBadSignature()
    {
        var (ring, envelope) = await SealAsync();

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(ring, EnvelopeKit.Flip(envelope, EnvelopeKit.SignatureOffset(envelope) + 17));

        Assert.Equal(EnvelopeFailure.BadSignature, error.Cause);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(2, Sealed - 1)]
    [InlineData(3, 0)]
    [InlineData(3, 25)]
    public async Task UnsealAsync_SegmentByteFlipped_ReleasesOnlyEarlierSegments(int segment, int byteInSegment)
    {
        var (ring, envelope) = await SealAsync();
        var offset = EnvelopeKit.SegmentsOffset(envelope) + (segment * Sealed) + byteInSegment;

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(ring, EnvelopeKit.Flip(envelope, offset));

        Assert.Equal(EnvelopeFailure.BadSegment, error.Cause);
        Assert.Equal(Message.AsSpan(0, segment * SegmentSize).ToArray(), output);
    }

    [Fact]
    public async Task VerifyAsync_SegmentTampered_StillAcceptsTheLicense()
    {
        var (ring, envelope) = await SealAsync();
        var tampered = EnvelopeKit.Flip(envelope, envelope.Length - 1);

        var license = await new EnvelopeUnsealer(ring, EnvelopeKit.Options()).VerifyAsync(new MemoryStream(tampered));

        Assert.Equal(ring.TenantId, license.TenantId);
    }

    [Theory]
    [InlineData(-1, nameof(EnvelopeFailure.BadSegment))]
    [InlineData(-10, nameof(EnvelopeFailure.BadSegment))]
    [InlineData(-26, nameof(EnvelopeFailure.Truncated))]
    [InlineData(-26 - Sealed, nameof(EnvelopeFailure.Truncated))]
    [InlineData(-26 - 40, nameof(EnvelopeFailure.BadSegment))]
    public async Task UnsealAsync_TruncatedSegments_Throws(int cutFromEnd, string expected)
    {
        var (ring, envelope) = await SealAsync();

        var (error, _) = await EnvelopeKit.UnsealFailingAsync(ring, envelope[..^-cutFromEnd]);

        Assert.Equal(Enum.Parse<EnvelopeFailure>(expected), error.Cause);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(200)]
    public async Task UnsealAsync_TruncatedHeader_Throws(int keep)
    {
        var (ring, envelope) = await SealAsync();

        var (_, output) = await EnvelopeKit.UnsealFailingAsync(ring, envelope[..keep]);

        Assert.Empty(output);
    }

    [Fact]
    public async Task UnsealAsync_CutRightAfterTheSignature_ThrowsTruncated()
    {
        var (ring, envelope) = await SealAsync();

        var (error, _) = await EnvelopeKit.UnsealFailingAsync(ring, envelope[..EnvelopeKit.SegmentsOffset(envelope)]);

        Assert.Equal(EnvelopeFailure.Truncated, error.Cause);
    }

    [Fact]
    public async Task UnsealAsync_TwoSegmentsSwapped_ThrowsAtTheFirstOfThem()
    {
        var (ring, envelope) = await SealAsync();
        var start = EnvelopeKit.SegmentsOffset(envelope);
        var swapped = (byte[])envelope.Clone();
        envelope.AsSpan(start, Sealed).CopyTo(swapped.AsSpan(start + Sealed));
        envelope.AsSpan(start + Sealed, Sealed).CopyTo(swapped.AsSpan(start));

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(ring, swapped);

        Assert.Equal(EnvelopeFailure.BadSegment, error.Cause);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Sealed)]
    [InlineData(Sealed + 7)]
    public async Task UnsealAsync_TrailingBytes_Throws(int extra)
    {
        var (ring, envelope) = await SealAsync();

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(ring, [.. envelope, .. new byte[extra]]);

        Assert.Equal(EnvelopeFailure.BadSegment, error.Cause);
        Assert.Equal(3 * SegmentSize, output.Length);
    }

    [Fact]
    public async Task UnsealAsync_LicenseOfOneEnvelopeOnSegmentsOfAnother_Throws()
    {
        var (ring, first) = await SealAsync();
        var (second, _) = await EnvelopeKit.SealAsync(ring, Message, SegmentSize);
        byte[] spliced = [.. first.AsSpan(0, EnvelopeKit.SegmentsOffset(first)), .. second.AsSpan(EnvelopeKit.SegmentsOffset(second))];

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(ring, spliced);

        Assert.Equal(EnvelopeFailure.BadSegment, error.Cause);
        Assert.Empty(output);
    }

    [Fact]
    public async Task UnsealAsync_SegmentFromAnotherEnvelopeAtItsPlace_Throws()
    {
        var (ring, first) = await SealAsync();
        var (second, _) = await EnvelopeKit.SealAsync(ring, Message, SegmentSize);
        var spliced = (byte[])first.Clone();
        second.AsSpan(EnvelopeKit.SegmentsOffset(second) + Sealed, Sealed).CopyTo(spliced.AsSpan(EnvelopeKit.SegmentsOffset(first) + Sealed));

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(ring, spliced);

        Assert.Equal(EnvelopeFailure.BadSegment, error.Cause);
        Assert.Equal(Message.AsSpan(0, SegmentSize).ToArray(), output);
    }

    private static async Task<(TestKeyRing Ring, byte[] Envelope)> SealAsync()
    {
        var ring = TestKeyRing.Create();
        var (envelope, _) = await EnvelopeKit.SealAsync(ring, Message, SegmentSize);
        Assert.Equal(Message, await EnvelopeKit.UnsealAsync(ring, envelope));
        return (ring, envelope);
    }
}
