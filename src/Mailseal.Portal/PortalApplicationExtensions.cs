using Mailseal.Portal.Security;
using Mailseal.Portal.SignIn.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal;

public static class PortalApplicationExtensions
{
    /// <summary>
    /// The portal's request pipeline and endpoints, in order: forwarded headers (from Portal:TrustedProxies only),
    /// the public URL's path as base path, security headers, raised limits for the requests that carry files, the
    /// browser's language, the same-origin check, the OpenID Connect callbacks, the pages and the start of a
    /// sign-in with an account.
    /// </summary>
    public static WebApplication UseMailsealPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (options.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        // A portal published under a path (https://example.org/secure/) answers there, behind a proxy that keeps it.
        var basePath = options.BasePath;
        if (basePath.Length > 0)
        {
            app.UsePathBase(basePath);
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<PortalRequestLimits>();
        app.UseRequestLocalization();
        app.UseMiddleware<SameOriginPosts>();
        app.UseStatusCodePages("text/plain", "{0}");
        app.UseRouting();
        app.UseAuthentication();
        app.MapRazorPages();
        app.MapPortalOpenIdConnect();
        return app;
    }
}
