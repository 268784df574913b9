using System.Globalization;
using System.Resources;

namespace Mailseal.Portal.PassCodes;

/// <summary>
/// The fixed texts of the code mail in one language, from Resources/PassCodeMailTexts*.resx (English, German,
/// French, Spanish, Japanese; a translator adds PassCodeMailTexts.&lt;tag&gt;.resx). Falls back to the parent
/// culture and then to English.
/// </summary>
internal sealed record PassCodeMailTexts(string Subject, string Heading, string Intro, string Reference, string Validity, string NotRequested)
{
    private static readonly ResourceManager Resources =
        new("Mailseal.Portal.PassCodes.Resources.PassCodeMailTexts", typeof(PassCodeMailTexts).Assembly);

    public static PassCodeMailTexts For(CultureInfo culture) => new(
        Get(nameof(Subject), culture),
        Get(nameof(Heading), culture),
        Get(nameof(Intro), culture),
        Get(nameof(Reference), culture),
        Get(nameof(Validity), culture),
        Get(nameof(NotRequested), culture));

    public string SubjectFor(string reference) => string.Format(CultureInfo.InvariantCulture, Subject, reference);

    public string ReferenceFor(string reference) => string.Format(CultureInfo.InvariantCulture, Reference, reference);

    public string ValidityFor(TimeSpan lifetime) =>
        string.Format(CultureInfo.InvariantCulture, Validity, (int)Math.Ceiling(lifetime.TotalMinutes));

    private static string Get(string name, CultureInfo culture) =>
        Resources.GetString(name, culture)
        ?? throw new InvalidOperationException($"The pass-code mail text {name} is missing from the resources.");
}
