using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Mailseal.Admin.Api;
using Mailseal.Admin.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Admin.Authentication;

/// <summary>
/// Authenticates "Authorization: Bearer &lt;admin API key&gt;" through <see cref="AdminKeyCheck"/>, for the API and the
/// admin page alike (the page reads this scheme's result for a Bearer key). Clients outside Admin:AllowedNetworks are <see cref="AdminNetworkGate"/>'s to refuse: their keys are never looked at here. An
/// address that sent too many wrong keys gets 429 before its key is looked at. Every refusal is logged with its
/// reason and the client address, never the key.
/// </summary>
internal sealed class AdminApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AdminClientNetworks networks,
    AdminKeyCheck keyCheck)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private Func<IResult>? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // As the only scheme it is also ASP.NET Core's default, run for every request: elsewhere it stays silent.
        if (!AdminListener.IsAdminConnection(Context) && !RequiresAdminPolicy(Context.GetEndpoint()))
        {
            return AuthenticateResult.NoResult();
        }

        // A host may authenticate before the admin listener's pipeline; the gate there answers and logs such clients.
        if (!networks.IsAllowed(Context) || AdminListener.ClientAddress(Context) is not { } client)
        {
            return AuthenticateResult.NoResult();
        }

        var check = await keyCheck.CheckAsync(client, AdminKeyCheck.BearerKey(Request), Context.RequestAborted);
        if (check.Verdict == AdminKeyVerdict.TooManyFailures)
        {
            AdminKeyCheck.SetRetryAfter(Response, check.RetryAfter);
            return Refuse(AdminRefusals.TooManyFailedKeys, client, AdminProblems.TooManyFailedKeys, check.RetryAfter);
        }

        if (check.Verdict == AdminKeyVerdict.Missing)
        {
            // Refused at the challenge, which only an endpoint that needs a key raises: a page view with a session
            // cookie or a /metrics scrape presents no key and is no refused request.
            return AuthenticateResult.NoResult();
        }

        if (check.Key is not { } key)
        {
            return Refuse(AdminRefusals.WrongKey, client, null);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(AdminAuthentication.KeyIdClaim, key.Id)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_refusal is not null)
        {
            return _refusal().ExecuteAsync(Context);
        }

        if (AdminListener.ClientAddress(Context) is { } client && AdminKeyCheck.BearerKey(Request) is null)
        {
            AdminRefusals.Log(Logger, AdminRefusals.NoKey, client.ToString(), Request.Path);
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        return AdminProblems.Unauthorized().ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminProblems.Forbidden().ExecuteAsync(Context);

    // refusal: the answer instead of 401, or null for 401 with a Bearer challenge. retryAfter travels in the result's
    // properties for the admin page, which reads this scheme's result instead of checking the key again.
    private AuthenticateResult Refuse(string reason, IPAddress client, Func<IResult>? refusal, TimeSpan? retryAfter = null)
    {
        _refusal = refusal;
        AdminRefusals.Log(Logger, reason, client.ToString(), Request.Path);
        var properties = new AuthenticationProperties();
        properties.SetParameter(AdminAuthentication.RetryAfterParameter, retryAfter);
        return AuthenticateResult.Fail($"Admin API request refused: {reason}.", properties);
    }

    private static bool RequiresAdminPolicy(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == AdminAuthentication.Policy) == true;
}
