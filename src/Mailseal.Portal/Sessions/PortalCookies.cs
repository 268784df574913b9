using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Sessions;

/// <summary>
/// The portal's cookies: HttpOnly, SameSite=Lax (Strict would drop them on the cross-site arrival and on an
/// OpenID Connect callback), path /, and under HTTPS Secure with the __Host- prefix, which pins them to this host.
/// </summary>
public sealed class PortalCookies(IOptions<PortalOptions> options)
{
    private readonly bool _https = options.Value.IsHttps;

    public string PreSession => Name("mailseal-arrival");

    public string Session => Name("mailseal-session");

    public string Antiforgery => Name("mailseal-af");

    public bool Secure => _https;

    public void Set(HttpContext context, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(name, value, Options());
    }

    public static string? Read(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Cookies[name];
    }

    public void Delete(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(name, Options());
    }

    private CookieOptions Options() => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = _https,
        Path = "/",
        IsEssential = true,
    };

    private string Name(string name) => _https ? "__Host-" + name : name;
}
