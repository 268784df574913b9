using Mailseal.Admin.Api;
using Mailseal.Admin.Authentication;
using Mailseal.Admin.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mailseal.Admin;

public static class AdminEndpointRouteBuilderExtensions
{
    /// <summary>The admin API's prefix: routes are "POST /admin/v1/{area}/{operation}".</summary>
    public const string ApiPrefix = "/admin/v1";

    /// <summary>
    /// Maps the admin API (docs/admin-api.md). Its routes answer only on the admin listener, only to an allowed
    /// network, and only with a valid API key.
    /// </summary>
    public static RouteGroupBuilder MapMailsealAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ApiPrefix)
            .WithMetadata(AdminListenerOnlyMetadata.Instance)
            .RequireAuthorization(AdminAuthentication.Policy)
            .DisableAntiforgery()
            .AddEndpointFilter<AdminProblemFilter>();
        AdminApiEndpoints.Map(group);
        return group;
    }
}
