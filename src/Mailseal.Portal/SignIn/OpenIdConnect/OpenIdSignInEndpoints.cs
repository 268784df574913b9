using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>The endpoint the sign-in choice posts to, one path per configured provider.</summary>
public static class OpenIdSignInEndpoints
{
    public const string ReturnUrlField = "returnUrl";

    /// <summary>Maps <c>POST /signin/openid/{provider}</c>; the callbacks are the handlers' own paths.</summary>
    public static IEndpointRouteBuilder MapPortalOpenIdConnect(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(OpenIdPaths.Challenge("{provider}"), ChallengeAsync);
        return endpoints;
    }

    private static async Task<IResult> ChallengeAsync(
        string provider,
        HttpContext http,
        IAntiforgery antiforgery,
        IOptions<PortalOpenIdOptions> options,
        IOpenIdPreSessions preSessions)
    {
        var configured = options.Value.Providers.Find(p => string.Equals(p.Name, provider, StringComparison.Ordinal));
        if (configured is null)
        {
            return Results.NotFound();
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = form[ReturnUrlField].ToString();
        if (returnUrl.Length == 0)
        {
            returnUrl = "/";
        }
        else if (!LocalReturnUrl.IsLocal(returnUrl))
        {
            await OpenIdRefusalPage.WriteAsync(http, StatusCodes.Status400BadRequest, configured.DisplayName);
            return Results.Empty;
        }

        var preSessionId = await preSessions.CurrentIdAsync(http);
        if (preSessionId is null)
        {
            await OpenIdRefusalPage.WriteAsync(http, StatusCodes.Status403Forbidden, configured.DisplayName);
            return Results.Empty;
        }

        return Results.Challenge(
            OpenIdProperties.Create(preSessionId, returnUrl), [OpenIdPaths.Scheme(configured.Name)]);
    }
}
