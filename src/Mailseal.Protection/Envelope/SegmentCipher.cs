using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// AES-256-GCM over the segments of one envelope in order (STREAM): nonce = 7-byte prefix, 4-byte
/// big-endian counter, 1-byte last flag; associated data = SHA-256 of the license bytes.
/// One instance per envelope; it allocates nothing per segment.
/// </summary>
internal sealed class SegmentCipher : IDisposable
{
    private readonly AesGcm _aes;
    private readonly byte[] _nonce = new byte[EnvelopeFormat.NonceBytes];
    private readonly byte[] _associatedData = new byte[SHA256.HashSizeInBytes];
    private uint _counter;
    private bool _finished;

    public SegmentCipher(ReadOnlySpan<byte> contentKey, ReadOnlySpan<byte> noncePrefix, ReadOnlySpan<byte> licenseBytes)
    {
        _aes = new AesGcm(contentKey, EnvelopeFormat.TagBytes);
        noncePrefix.CopyTo(_nonce);
        SHA256.HashData(licenseBytes, _associatedData);
    }

    /// <summary>Encrypts the next segment into <paramref name="output"/>: ciphertext then the 16-byte tag.</summary>
    public void Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> output, bool last)
    {
        NextNonce(last);
        _aes.Encrypt(
            _nonce, plaintext, output[..plaintext.Length],
            output.Slice(plaintext.Length, EnvelopeFormat.TagBytes), _associatedData);
    }

    /// <summary>Decrypts the next segment (ciphertext then tag); false, with nothing released, when the tag fails.</summary>
    public bool TryDecrypt(ReadOnlySpan<byte> segment, Span<byte> plaintext, bool last)
    {
        NextNonce(last);
        var length = segment.Length - EnvelopeFormat.TagBytes;
        try
        {
            _aes.Decrypt(_nonce, segment[..length], segment[length..], plaintext[..length], _associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            // AesGcm has already cleared the plaintext span.
            return false;
        }
    }

    private void NextNonce(bool last)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The last segment has been processed.");
        }

        BinaryPrimitives.WriteUInt32BigEndian(_nonce.AsSpan(EnvelopeFormat.NoncePrefixBytes), _counter);
        _nonce[^1] = last ? (byte)1 : (byte)0;
        _finished = last;

        // A counter that wraps would reuse a nonce; 2^32 segments is far beyond any message limit.
        _counter = checked(_counter + 1);
    }

    public void Dispose() => _aes.Dispose();
}
