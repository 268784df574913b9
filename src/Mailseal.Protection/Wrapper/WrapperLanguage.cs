using System.Globalization;

namespace Mailseal.Protection.Wrapper;

/// <summary>Turns the sender's language tag into the culture whose texts the wrapper uses.</summary>
public static class WrapperLanguage
{
    /// <summary>The languages the wrapper's texts are translated into (English first, the fallback).</summary>
    public static readonly IReadOnlyList<string> Translated = ["en", "de", "fr", "es", "ja"];

    /// <summary>
    /// The culture for a BCP 47 tag such as <c>de-AT</c>. The resource manager falls back from it to its
    /// parent (<c>de</c>) and then to English, so any well-formed tag works; an empty or malformed tag
    /// gives the invariant culture, which reads the English texts.
    /// </summary>
    public static CultureInfo Resolve(string? languageTag)
    {
        if (string.IsNullOrWhiteSpace(languageTag))
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(languageTag.Trim());
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
