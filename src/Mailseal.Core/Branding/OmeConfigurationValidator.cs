namespace Mailseal.Core.Branding;

/// <summary>
/// Checks an OME configuration against Exchange's limits. Lengths are counted as Exchange counts them:
/// in UTF-16 code units (.NET <see cref="string.Length"/>), so a character outside the Basic Multilingual
/// Plane (an emoji, a rare CJK ideograph) counts as two.
/// </summary>
public static class OmeConfigurationValidator
{
    /// <summary>The limit named in every refused image.</summary>
    public const string ImageLimitDescription = "must be a png, jpg, bmp or tiff image of at most 1 MB and 2000×2000 pixels";

    /// <summary>Throws <see cref="BrandingValidationException"/> for the first field that breaks a limit.</summary>
    public static void Validate(OmeConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ValidateIdentity(configuration.Identity);
        ValidateText(nameof(OmeConfiguration.EmailText), configuration.EmailText, OmeConfigurationLimits.EmailTextMaxLength);
        ValidateText(
            nameof(OmeConfiguration.DisclaimerText),
            configuration.DisclaimerText,
            OmeConfigurationLimits.DisclaimerTextMaxLength);
        ValidateText(nameof(OmeConfiguration.PortalText), configuration.PortalText, OmeConfigurationLimits.PortalTextMaxLength);
        if (configuration.Image is { Length: > OmeConfigurationLimits.ImageMaxBytes })
        {
            throw new BrandingValidationException(nameof(OmeConfiguration.Image), ImageLimitDescription);
        }
    }

    /// <summary>A template name: not empty, at most 64 characters, no control characters.</summary>
    public static void ValidateIdentity(string? identity)
    {
        const string Field = nameof(OmeConfiguration.Identity);
        var limit = $"must be 1 to {OmeConfigurationLimits.IdentityMaxLength} characters without control characters";
        if (string.IsNullOrWhiteSpace(identity) || identity.Length > OmeConfigurationLimits.IdentityMaxLength)
        {
            throw new BrandingValidationException(Field, limit);
        }

        if (identity.Any(char.IsControl))
        {
            throw new BrandingValidationException(Field, limit);
        }
    }

    /// <summary>A text field: null (the default text) or at most <paramref name="maxLength"/> UTF-16 code units.</summary>
    public static void ValidateText(string field, string? value, int maxLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        if (value is not null && value.Length > maxLength)
        {
            throw new BrandingValidationException(field, $"must be at most {maxLength} characters");
        }
    }
}
