namespace Mailseal.Protection.Envelope;

/// <summary>Constants of envelope format v1 (docs/envelope-format.md).</summary>
public static class EnvelopeFormat
{
    /// <summary>The format version in the binary prefix and in the license.</summary>
    public const int Version = 1;

    /// <summary>Plaintext bytes per segment that the sealer writes.</summary>
    public const int DefaultSegmentSize = 64 * 1024;

    public const int MinSegmentSize = 64;
    public const int MaxSegmentSize = 1024 * 1024;

    /// <summary>Largest license a reader accepts; enough for <see cref="MaxRecipients"/> hashes.</summary>
    public const int MaxLicenseBytes = 8 * 1024 * 1024;

    /// <summary>Largest signature a reader accepts (RSA-4096 makes 512 bytes).</summary>
    public const int MaxSignatureBytes = 1024;

    /// <summary>Most recipient hashes a license may hold (the ceiling of ProtectionOptions.MaxRecipients).</summary>
    public const int MaxRecipients = 100_000;

    public const int EnvelopeIdBytes = 16;
    public const int NoncePrefixBytes = 7;
    public const int ContentKeyBytes = 32;
    public const int TagBytes = 16;
    public const int NonceBytes = 12;
    public const int RecipientHashBytes = 32;
    public const int MinWrappedKeyBytes = 64;
    public const int MaxWrappedKeyBytes = 1024;

    /// <summary>Longest text member of a license (sender, Message-ID, template, key ids), in UTF-16 units.</summary>
    public const int MaxTextLength = 998;

    /// <summary>Longest language tag (BCP 47).</summary>
    public const int MaxLanguageLength = 35;

    /// <summary>"MSENV" followed by the version byte.</summary>
    internal static ReadOnlySpan<byte> Magic => "MSENV"u8;

    internal const int PrefixBytes = 6;
}
