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
/// <remarks>Layout: <see cref="AesGcmBox"/>'s.</remarks>
public sealed class KeyProtector(KeyEncryptionKey keyEncryptionKey)
{
    public string KekId => keyEncryptionKey.Id;

    public byte[] Protect(string keyId, KeyPurpose purpose, ReadOnlySpan<byte> secret) =>
        AesGcmBox.Seal(keyEncryptionKey.Bytes, secret, AssociatedData(keyId, purpose));

    /// <summary>Opens a secret of <paramref name="key"/>; throws <see cref="KeyUnavailableException"/> when it cannot.</summary>
    public byte[] Unprotect(KeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!string.Equals(key.KekId, keyEncryptionKey.Id, StringComparison.Ordinal))
        {
            throw new KeyUnavailableException(
                $"Key {key.Id} is sealed under key-encryption key {key.KekId}, but this node has {keyEncryptionKey.Id}.");
        }

        if (!AesGcmBox.IsWellFormed(key.ProtectedSecret))
        {
            throw new KeyUnavailableException($"Key {key.Id} has a protected secret in an unknown format.");
        }

        try
        {
            return AesGcmBox.Open(keyEncryptionKey.Bytes, key.ProtectedSecret, AssociatedData(key.Id, key.Purpose));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new KeyUnavailableException($"Key {key.Id} does not open under the key-encryption key {keyEncryptionKey.Id}.", ex);
        }
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
