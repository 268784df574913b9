using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Mailseal.Protection.Envelope;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>The worked example of docs/envelope-format.md, checked byte for byte.</summary>
public sealed class EnvelopeWorkedExampleTests
{
    private static readonly byte[] Documented = FormatDocument.Hex("envelope");

    [Fact]
    public async Task SealAsync_ExampleInputs_ReproduceTheDocumentedEnvelope()
    {
        var license = await EnvelopeReader.ReadLicenseUnverifiedAsync(new MemoryStream(Documented));
        var randomness = new ReplayRandomness(license.WrappedContentKey.AsSpan().ToArray(), FormatDocument.Hex("signature"));
        var sealer = new EnvelopeSealer(
            WorkedExample.Ring(), new ProtectionOptions(), new FixedTimeProvider(WorkedExample.Now), randomness, WorkedExample.SegmentSize);
        using var output = new MemoryStream();

        await sealer.SealAsync(new MemoryStream(WorkedExample.Message), WorkedExample.Request, output);

        Assert.Equal(Convert.ToHexStringLower(Documented), Convert.ToHexStringLower(output.ToArray()));
    }

    [Fact]
    public async Task UnsealAsync_DocumentedEnvelope_GivesTheExampleMessage()
    {
        var message = await EnvelopeKit.UnsealAsync(WorkedExample.Ring(), Documented);

        Assert.Equal(WorkedExample.Message, message);
    }

    [Fact]
    public void DocumentedParts_MatchTheEnvelope()
    {
        var licenseLength = (int)BinaryPrimitives.ReadUInt32BigEndian(Documented.AsSpan(6));
        var license = Documented.AsSpan(10, licenseLength).ToArray();
        var segments = Documented.AsSpan(EnvelopeKit.SegmentsOffset(Documented)).ToArray();
        var segment0 = FormatDocument.Hex("segment-0");

        Assert.Equal("4d53454e5601", Convert.ToHexStringLower(Documented.AsSpan(0, 6)));
        Assert.Equal(FormatDocument.Block("license"), Encoding.ASCII.GetString(license));
        Assert.Equal(FormatDocument.Hex("signature"), Documented.AsSpan(licenseLength + 12, 256).ToArray());
        Assert.Equal(FormatDocument.Hex("aad"), SHA256.HashData(license));
        Assert.Equal([.. segment0, .. FormatDocument.Hex("segment-1")], segments);
        Assert.Equal(WorkedExample.SegmentSize + EnvelopeFormat.TagBytes, segment0.Length);
    }

    [Fact]
    public void DocumentedSegments_DecryptWithTheStatedNonces()
    {
        var license = Encoding.ASCII.GetBytes(FormatDocument.Block("license"));
        using var aes = new AesGcm(WorkedExample.ContentKey, EnvelopeFormat.TagBytes);
        var segment0 = FormatDocument.Hex("segment-0");
        var segment1 = FormatDocument.Hex("segment-1");
        var plaintext0 = new byte[segment0.Length - 16];
        var plaintext1 = new byte[segment1.Length - 16];

        aes.Decrypt(Convert.FromHexString("a0a1a2a3a4a5a60000000000"), segment0[..^16], segment0[^16..], plaintext0, SHA256.HashData(license));
        aes.Decrypt(Convert.FromHexString("a0a1a2a3a4a5a60000000101"), segment1[..^16], segment1[^16..], plaintext1, SHA256.HashData(license));

        Assert.Equal(WorkedExample.Message, plaintext0.Concat(plaintext1).ToArray());
    }
}
