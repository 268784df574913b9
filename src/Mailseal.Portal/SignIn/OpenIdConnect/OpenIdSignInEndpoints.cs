using Mailseal.Portal.Security;
using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>Where the sign-in choice sends the browser to start a provider's sign-in.</summary>
public static class OpenIdSignInEndpoints
{
    /// <summary>
    /// Maps <c>GET /signin/openid/{provider}</c> (the callbacks are the handlers' own paths). A link, not a form:
    /// the pages' <c>form-action 'self'</c> would stop a form post that redirects to the provider, and starting a
    /// sign-in for the browser's own pre-session changes nothing another site could use.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalOpenIdConnect(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(OpenIdPaths.Challenge("{provider}"), ChallengeAsync);
        return endpoints;
    }

    private static async Task<IResult> ChallengeAsync(
        string provider,
        string? returnUrl,
        HttpContext http,
        IOptions<PortalOpenIdOptions> options,
        PortalSignIn signIn)
    {
        var configured = options.Value.Providers.Find(p => string.Equals(p.Name, provider, StringComparison.Ordinal));
        if (configured is null)
        {
            return Results.NotFound();
        }

        if (returnUrl is not null && !LocalUrl.IsLocal(returnUrl))
        {
            return Results.BadRequest();
        }

        var preSession = await signIn.FindPreSessionAsync(http, http.RequestAborted);
        if (preSession is null)
        {
            // The choice page says the arrival has ended and how to start again.
            return Results.Redirect(http.Request.PathBase + PortalPaths.SignIn);
        }

        return Results.Challenge(
            OpenIdProperties.Create(preSession, returnUrl), [OpenIdPaths.Scheme(configured.Name)]);
    }
}
