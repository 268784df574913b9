using Mailseal.Core.Branding;

namespace Mailseal.Core.Administration;

/// <summary>
/// An OME configuration as Get-OMEConfiguration shows it. A null text or image means the default; the image
/// is the stored PNG (base64 in JSON).
/// </summary>
public sealed record OmeConfigurationResult(string Identity, string? EmailText, string? DisclaimerText, string? PortalText, byte[]? Image)
{
    internal static OmeConfigurationResult From(OmeConfiguration configuration) => new(
        configuration.Identity, configuration.EmailText, configuration.DisclaimerText, configuration.PortalText, configuration.Image);

    /// <summary>What the audit log keeps: the texts, and the image only as its SHA-256 and size.</summary>
    internal object ForAudit() => new
    {
        Identity,
        EmailText,
        DisclaimerText,
        PortalText,
        Image = Image is null ? null : new { Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Image)), Bytes = Image.Length },
    };
}
