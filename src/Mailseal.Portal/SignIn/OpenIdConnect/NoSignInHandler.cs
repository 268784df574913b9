using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// The sign-in scheme of the OpenID Connect handlers, which never signs anyone in: the callback hands the
/// verified address to the portal's own session instead (<see cref="OpenIdSignInEvents"/>). Without an
/// explicit one, a single provider would become the default scheme and authenticate through itself forever.
/// </summary>
internal sealed class NoSignInHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : SignInAuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "openid-no-sign-in";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    protected override Task HandleSignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties) =>
        throw new InvalidOperationException("OpenID sign-in ends in the portal's own session, never in a sign-in scheme.");

    protected override Task HandleSignOutAsync(AuthenticationProperties? properties) => Task.CompletedTask;
}
