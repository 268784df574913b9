using Mailseal.Admin.Authentication;
using Mailseal.Admin.Hosting;
using Mailseal.Admin.Metrics;
using Mailseal.Admin.Page;
using Microsoft.AspNetCore.Builder;

namespace Mailseal.Admin;

public static class AdminApplicationBuilderExtensions
{
    /// <summary>
    /// Sends requests of the admin listener down their own pipeline (the network check, routing, authorization, the
    /// admin endpoints), so that none of the public site's middleware (forwarded headers, same-origin checks, status
    /// pages, localisation) applies to them. Call it first, before the portal's middleware. The admin routes, the admin
    /// page and /metrics are mapped in that pipeline (a branch has its own route table), so the public listener's
    /// routing never holds them; a client outside Admin:AllowedNetworks is refused there before anything else,
    /// whatever it asks for (<see cref="AdminNetworkGate"/>).
    /// </summary>
    public static IApplicationBuilder UseMailsealAdminListener(this IApplicationBuilder app) =>
        app.MapWhen(AdminListener.IsAdminConnection, admin =>
        {
            admin.UseMiddleware<AdminNetworkGate>();
            admin.UseRouting();
            admin.UseAuthorization();
            admin.UseEndpoints(endpoints =>
            {
                endpoints.MapMailsealAdminApi();
                // Marked admin-only like the API: the listener matcher policy matches nothing else on admin connections.
                var adminOnly = endpoints.MapGroup("").WithMetadata(AdminListenerOnlyMetadata.Instance);
                adminOnly.MapMailsealAdminPage();
                adminOnly.MapMailsealMetrics();
            });
        });
}
