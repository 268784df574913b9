namespace Mailseal.Core.Branding;

/// <summary>
/// A change to an OME configuration with Exchange's Set-OMEConfiguration semantics: a text left null is
/// unchanged, an empty text reverts to the default text; an image that is specified replaces the logo,
/// and a specified null (or empty) image reverts to the default logo.
/// </summary>
public sealed record OmeConfigurationUpdate
{
    /// <summary>New intro text; null leaves it unchanged, <c>""</c> reverts to the default.</summary>
    public string? EmailText { get; init; }

    /// <summary>New disclaimer; null leaves it unchanged, <c>""</c> reverts to the default.</summary>
    public string? DisclaimerText { get; init; }

    /// <summary>New portal text; null leaves it unchanged, <c>""</c> reverts to the default.</summary>
    public string? PortalText { get; init; }

    /// <summary>True when the update sets the image (to <see cref="Image"/>, where null means the default logo).</summary>
    public bool ImageSpecified { get; init; }

    /// <summary>The new logo, already normalised by an <see cref="IBrandingImageNormalizer"/>.</summary>
    public byte[]? Image { get; init; }

    /// <summary>Applies the change and validates the result.</summary>
    /// <exception cref="BrandingValidationException">A resulting field breaks a limit.</exception>
    public OmeConfiguration ApplyTo(OmeConfiguration current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var updated = current with
        {
            EmailText = Apply(current.EmailText, EmailText),
            DisclaimerText = Apply(current.DisclaimerText, DisclaimerText),
            PortalText = Apply(current.PortalText, PortalText),
            Image = ImageSpecified ? (Image is { Length: > 0 } ? Image : null) : current.Image,
        };
        OmeConfigurationValidator.Validate(updated);
        return updated;
    }

    /// <summary>Exchange's rule for one text: null keeps, empty reverts to the default (null).</summary>
    public static string? Apply(string? current, string? requested) =>
        requested switch
        {
            null => current,
            "" => null,
            _ => requested,
        };
}
