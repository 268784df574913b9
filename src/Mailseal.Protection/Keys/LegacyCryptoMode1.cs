using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Protection.Sealing;

namespace Mailseal.Protection.Keys;

/// <summary>
/// Crypto mode 1: RSA-1024 with SHA-1 (OAEP-SHA1 to wrap, PSS-SHA1 to sign). It is weak and exists for one
/// reason: organisations moving from older deployments still hold mode-1 keys and envelopes. It is the only
/// place in Mailseal where these algorithms appear, and it answers only when the operator has set
/// <see cref="ProtectionOptions.AllowLegacyMode1"/>.
/// </summary>
public static class LegacyCryptoMode1
{
    public const string Warning =
        "Crypto mode 1 (RSA-1024, SHA-1) is enabled for legacy interoperability. It is weak: rotate to mode 2.";

    private static readonly int[] KeySizes = [1024];

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "Mode 1 interoperability, only when the operator enables it explicitly.")]
    private static readonly CryptoSuite Mode1 = new(
        CryptoMode.Mode1,
        HashAlgorithmName.SHA1,
        RSAEncryptionPadding.OaepSHA1,
        RSASignaturePadding.Pss,
        KeySizes);

    internal static CryptoSuite Suite(bool allowLegacyMode1) => allowLegacyMode1
        ? Mode1
        : throw new SealingRefusedException(
            SealingRefusalReason.LegacyModeDisabled,
            "Crypto mode 1 (RSA-1024, SHA-1) is disabled. Enable it (Protection:AllowLegacyMode1=true, or --allow-legacy-mode1) only for legacy interoperability.");
}
