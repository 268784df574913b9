using Mailseal.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal;

public static class PortalApplicationExtensions
{
    /// <summary>
    /// The portal's request pipeline and endpoints, in order: forwarded headers (from Portal:TrustedProxies only),
    /// security headers, raised limits for the requests that carry files, the browser's language, the same-origin check, the pages.
    /// </summary>
    public static WebApplication UseMailsealPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<PortalRequestLimits>();
        app.UseRequestLocalization();
        app.UseMiddleware<SameOriginPosts>();
        app.UseStatusCodePages("text/plain", "{0}");
        app.MapRazorPages();
        return app;
    }
}
