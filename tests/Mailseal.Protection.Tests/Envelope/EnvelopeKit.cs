using System.Buffers.Binary;
using System.Security.Cryptography;
using Mailseal.Protection.Envelope;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>Sealing and unsealing in memory, and the layout of a sealed envelope, for the tests.</summary>
internal static class EnvelopeKit
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 57, 11, TimeSpan.Zero);

    public static ProtectionOptions Options(bool allowLegacy = false) => new() { AllowLegacyMode1 = allowLegacy };

    public static SealRequest Request(params string[] recipients) =>
        new("sender@example.org", recipients.Length == 0 ? ["anna@example.org"] : recipients, "<m1@example.org>", "en", "OME Configuration");

    public static EnvelopeSealer Sealer(TestKeyRing ring, ProtectionOptions? options = null, int segmentSize = EnvelopeFormat.DefaultSegmentSize) =>
        new(ring, options ?? Options(), new FixedTimeProvider(Now), SealingRandomness.Default, segmentSize);

    public static async Task<(byte[] Envelope, License License)> SealAsync(
        TestKeyRing ring, byte[] message, int segmentSize = EnvelopeFormat.DefaultSegmentSize, ProtectionOptions? options = null, SealRequest? request = null)
    {
        using var output = new MemoryStream();
        var license = await Sealer(ring, options, segmentSize).SealAsync(new MemoryStream(message), request ?? Request(), output);
        return (output.ToArray(), license);
    }

    public static async Task<byte[]> UnsealAsync(TestKeyRing ring, byte[] envelope, ProtectionOptions? options = null)
    {
        using var output = new MemoryStream();
        await new EnvelopeUnsealer(ring, options ?? Options()).UnsealAsync(new MemoryStream(envelope), output);
        return output.ToArray();
    }

    /// <summary>Unseals what must fail; returns the exception and whatever reached the output.</summary>
    public static async Task<(EnvelopeInvalidException Error, byte[] Output)> UnsealFailingAsync(
        TestKeyRing ring, byte[] envelope, ProtectionOptions? options = null)
    {
        using var output = new MemoryStream();
        var unsealer = new EnvelopeUnsealer(ring, options ?? Options());
        var error = await Assert.ThrowsAsync<EnvelopeInvalidException>(
            () => unsealer.UnsealAsync(new MemoryStream(envelope), output));
        Assert.Equal(EnvelopeInvalidException.UniformMessage, error.Message);
        Assert.Null(error.InnerException);
        return (error, output.ToArray());
    }

    public static int LicenseLength(byte[] envelope) => (int)BinaryPrimitives.ReadUInt32BigEndian(envelope.AsSpan(6));

    public static int SignatureOffset(byte[] envelope) => 10 + LicenseLength(envelope) + 2;

    /// <summary>Where the first segment begins.</summary>
    public static int SegmentsOffset(byte[] envelope)
    {
        var signatureLength = BinaryPrimitives.ReadUInt16BigEndian(envelope.AsSpan(10 + LicenseLength(envelope)));
        return SignatureOffset(envelope) + signatureLength;
    }

    public static byte[] RandomMessage(int length) => RandomNumberGenerator.GetBytes(length);

    public static byte[] Flip(byte[] bytes, int offset)
    {
        var copy = (byte[])bytes.Clone();
        copy[offset] ^= 0x01;
        return copy;
    }
}
