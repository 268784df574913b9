using Mailseal.Core.Branding;

namespace Mailseal.Core.Tests.Branding;

public sealed class OmeConfigurationUpdateTests
{
    private static readonly OmeConfiguration Current = new(
        "Contoso",
        EmailText: "Intro",
        DisclaimerText: "Disclaimer",
        PortalText: "Portal",
        Image: [1, 2, 3]);

    [Fact]
    public void ApplyTo_NothingSpecified_KeepsEverything()
    {
        var updated = new OmeConfigurationUpdate().ApplyTo(Current);

        Assert.Equal(Current, updated);
    }

    [Fact]
    public void ApplyTo_EmptyTexts_RevertToDefault()
    {
        var updated = new OmeConfigurationUpdate { EmailText = "", DisclaimerText = "", PortalText = "" }.ApplyTo(Current);

        Assert.Null(updated.EmailText);
        Assert.Null(updated.DisclaimerText);
        Assert.Null(updated.PortalText);
        Assert.Same(Current.Image, updated.Image);
    }

    [Fact]
    public void ApplyTo_NewText_ReplacesOnlyThatText()
    {
        var updated = new OmeConfigurationUpdate { PortalText = "New portal" }.ApplyTo(Current);

        Assert.Equal("New portal", updated.PortalText);
        Assert.Equal("Intro", updated.EmailText);
        Assert.Equal("Disclaimer", updated.DisclaimerText);
    }

    [Fact]
    public void ApplyTo_ImageSpecifiedAsNull_RevertsToDefaultLogo()
    {
        var updated = new OmeConfigurationUpdate { ImageSpecified = true, Image = null }.ApplyTo(Current);

        Assert.Null(updated.Image);
        Assert.Equal("Intro", updated.EmailText);
    }

    [Fact]
    public void ApplyTo_ImageNotSpecified_KeepsLogo()
    {
        var updated = new OmeConfigurationUpdate { Image = null }.ApplyTo(Current);

        Assert.Same(Current.Image, updated.Image);
    }

    [Fact]
    public void ApplyTo_TextOverLimit_RefusedNamingField()
    {
        var update = new OmeConfigurationUpdate { DisclaimerText = new string('x', 1025) };

        var error = Assert.Throws<BrandingValidationException>(() => update.ApplyTo(Current));

        Assert.Equal(nameof(OmeConfiguration.DisclaimerText), error.Field);
    }
}
