using System.Security.Cryptography;
using Mailseal.Core.Keys;

namespace Mailseal.Protection.Keys;

/// <summary>The algorithms of one crypto mode: how content keys are wrapped and licenses signed.</summary>
public sealed class CryptoSuite
{
    private static readonly int[] Mode2KeySizes = [2048, 3072, 4096];

    public static readonly CryptoSuite Mode2 = new(
        CryptoMode.Mode2,
        HashAlgorithmName.SHA256,
        RSAEncryptionPadding.OaepSHA256,
        RSASignaturePadding.Pss,
        Mode2KeySizes);

    internal CryptoSuite(
        CryptoMode mode,
        HashAlgorithmName hash,
        RSAEncryptionPadding wrapPadding,
        RSASignaturePadding signaturePadding,
        IReadOnlyList<int> allowedKeySizes)
    {
        Mode = mode;
        Hash = hash;
        WrapPadding = wrapPadding;
        SignaturePadding = signaturePadding;
        AllowedKeySizes = allowedKeySizes;
    }

    public CryptoMode Mode { get; }

    /// <summary>Hash of the RSA-PSS signature over the license.</summary>
    public HashAlgorithmName Hash { get; }

    /// <summary>RSA-OAEP padding that wraps the content key.</summary>
    public RSAEncryptionPadding WrapPadding { get; }

    public RSASignaturePadding SignaturePadding { get; }

    public IReadOnlyList<int> AllowedKeySizes { get; }

    public int DefaultKeySize => AllowedKeySizes[0];

    /// <summary>
    /// The suite for <paramref name="mode"/>; mode 1 only when the operator allowed it, otherwise
    /// <see cref="Sealing.SealingRefusedException"/> with <see cref="Sealing.SealingRefusalReason.LegacyModeDisabled"/>.
    /// </summary>
    public static CryptoSuite For(CryptoMode mode, bool allowLegacyMode1) => mode switch
    {
        CryptoMode.Mode2 => Mode2,
        CryptoMode.Mode1 => LegacyCryptoMode1.Suite(allowLegacyMode1),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown crypto mode."),
    };
}
