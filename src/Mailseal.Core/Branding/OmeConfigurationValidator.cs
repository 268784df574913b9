namespace Mailseal.Core.Branding;

/// <summary>Checks an OME configuration against <see cref="OmeConfigurationLimits"/>.</summary>
public static class OmeConfigurationValidator
{
    public static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static void Validate(OmeConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration.Identity) || configuration.Identity.Length > OmeConfigurationLimits.IdentityMaxLength)
        {
            throw new BrandingValidationException("Identity", $"1 to {OmeConfigurationLimits.IdentityMaxLength} characters");
        }

        Check("EmailText", configuration.EmailText, OmeConfigurationLimits.EmailTextMaxLength);
        Check("DisclaimerText", configuration.DisclaimerText, OmeConfigurationLimits.DisclaimerTextMaxLength);
        Check("PortalText", configuration.PortalText, OmeConfigurationLimits.PortalTextMaxLength);
    }

    private static void Check(string field, string? text, int max)
    {
        if (text is not null && text.Length > max)
        {
            throw new BrandingValidationException(field, $"at most {max} characters");
        }
    }
}
