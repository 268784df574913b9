using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Mailseal.Core.Keys;

namespace Mailseal.Protection.Keys;

/// <summary>
/// Seals tenant secrets under the operator's key-encryption key (AES-256-GCM), so that what the store
/// holds is useless without the KEK. The key id and purpose are bound as associated data: a protected
/// secret moved onto another key record does not open.
/// </summary>
/// <remarks>Layout: version (1 byte, 1) · nonce (12) · tag (16) · ciphertext.</remarks>
public sealed class KeyProtector(KeyEncryptionKey keyEncryptionKey)
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    public string KekId => keyEncryptionKey.Id;

    public byte[] Protect(string keyId, KeyPurpose purpose, ReadOnlySpan<byte> secret)
    {
        var sealedSecret = new byte[HeaderSize + secret.Length];
        sealedSecret[0] = FormatVersion;
        var nonce = sealedSecret.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keyEncryptionKey.Bytes, TagSize);
        aes.Encrypt(nonce, secret, sealedSecret.AsSpan(HeaderSize), sealedSecret.AsSpan(1 + NonceSize, TagSize), AssociatedData(keyId, purpose));
        return sealedSecret;
    }

    /// <summary>Opens a secret of <paramref name="key"/>; throws <see cref="KeyUnavailableException"/> when it cannot.</summary>
    public byte[] Unprotect(KeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!string.Equals(key.KekId, keyEncryptionKey.Id, StringComparison.Ordinal))
        {
            throw new KeyUnavailableException(
                $"Key {key.Id} is sealed under key-encryption key {key.KekId}, but this node has {keyEncryptionKey.Id}.");
        }

        var sealedSecret = key.ProtectedSecret;
        if (sealedSecret.Length < HeaderSize || sealedSecret[0] != FormatVersion)
        {
            throw new KeyUnavailableException($"Key {key.Id} has a protected secret in an unknown format.");
        }

        var secret = new byte[sealedSecret.Length - HeaderSize];
        try
        {
            using var aes = new AesGcm(keyEncryptionKey.Bytes, TagSize);
            aes.Decrypt(
                sealedSecret.AsSpan(1, NonceSize),
                sealedSecret.AsSpan(HeaderSize),
                sealedSecret.AsSpan(1 + NonceSize, TagSize),
                secret,
                AssociatedData(key.Id, key.Purpose));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new KeyUnavailableException($"Key {key.Id} does not open under the key-encryption key {keyEncryptionKey.Id}.", ex);
        }

        return secret;
    }

    private static byte[] AssociatedData(string keyId, KeyPurpose purpose)
    {
        var id = Encoding.UTF8.GetBytes(keyId);
        var data = new byte[4 + id.Length];
        BinaryPrimitives.WriteInt32BigEndian(data, (int)purpose);
        id.CopyTo(data, 4);
        return data;
    }
}
