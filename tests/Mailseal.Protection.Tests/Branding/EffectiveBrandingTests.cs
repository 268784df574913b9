using Mailseal.Core.Branding;
using Mailseal.Protection.Branding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace Mailseal.Protection.Tests.Branding;

public sealed class EffectiveBrandingTests
{
    [Fact]
    public void Resolve_NoTemplate_LocalisedDefaultsAndDefaultLogo()
    {
        var branding = EffectiveBranding.Resolve(null, "de");

        Assert.Equal(branding.Texts.DefaultEmailText, branding.EmailText);
        Assert.Equal(branding.Texts.DefaultDisclaimerText, branding.DisclaimerText);
        Assert.Equal(branding.Texts.DefaultPortalText, branding.PortalText);
        Assert.Contains("verschlüsselt", branding.EmailText, StringComparison.Ordinal);
        Assert.Equal(DefaultLogo.GetPng(), branding.LogoPng);
    }

    [Fact]
    public void Resolve_TemplateTexts_UsedAsSet()
    {
        var template = new OmeConfiguration("Contoso", "Intro from Contoso", "Contoso disclaimer", "Contoso portal", [9, 9]);

        var branding = EffectiveBranding.Resolve(template, "fr");

        Assert.Equal("Intro from Contoso", branding.EmailText);
        Assert.Equal("Contoso disclaimer", branding.DisclaimerText);
        Assert.Equal("Contoso portal", branding.PortalText);
        Assert.Equal(new byte[] { 9, 9 }, branding.LogoPng);
    }

    [Fact]
    public void Resolve_TextsRevertedWithEmptyString_ShowDefaults()
    {
        var template = new OmeConfiguration("Contoso", "Intro", "Disclaimer", "Portal");
        var reverted = new OmeConfigurationUpdate { EmailText = "", DisclaimerText = "", PortalText = "" }.ApplyTo(template);

        var branding = EffectiveBranding.Resolve(reverted, "en");

        Assert.Equal(branding.Texts.DefaultEmailText, branding.EmailText);
        Assert.Equal(branding.Texts.DefaultDisclaimerText, branding.DisclaimerText);
        Assert.Equal(branding.Texts.DefaultPortalText, branding.PortalText);
    }

    [Fact]
    public void Resolve_EmptyTextStoredDirectly_ShowsDefault()
    {
        var branding = EffectiveBranding.Resolve(new OmeConfiguration("Contoso", EmailText: ""), "es");

        Assert.Equal(branding.Texts.DefaultEmailText, branding.EmailText);
    }

    [Fact]
    public void Resolve_ImageRevertedWithNull_ShowsDefaultLogo()
    {
        var template = new OmeConfiguration("Contoso", Image: [1, 2, 3]);
        var reverted = new OmeConfigurationUpdate { ImageSpecified = true, Image = null }.ApplyTo(template);

        var branding = EffectiveBranding.Resolve(reverted, "en");

        Assert.Equal(DefaultLogo.GetPng(), branding.LogoPng);
    }

    [Fact]
    public void DefaultLogo_IsSmallPngWithinLogoBox()
    {
        var png = DefaultLogo.GetPng();

        Assert.True(png.Length < 16 * 1024, $"The default logo is {png.Length} bytes.");
        using var image = Image.Load(png, out var format);
        Assert.Equal(PngFormat.Instance, format);
        Assert.InRange(image.Width, 1, OmeConfigurationLimits.LogoBoxWidth);
        Assert.InRange(image.Height, 1, OmeConfigurationLimits.LogoBoxHeight);
    }
}
