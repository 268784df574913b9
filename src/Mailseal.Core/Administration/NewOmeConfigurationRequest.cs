namespace Mailseal.Core.Administration;

/// <summary>New-OMEConfiguration: texts left null or <c>""</c> and a null image use the defaults.</summary>
public sealed record NewOmeConfigurationRequest
{
    public required string Identity { get; init; }

    public string? EmailText { get; init; }

    public string? DisclaimerText { get; init; }

    public string? PortalText { get; init; }

    /// <summary>A png, jpg, bmp or tiff logo as uploaded; it is checked by content and stored as PNG.</summary>
    public byte[]? Image { get; init; }
}
