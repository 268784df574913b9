using System.Security.Cryptography;

namespace Mailseal.Protection.Keys;

/// <summary>
/// AES-256-GCM with a fresh random nonce, in the layout every secret sealed under the key-encryption key (or a key
/// derived from it) has at rest: version (1 byte, 1) · nonce (12) · tag (16) · ciphertext.
/// </summary>
internal static class AesGcmBox
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var box = new byte[HeaderSize + plaintext.Length];
        box[0] = FormatVersion;
        var nonce = box.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, box.AsSpan(HeaderSize), box.AsSpan(1 + NonceSize, TagSize), associatedData);
        return box;
    }

    /// <summary>Whether <paramref name="box"/> has this layout at all (checked before <see cref="Open"/>).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> box) => box.Length >= HeaderSize && box[0] == FormatVersion;

    /// <summary>The plaintext; throws <see cref="AuthenticationTagMismatchException"/> when anything was changed.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> box, ReadOnlySpan<byte> associatedData)
    {
        if (!IsWellFormed(box))
        {
            throw new CryptographicException("The sealed value is not in a known format.");
        }

        var plaintext = new byte[box.Length - HeaderSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(box.Slice(1, NonceSize), box[HeaderSize..], box.Slice(1 + NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }
}
