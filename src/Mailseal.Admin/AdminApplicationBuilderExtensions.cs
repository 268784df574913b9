using Mailseal.Admin.Authentication;
using Mailseal.Admin.Hosting;
using Mailseal.Admin.Metrics;
using Mailseal.Admin.Page;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Admin;

public static class AdminApplicationBuilderExtensions
{
    /// <summary>
    /// Sends requests of the admin listener down their own pipeline (routing, authorization, the admin endpoints), so
    /// that none of the public site's middleware (same-origin checks, status pages, localisation) applies to them.
    /// Call it first, before the portal's middleware. The admin routes, the admin page and /metrics are mapped in that
    /// pipeline (a branch has its own route table), so the public listener's routing never holds them; a client
    /// outside Admin:AllowedNetworks is refused there before anything else, whatever it asks for.
    /// </summary>
    public static IApplicationBuilder UseMailsealAdminListener(this IApplicationBuilder app) =>
        app.MapWhen(AdminListener.IsAdminConnection, admin =>
        {
            admin.Use(RefuseOutsideAllowedNetworks);
            admin.UseRouting();
            admin.UseAuthorization();
            admin.UseEndpoints(endpoints =>
            {
                endpoints.MapMailsealAdminApi();
                // AdminListenerMatcherPolicy lets nothing but endpoints marked for the admin listener match on its
                // connections: unmarked, the page and /metrics answered 404 there.
                var listenerOnly = endpoints.MapGroup("").WithMetadata(AdminListenerOnlyMetadata.Instance);
                listenerOnly.MapMailsealAdminPage();
                listenerOnly.MapMailsealMetrics();
            });
        });

    // The API's own authentication handler refuses such clients with a problem document and a log line; this covers
    // the admin page and /metrics, which have no such handler in front of them.
    private static Task RefuseOutsideAllowedNetworks(HttpContext context, RequestDelegate next)
    {
        var networks = context.RequestServices.GetRequiredService<AdminClientNetworks>();
        if (context.Request.Path.StartsWithSegments(AdminEndpointRouteBuilderExtensions.ApiPrefix, StringComparison.Ordinal)
            || networks.IsAllowed(context.Connection.RemoteIpAddress))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
