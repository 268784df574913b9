namespace Mailseal.Core.Administration;

/// <summary>
/// Set-OMEConfiguration with Exchange's rules: a text left null is unchanged and <c>""</c> reverts it to the
/// default; with <see cref="ImageSpecified"/> the logo becomes <see cref="Image"/>, where null (or empty)
/// reverts to the default logo.
/// </summary>
public sealed record SetOmeConfigurationRequest
{
    public string? EmailText { get; init; }

    public string? DisclaimerText { get; init; }

    public string? PortalText { get; init; }

    public bool ImageSpecified { get; init; }

    /// <summary>A png, jpg, bmp or tiff logo as uploaded, or null for the default logo.</summary>
    public byte[]? Image { get; init; }
}
