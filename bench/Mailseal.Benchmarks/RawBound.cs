using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Mailseal.Benchmarks;

/// <summary>
/// The least work a seal or an unseal can do over the same bytes: AES-256-GCM in 64 KiB segments with
/// pooled buffers, base64 of the ciphertext, and the RSA-2048 operations (one PSS-SHA256 signature and
/// one OAEP-SHA256 wrap; one verification and one unwrap). No MIME, no spool, no headers.
/// </summary>
public sealed class RawBound : IDisposable
{
    public const int SegmentSize = 64 * 1024;
    private const int TagBytes = 16;
    private const int SealedSegment = SegmentSize + TagBytes;

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly RSA _wrappingKey = RSA.Create(2048);
    private readonly byte[] _contentKey = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _license = RandomNumberGenerator.GetBytes(400);
    private readonly byte[] _signature;
    private readonly byte[] _wrappedKey;

    public RawBound()
    {
        _signature = Sign();
        _wrappedKey = Wrap();
    }

    /// <summary>Size of the base64 text of one full sealed segment.</summary>
    public static int EncodedSegment => Base64.GetMaxEncodedToUtf8Length(SealedSegment);

    public byte[] Sign() => _signingKey.SignData(_license, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

    public byte[] Wrap() => _wrappingKey.Encrypt(_contentKey, RSAEncryptionPadding.OaepSHA256);

    public bool Verify() => _signingKey.VerifyData(_license, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

    public byte[] Unwrap() => _wrappingKey.Decrypt(_wrappedKey, RSAEncryptionPadding.OaepSHA256);

    /// <summary>Encrypts <paramref name="message"/> segment by segment and base64-encodes each sealed segment into <paramref name="sink"/>.</summary>
    public void EncryptAndEncode(ReadOnlySpan<byte> message, Action<ReadOnlyMemory<byte>>? sink = null)
    {
        using var aes = new AesGcm(_contentKey, TagBytes);
        var sealedBuffer = ArrayPool<byte>.Shared.Rent(SealedSegment);
        var encoded = ArrayPool<byte>.Shared.Rent(EncodedSegment);
        Span<byte> nonce = stackalloc byte[12];
        try
        {
            uint counter = 0;
            bool last;
            do
            {
                var length = Math.Min(SegmentSize, message.Length);
                last = length < SegmentSize;
                NextNonce(nonce, counter++, last);
                aes.Encrypt(nonce, message[..length], sealedBuffer.AsSpan(0, length), sealedBuffer.AsSpan(length, TagBytes));
                Base64.EncodeToUtf8(sealedBuffer.AsSpan(0, length + TagBytes), encoded, out _, out var written);
                sink?.Invoke(encoded.AsMemory(0, written));
                message = message[length..];
            }
            while (!last);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
            ArrayPool<byte>.Shared.Return(sealedBuffer);
        }
    }

    /// <summary>The base64 text of a sealed message as <see cref="EncryptAndEncode"/> writes it, one encoded segment after another.</summary>
    public byte[] EncodedCiphertext(ReadOnlySpan<byte> message)
    {
        using var output = new MemoryStream();
        EncryptAndEncode(message, chunk => output.Write(chunk.Span));
        return output.ToArray();
    }

    /// <summary>Decodes and decrypts what <see cref="EncodedCiphertext"/> produced; returns the plaintext length.</summary>
    public long DecodeAndDecrypt(ReadOnlySpan<byte> encodedCiphertext)
    {
        using var aes = new AesGcm(_contentKey, TagBytes);
        var sealedBuffer = ArrayPool<byte>.Shared.Rent(SealedSegment);
        var plaintext = ArrayPool<byte>.Shared.Rent(SegmentSize);
        Span<byte> nonce = stackalloc byte[12];
        try
        {
            long total = 0;
            uint counter = 0;
            while (!encodedCiphertext.IsEmpty)
            {
                var take = Math.Min(EncodedSegment, encodedCiphertext.Length);
                Base64.DecodeFromUtf8(encodedCiphertext[..take], sealedBuffer, out _, out var length);
                var textLength = length - TagBytes;
                NextNonce(nonce, counter++, textLength < SegmentSize);
                aes.Decrypt(nonce, sealedBuffer.AsSpan(0, textLength), sealedBuffer.AsSpan(textLength, TagBytes), plaintext.AsSpan(0, textLength));
                total += textLength;
                encodedCiphertext = encodedCiphertext[take..];
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plaintext);
            ArrayPool<byte>.Shared.Return(sealedBuffer);
        }
    }

    public void Dispose()
    {
        _signingKey.Dispose();
        _wrappingKey.Dispose();
    }

    private static void NextNonce(Span<byte> nonce, uint counter, bool last)
    {
        nonce[..7].Clear();
        BinaryPrimitives.WriteUInt32BigEndian(nonce[7..], counter);
        nonce[11] = last ? (byte)1 : (byte)0;
    }
}
