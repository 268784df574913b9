namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// Where the portal may send a browser after sign-in: a path on the portal itself, never another site
/// ("//evil.example", "/\evil.example", "https://…" and control characters are all refused).
/// </summary>
public static class LocalReturnUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= 2048
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
        && Uri.TryCreate(url, UriKind.Relative, out _);
}
