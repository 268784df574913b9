using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailseal.Admin.Page;

public static class AdminPageExtensions
{
    /// <summary>
    /// Registers the admin page (docs/observability.md): sign-in sessions, access checks and branding previews.
    /// Needs AddMailsealStorage, AddMailsealProtection, AddMailsealDelivery and AddMailsealAdministration; the portal's
    /// page is previewed where AddMailsealPortal is registered too.
    /// </summary>
    public static IServiceCollection AddMailsealAdminPage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AdminPageSessions>();
        services.AddSingleton<AdminPageAccess>();
        services.AddSingleton<BrandingPreview>();
        services.AddSingleton<AdminPageEndpoints>();
        return services;
    }

    /// <summary>Maps /admin (the page), its sign-in and sign-out, and the preview frames. Map it on the admin listener only.</summary>
    public static IEndpointRouteBuilder MapMailsealAdminPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(AdminPagePaths.Dashboard, (HttpContext context, AdminPageEndpoints page, int? days, string? template, string? language) =>
            page.DashboardAsync(context, days, template, language));
        endpoints.MapPost(AdminPagePaths.SignIn, (HttpContext context, AdminPageEndpoints page) => page.SignInAsync(context))
            .DisableAntiforgery();
        endpoints.MapPost(AdminPagePaths.SignOut, (HttpContext context, AdminPageEndpoints page) => page.SignOut(context))
            .DisableAntiforgery();
        endpoints.MapGet(AdminPagePaths.WrapperPreview, (HttpContext context, AdminPageEndpoints page, string? template, string? language) =>
            page.PreviewAsync(context, PreviewKind.Wrapper, template, language));
        endpoints.MapGet(AdminPagePaths.MessageHtmlPreview, (HttpContext context, AdminPageEndpoints page, string? template, string? language) =>
            page.PreviewAsync(context, PreviewKind.MessageHtml, template, language));
        endpoints.MapGet(AdminPagePaths.PortalPagePreview, (HttpContext context, AdminPageEndpoints page, string? template, string? language) =>
            page.PreviewAsync(context, PreviewKind.PortalPage, template, language));
        return endpoints;
    }
}
