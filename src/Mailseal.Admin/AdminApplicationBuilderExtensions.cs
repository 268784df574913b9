using Mailseal.Admin.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Mailseal.Admin;

public static class AdminApplicationBuilderExtensions
{
    /// <summary>
    /// Sends requests of the admin listener down their own pipeline (routing, authorization, the admin endpoints), so
    /// that none of the public site's middleware (same-origin checks, status pages, localisation) applies to them.
    /// Call it first, before the portal's middleware. The admin routes are mapped in that pipeline (a branch has its own
    /// route table), so the public listener's routing never holds them.
    /// </summary>
    public static IApplicationBuilder UseMailsealAdminListener(this IApplicationBuilder app) =>
        app.MapWhen(AdminListener.IsAdminConnection, admin =>
        {
            admin.UseRouting();
            admin.UseAuthorization();
            admin.UseEndpoints(endpoints => endpoints.MapMailsealAdminApi());
        });
}
