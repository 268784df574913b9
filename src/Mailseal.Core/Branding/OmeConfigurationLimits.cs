namespace Mailseal.Core.Branding;

/// <summary>The limits Exchange sets on an OME configuration, which Mailseal keeps.</summary>
public static class OmeConfigurationLimits
{
    public const int IdentityMaxLength = 64;
    public const int EmailTextMaxLength = 1024;
    public const int DisclaimerTextMaxLength = 1024;
    public const int PortalTextMaxLength = 128;
    public const int ImageMaxBytes = 1024 * 1024;
    public const int ImageMaxPixels = 2000;

    /// <summary>The box a logo is scaled to fit in, keeping its aspect ratio.</summary>
    public const int LogoBoxWidth = 340;
    public const int LogoBoxHeight = 140;
}
