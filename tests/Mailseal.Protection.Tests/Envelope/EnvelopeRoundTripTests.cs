using System.Security.Cryptography;
using Mailseal.Protection.Envelope;
using Mailseal.Testing;

namespace Mailseal.Protection.Tests.Envelope;

public sealed class EnvelopeRoundTripTests
{
    private const int Segment = EnvelopeFormat.DefaultSegmentSize;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Segment - 1)]
    [InlineData(Segment)]
    [InlineData(Segment + 1)]
    [InlineData(2 * Segment)]
    [InlineData((3 * Segment) + 12_345)]
    public async Task SealAsync_ThenUnsealAsync_ReturnsIdenticalBytes(int length)
    {
        var ring = TestKeyRing.Create();
        var message = EnvelopeKit.RandomMessage(length);

        var (envelope, _) = await EnvelopeKit.SealAsync(ring, message);
        var unsealed = await EnvelopeKit.UnsealAsync(ring, envelope);

        Assert.Equal(message, unsealed);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(Segment - 1, 1)]
    [InlineData(Segment, 2)]
    [InlineData((2 * Segment) + 1, 3)]
    public async Task SealAsync_SegmentCount_FollowsTheLastSegmentRule(int length, int expectedSegments)
    {
        var ring = TestKeyRing.Create();

        var (envelope, _) = await EnvelopeKit.SealAsync(ring, EnvelopeKit.RandomMessage(length));

        var segmentBytes = envelope.Length - EnvelopeKit.SegmentsOffset(envelope);
        Assert.Equal(length + (expectedSegments * EnvelopeFormat.TagBytes), segmentBytes);
    }

    [Fact]
    public async Task SealAsync_TwentyFiveMegabytes_StreamsThroughFilesAndRoundTrips()
    {
        const long length = 25L * 1024 * 1024;
        using var temp = new TempDirectory();
        var path = temp.Combine("message.envelope");
        var ring = TestKeyRing.Create();
        var expected = new HashingStream();
        await new GeneratedStream(length, 42).CopyToAsync(expected);

        await using (var file = File.Create(path))
        {
            await EnvelopeKit.Sealer(ring).SealAsync(new GeneratedStream(length, 42), EnvelopeKit.Request(), file);
        }

        var actual = new HashingStream();
        await using (var file = File.OpenRead(path))
        {
            await new EnvelopeUnsealer(ring, EnvelopeKit.Options()).UnsealAsync(file, actual);
        }

        Assert.Equal(length, actual.BytesWritten);
        Assert.Equal(expected.Hash(), actual.Hash());
        var segments = (length / Segment) + 1;
        Assert.True(new FileInfo(path).Length > length + (segments * EnvelopeFormat.TagBytes));
    }

    [Fact]
    public async Task SealAsync_License_RecordsTheRequestAndKeys()
    {
        var ring = TestKeyRing.Create();
        var request = EnvelopeKit.Request("anna@example.org") with { ExpiresAt = EnvelopeKit.Now.AddDays(7).AddMilliseconds(250) };

        var (envelope, sealedLicense) = await EnvelopeKit.SealAsync(ring, [1, 2, 3], request: request);
        var verified = await new EnvelopeUnsealer(ring, EnvelopeKit.Options()).VerifyAsync(new MemoryStream(envelope));

        Assert.Equal(EnvelopeFormat.Version, verified.Version);
        Assert.Equal(ring.TenantId, verified.TenantId);
        Assert.Equal(EnvelopeFormat.EnvelopeIdBytes, verified.EnvelopeId.Length);
        Assert.Equal("<m1@example.org>", verified.OriginalMessageId);
        Assert.Equal("sender@example.org", verified.Sender);
        Assert.Equal(EnvelopeKit.Now, verified.CreatedAt);
        Assert.Equal(EnvelopeKit.Now.AddDays(7), verified.ExpiresAt);
        Assert.Equal("en", verified.Language);
        Assert.Equal("OME Configuration", verified.BrandingTemplate);
        Assert.Equal(("wrap-a", "sign-a", "rh-a"), (verified.WrappingKeyId, verified.SigningKeyId, verified.RecipientHashKeyId));
        Assert.Equal(Segment, verified.SegmentSize);
        Assert.Equal(256, verified.WrappedContentKey.Length);
        Assert.Equal(sealedLicense.EnvelopeIdHex, verified.EnvelopeIdHex);
        Assert.Equal(sealedLicense.NoncePrefix.AsSpan().ToArray(), verified.NoncePrefix.AsSpan().ToArray());
        Assert.Equal(RecipientHasher.Hash("anna@example.org", ring.Active!.RecipientHashSecret), verified.RecipientHashes.Single().AsSpan().ToArray());
    }

    [Fact]
    public async Task SealAsync_TwoSealsOfOneMessage_DifferInKeyNonceAndId()
    {
        var ring = TestKeyRing.Create();
        var message = EnvelopeKit.RandomMessage(100);

        var (first, firstLicense) = await EnvelopeKit.SealAsync(ring, message);
        var (second, secondLicense) = await EnvelopeKit.SealAsync(ring, message);

        Assert.NotEqual(firstLicense.EnvelopeIdHex, secondLicense.EnvelopeIdHex);
        Assert.NotEqual(firstLicense.NoncePrefix.AsSpan().ToArray(), secondLicense.NoncePrefix.AsSpan().ToArray());
        Assert.NotEqual(
            first.AsSpan(EnvelopeKit.SegmentsOffset(first)).ToArray(),
            second.AsSpan(EnvelopeKit.SegmentsOffset(second)).ToArray());
        Assert.Equal(SHA256.HashData(message), SHA256.HashData(await EnvelopeKit.UnsealAsync(ring, second)));
    }

    [Fact]
    public async Task ReadLicenseUnverifiedAsync_SealedEnvelope_ReturnsTheLicenseWithoutKeys()
    {
        var ring = TestKeyRing.Create();
        var (envelope, license) = await EnvelopeKit.SealAsync(ring, [9], request: EnvelopeKit.Request("a@example.org", "b@example.org"));

        var read = await EnvelopeReader.ReadLicenseUnverifiedAsync(new MemoryStream(envelope));

        Assert.Equal(license.EnvelopeIdHex, read.EnvelopeIdHex);
        Assert.Equal(2, read.RecipientHashes.Length);
    }

    [Fact]
    public async Task ReadLicenseUnverifiedAsync_NotAnEnvelope_ThrowsUniformError()
    {
        var error = await Assert.ThrowsAsync<EnvelopeInvalidException>(
            () => EnvelopeReader.ReadLicenseUnverifiedAsync(new MemoryStream("From: a@b\r\n\r\nhello"u8.ToArray())));

        Assert.Equal(EnvelopeInvalidException.UniformMessage, error.Message);
    }
}
