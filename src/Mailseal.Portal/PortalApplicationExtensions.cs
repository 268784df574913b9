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
    /// security headers, the arrival's raised limits, the browser's language, the same-origin check, the OpenID
    /// Connect callbacks, the pages and the start of a sign-in with an account.
    /// </summary>
    public static WebApplication UseMailsealPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ArrivalRequestLimits>();
        app.UseRequestLocalization();
        app.UseMiddleware<SameOriginPosts>();
        app.UseStatusCodePages("text/plain", "{0}");
        app.UseAuthentication();
        app.MapRazorPages();
        app.MapPortalOpenIdConnect();
        return app;
    }
}
