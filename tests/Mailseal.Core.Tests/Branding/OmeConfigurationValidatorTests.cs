using Mailseal.Core.Branding;

namespace Mailseal.Core.Tests.Branding;

public sealed class OmeConfigurationValidatorTests
{
    public static TheoryData<string, int> TextFields => new()
    {
        { nameof(OmeConfiguration.EmailText), 1024 },
        { nameof(OmeConfiguration.DisclaimerText), 1024 },
        { nameof(OmeConfiguration.PortalText), 128 },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public void Validate_TextAtLimit_Accepted(string field, int limit)
    {
        OmeConfigurationValidator.Validate(WithText(field, new string('x', limit)));
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void Validate_TextOneOverLimit_RefusedNamingFieldAndLimit(string field, int limit)
    {
        var error = Assert.Throws<BrandingValidationException>(
            () => OmeConfigurationValidator.Validate(WithText(field, new string('x', limit + 1))));

        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CharacterOutsideBmp_CountsAsTwoUtf16Units()
    {
        // 64 emoji are 128 UTF-16 code units: allowed; one more is over the PortalText limit.
        var atLimit = string.Concat(Enumerable.Repeat("\U0001F512", 64));
        OmeConfigurationValidator.Validate(WithText(nameof(OmeConfiguration.PortalText), atLimit));

        Assert.Throws<BrandingValidationException>(
            () => OmeConfigurationValidator.Validate(WithText(nameof(OmeConfiguration.PortalText), atLimit + "x")));
    }

    [Fact]
    public void Validate_NullTexts_Accepted()
    {
        OmeConfigurationValidator.Validate(new OmeConfiguration(OmeConfiguration.DefaultIdentity));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Line\r\nBreak")]
    [InlineData("Tab\there")]
    [InlineData("Nul\0")]
    public void Validate_BadIdentity_RefusedNamingIdentity(string identity)
    {
        var error = Assert.Throws<BrandingValidationException>(
            () => OmeConfigurationValidator.Validate(new OmeConfiguration(identity)));

        Assert.Equal(nameof(OmeConfiguration.Identity), error.Field);
    }

    [Fact]
    public void Validate_IdentityOf64_AcceptedAnd65Refused()
    {
        OmeConfigurationValidator.Validate(new OmeConfiguration(new string('a', 64)));

        var error = Assert.Throws<BrandingValidationException>(
            () => OmeConfigurationValidator.Validate(new OmeConfiguration(new string('a', 65))));
        Assert.Contains("64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ImageOverOneMegabyte_RefusedNamingImage()
    {
        var configuration = new OmeConfiguration("Contoso", Image: new byte[OmeConfigurationLimits.ImageMaxBytes + 1]);

        var error = Assert.Throws<BrandingValidationException>(() => OmeConfigurationValidator.Validate(configuration));

        Assert.Equal(nameof(OmeConfiguration.Image), error.Field);
    }

    private static OmeConfiguration WithText(string field, string text) => field switch
    {
        nameof(OmeConfiguration.EmailText) => new OmeConfiguration("Contoso", EmailText: text),
        nameof(OmeConfiguration.DisclaimerText) => new OmeConfiguration("Contoso", DisclaimerText: text),
        nameof(OmeConfiguration.PortalText) => new OmeConfiguration("Contoso", PortalText: text),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
