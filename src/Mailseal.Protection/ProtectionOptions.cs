using System.ComponentModel.DataAnnotations;

namespace Mailseal.Protection;

/// <summary>Settings of sealing and unsealing, bound from the "Protection" configuration section.</summary>
public sealed class ProtectionOptions
{
    public const string SectionName = "Protection";

    /// <summary>
    /// Allows crypto mode 1 (RSA-1024, SHA-1) for interoperability with older deployments. Off by default;
    /// see <see cref="Keys.LegacyCryptoMode1"/> for why it exists at all.
    /// </summary>
    public bool AllowLegacyMode1 { get; set; }

    /// <summary>Largest original message that is sealed, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Most envelope recipients of one sealed message.</summary>
    [Range(1, 100_000)]
    public int MaxRecipients { get; set; } = 500;

    /// <summary>Longest To header (unfolded characters) of a sealed message.</summary>
    [Range(1, 1_000_000)]
    public int MaxToHeaderLength { get; set; } = 11_980;

    /// <summary>
    /// The portal's address; message.html posts to its /envelope. Set Portal:PublicUrl instead: when given, this
    /// follows it (see <see cref="ProtectionServiceCollectionExtensions.PortalPublicUrlKey"/>).
    /// </summary>
    [Required]
    public Uri PortalUrl { get; set; } = new("http://127.0.0.1:5080/");
}
