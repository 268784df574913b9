namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// Marker for the texts of sign-in with an account in OpenIdStrings*.resx (English without a suffix; de, fr, es,
/// ja beside it), kept apart from the portal's own texts.
/// </summary>
public sealed class OpenIdStrings
{
    private OpenIdStrings()
    {
    }
}
