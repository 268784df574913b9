using System.Globalization;
using Mailseal.Core.Branding;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Protection.Branding;

/// <summary>
/// What a recipient is shown: the administrator's texts and logo where the template sets them, otherwise
/// the defaults in the sender's language.
/// </summary>
/// <param name="Culture">The culture the fixed texts were read in.</param>
/// <param name="Texts">The fixed, translated texts (title, instructions, button, footer…).</param>
/// <param name="EmailText">The intro: the template's EmailText or the localised default.</param>
/// <param name="DisclaimerText">The template's DisclaimerText or the localised default.</param>
/// <param name="PortalText">The template's PortalText or the localised default.</param>
/// <param name="LogoPng">The template's normalised image or the Mailseal logo, as PNG.</param>
public sealed record EffectiveBranding(
    CultureInfo Culture,
    WrapperTexts Texts,
    string EmailText,
    string DisclaimerText,
    string PortalText,
    byte[] LogoPng)
{
    /// <summary>Resolves a template (null: the built-in defaults) for a sender's language tag.</summary>
    public static EffectiveBranding Resolve(OmeConfiguration? configuration, string? languageTag)
    {
        var culture = WrapperLanguage.Resolve(languageTag);
        var texts = WrapperTexts.For(culture);
        return new EffectiveBranding(
            culture,
            texts,
            OrDefault(configuration?.EmailText, texts.DefaultEmailText),
            OrDefault(configuration?.DisclaimerText, texts.DefaultDisclaimerText),
            OrDefault(configuration?.PortalText, texts.DefaultPortalText),
            configuration?.Image is { Length: > 0 } image ? image : DefaultLogo.GetPng());
    }

    // Null and "" both mean "the default", as in Exchange.
    private static string OrDefault(string? configured, string fallback) =>
        string.IsNullOrEmpty(configured) ? fallback : configured;
}
