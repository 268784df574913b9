using Microsoft.AspNetCore.Authentication;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// What the portal carries through the provider in the handler's protected state (encrypted and signed by
/// data protection): the pre-session and the page to return to. Neither appears in a URL in clear.
/// </summary>
internal static class OpenIdProperties
{
    private const string PreSessionKey = "mailseal.presession";
    private const string ReturnUrlKey = "mailseal.returnurl";

    public static AuthenticationProperties Create(string preSessionId, string returnUrl)
    {
        var properties = new AuthenticationProperties { RedirectUri = returnUrl };
        properties.Items[PreSessionKey] = preSessionId;
        properties.Items[ReturnUrlKey] = returnUrl;
        return properties;
    }

    public static string? PreSessionId(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(PreSessionKey, out var value) == true ? value : null;

    public static string? ReturnUrl(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(ReturnUrlKey, out var value) == true ? value : null;
}
