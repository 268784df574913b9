namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>The authentication scheme and the paths of one configured provider, all derived from its name.</summary>
public static class OpenIdPaths
{
    public static string Scheme(string providerName) => "openid-" + providerName;

    /// <summary>The sign-in choice posts here (antiforgery, same origin) to start the provider's sign-in.</summary>
    public static string Challenge(string providerName) => $"/signin/openid/{providerName}";

    /// <summary>The provider redirects the browser back here with the code (response_mode=query).</summary>
    public static string Callback(string providerName) => $"/signin/openid/{providerName}/callback";

    /// <summary>Unused by the portal, but each handler needs its own so that no two claim one path.</summary>
    public static string SignedOutCallback(string providerName) => $"/signin/openid/{providerName}/signed-out";

    public static string RemoteSignOut(string providerName) => $"/signin/openid/{providerName}/remote-sign-out";

    /// <summary>The plain page for every refused sign-in with an account.</summary>
    public const string Refused = "/signin/refused";
}
