using System.Globalization;
using System.Resources;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// The fixed, translated texts of the wrapper mail and message.html in one language, read from
/// Resources/WrapperTexts*.resx. Placeholders <c>{0}</c> are filled by the writers.
/// </summary>
public sealed record WrapperTexts(
    string Title,
    string DefaultEmailText,
    string Instructions,
    string PhoneAlternative,
    string ButtonLabel,
    string PageInstructions,
    string DefaultDisclaimerText,
    string DefaultPortalText,
    string Footer,
    string LogoAlt)
{
    private static readonly ResourceManager Resources =
        new("Mailseal.Protection.Wrapper.Resources.WrapperTexts", typeof(WrapperTexts).Assembly);

    /// <summary>The texts for a culture, falling back to its parent and then to English.</summary>
    public static WrapperTexts For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return new WrapperTexts(
            Get(nameof(Title), culture),
            Get(nameof(DefaultEmailText), culture),
            Get(nameof(Instructions), culture),
            Get(nameof(PhoneAlternative), culture),
            Get(nameof(ButtonLabel), culture),
            Get(nameof(PageInstructions), culture),
            Get(nameof(DefaultDisclaimerText), culture),
            Get(nameof(DefaultPortalText), culture),
            Get(nameof(Footer), culture),
            Get(nameof(LogoAlt), culture));
    }

    /// <summary>The phone alternative with the portal's upload address filled in.</summary>
    public string PhoneAlternativeFor(string openAddress) =>
        string.Format(CultureInfo.InvariantCulture, PhoneAlternative, openAddress);

    /// <summary>The page instructions with the portal's host name filled in.</summary>
    public string PageInstructionsFor(string portalHost) =>
        string.Format(CultureInfo.InvariantCulture, PageInstructions, portalHost);

    private static string Get(string name, CultureInfo culture) =>
        Resources.GetString(name, culture)
        ?? throw new InvalidOperationException($"The wrapper text {name} is missing from the resources.");
}
