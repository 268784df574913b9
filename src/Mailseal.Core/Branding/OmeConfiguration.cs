namespace Mailseal.Core.Branding;

/// <summary>
/// A branding template (Exchange's "OME configuration"): the texts and logo of the wrapper mail,
/// message.html and the portal. A null text or image means "use the default".
/// </summary>
/// <param name="Identity">The template's name; <see cref="DefaultIdentity"/> is the one every deployment has.</param>
/// <param name="EmailText">Introduction shown in the wrapper mail and message.html.</param>
/// <param name="DisclaimerText">Disclaimer shown below the instructions.</param>
/// <param name="PortalText">Short text shown on the portal's pages.</param>
/// <param name="Image">Logo, already normalised to PNG (see <see cref="IBrandingImageNormalizer"/>).</param>
public sealed record OmeConfiguration(
    string Identity,
    string? EmailText = null,
    string? DisclaimerText = null,
    string? PortalText = null,
    byte[]? Image = null)
{
    public const string DefaultIdentity = "OME Configuration";
}
