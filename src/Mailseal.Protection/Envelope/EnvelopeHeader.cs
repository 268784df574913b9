using System.Buffers.Binary;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// The bytes before the segments: "MSENV", version 0x01, license length (uint32 BE), license,
/// signature length (uint16 BE), signature.
/// </summary>
internal static class EnvelopeHeader
{
    public static byte[] Compose(ReadOnlySpan<byte> license, ReadOnlySpan<byte> signature)
    {
        var header = new byte[EnvelopeFormat.PrefixBytes + 4 + license.Length + 2 + signature.Length];
        var span = header.AsSpan();
        EnvelopeFormat.Magic.CopyTo(span);
        span[5] = EnvelopeFormat.Version;
        BinaryPrimitives.WriteUInt32BigEndian(span[6..], (uint)license.Length);
        license.CopyTo(span[10..]);
        var offset = 10 + license.Length;
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)signature.Length);
        signature.CopyTo(span[(offset + 2)..]);
        return header;
    }

    /// <summary>Reads the header, bounded; the stream is left at the first segment.</summary>
    public static async Task<(byte[] License, byte[] Signature)> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        try
        {
            var fixedPart = new byte[EnvelopeFormat.PrefixBytes + 4];
            await input.ReadExactlyAsync(fixedPart, cancellationToken);
            if (!fixedPart.AsSpan(0, 5).SequenceEqual(EnvelopeFormat.Magic) || fixedPart[5] != EnvelopeFormat.Version)
            {
                throw new EnvelopeInvalidException(EnvelopeFailure.Structure);
            }

            var licenseLength = BinaryPrimitives.ReadUInt32BigEndian(fixedPart.AsSpan(6));
            if (licenseLength is 0 or > EnvelopeFormat.MaxLicenseBytes)
            {
                throw new EnvelopeInvalidException(EnvelopeFailure.Structure);
            }

            var license = new byte[licenseLength];
            await input.ReadExactlyAsync(license, cancellationToken);
            var signatureLength = new byte[2];
            await input.ReadExactlyAsync(signatureLength, cancellationToken);
            var length = BinaryPrimitives.ReadUInt16BigEndian(signatureLength);
            if (length is 0 or > EnvelopeFormat.MaxSignatureBytes)
            {
                throw new EnvelopeInvalidException(EnvelopeFailure.Structure);
            }

            var signature = new byte[length];
            await input.ReadExactlyAsync(signature, cancellationToken);
            return (license, signature);
        }
        catch (EndOfStreamException)
        {
            throw new EnvelopeInvalidException(EnvelopeFailure.Truncated);
        }
    }
}
