using System.Security.Cryptography;
using System.Text;
using Mailseal.Core.Keys;

namespace Mailseal.Protection.Keys;

/// <summary>
/// Seals data of one purpose under a key derived from the key-encryption key (HKDF-SHA256, the purpose as info), so
/// that a secret of one purpose never opens as another and the KEK itself seals only tenant keys. The purpose is also
/// the associated data; any changed byte fails to open. Layout: <see cref="AesGcmBox"/>'s.
/// </summary>
public sealed class DerivedKeyProtector
{
    private const int KeySize = 32;

    private readonly byte[] _key;
    private readonly byte[] _purpose;

    /// <param name="keyEncryptionKey">The operator's KEK.</param>
    /// <param name="purpose">A label no other use of the KEK has, e.g. "Mailseal portal data-protection keys v1".</param>
    public DerivedKeyProtector(KeyEncryptionKey keyEncryptionKey, string purpose)
    {
        ArgumentNullException.ThrowIfNull(keyEncryptionKey);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        KekId = keyEncryptionKey.Id;
        _purpose = Encoding.UTF8.GetBytes(purpose);
        _key = new byte[KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, keyEncryptionKey.Bytes, _key, [], _purpose);
    }

    /// <summary>The fingerprint of the KEK the key was derived from; stored beside what it seals.</summary>
    public string KekId { get; }

    public byte[] Protect(ReadOnlySpan<byte> plaintext) => AesGcmBox.Seal(_key, plaintext, _purpose);

    /// <summary>The plaintext; throws <see cref="CryptographicException"/> when the value was changed or sealed under another key.</summary>
    public byte[] Unprotect(ReadOnlySpan<byte> sealedValue) => AesGcmBox.Open(_key, sealedValue, _purpose);
}
