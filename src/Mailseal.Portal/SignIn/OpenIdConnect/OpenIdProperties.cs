using Mailseal.Core.Portal;
using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Authentication;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// What the portal carries through the provider in the handler's protected state (encrypted and signed with
/// the data-protection keys): which pre-session the sign-in is for (the hash of its token, never the token) and
/// the page to return to. Neither appears in a URL in clear.
/// </summary>
internal static class OpenIdProperties
{
    private const string PreSessionKey = "mailseal.presession";
    private const string ReturnUrlKey = "mailseal.returnurl";

    public static AuthenticationProperties Create(PreSession preSession, string? returnUrl)
    {
        var properties = new AuthenticationProperties();
        properties.Items[PreSessionKey] = PortalSignIn.PreSessionIdOf(preSession);
        properties.Items[ReturnUrlKey] = returnUrl;
        return properties;
    }

    /// <summary>Whether the state names this pre-session.</summary>
    public static bool IsFor(AuthenticationProperties? properties, PreSession preSession) =>
        properties?.Items.TryGetValue(PreSessionKey, out var value) == true
        && string.Equals(value, PortalSignIn.PreSessionIdOf(preSession), StringComparison.Ordinal);

    public static string? ReturnUrl(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(ReturnUrlKey, out var value) == true ? value : null;
}
