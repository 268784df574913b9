using System.Security.Cryptography;

namespace Mailseal.Core.Keys;

/// <summary>
/// The operator's key-encryption key (256 bits) under which every tenant secret is stored.
/// Its <see cref="Id"/> is a fingerprint, so that a secret sealed under another key is recognised
/// and refused with a clear error rather than a failed decryption.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const int SizeInBytes = 32;

    private readonly byte[] _key;

    public KeyEncryptionKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != SizeInBytes)
        {
            throw new ArgumentException($"A key-encryption key is exactly {SizeInBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_key, digest);
        Id = "kek-" + Convert.ToHexStringLower(digest[..8]);
    }

    public string Id { get; }

    /// <summary>The key bytes; only the key protectors (KeyProtector, DerivedKeyProtector) read them.</summary>
    public ReadOnlySpan<byte> Bytes => _key;
}
