using System.Security.Claims;
using System.Text.Encodings.Web;
using Mailseal.Admin.Api;
using Mailseal.Admin.Hosting;
using Mailseal.Core.Administration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Mailseal.Admin.Authentication;

/// <summary>
/// Authenticates "Authorization: Bearer &lt;admin API key&gt;" with the admin service's key verifier. A client
/// outside Admin:AllowedNetworks is refused (403) before its key is looked at. Every refusal is logged with its
/// reason and the client address, never the key.
/// </summary>
internal sealed partial class AdminApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AdminApiKeyService keys,
    AdminClientNetworks networks)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private bool _addressRefused;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // As the only scheme it is also ASP.NET Core's default, run for every request: elsewhere it stays silent.
        if (!AdminListener.IsAdminConnection(Context) && !RequiresAdminPolicy(Context.GetEndpoint()))
        {
            return AuthenticateResult.NoResult();
        }

        var client = Context.Connection.RemoteIpAddress;
        if (!networks.IsAllowed(client))
        {
            _addressRefused = true;
            LogRefused(Logger, "client address not in Admin:AllowedNetworks", client?.ToString() ?? "unknown", Request.Path);
            return AuthenticateResult.Fail("The client address is not allowed.");
        }

        string? header = Request.Headers[HeaderNames.Authorization];
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            LogRefused(Logger, "no API key", client!.ToString(), Request.Path);
            return AuthenticateResult.Fail("No admin API key.");
        }

        var key = await keys.VerifyAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            LogRefused(Logger, "wrong, unknown or revoked API key", client!.ToString(), Request.Path);
            return AuthenticateResult.Fail("The admin API key is not valid.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(AdminAuthentication.KeyIdClaim, key.Id)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_addressRefused)
        {
            return AdminProblems.Forbidden().ExecuteAsync(Context);
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        return AdminProblems.Unauthorized().ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminProblems.Forbidden().ExecuteAsync(Context);

    private static bool RequiresAdminPolicy(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == AdminAuthentication.Policy) == true;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin API request refused: {Reason}, client {ClientAddress}, path {Path}")]
    private static partial void LogRefused(ILogger logger, string reason, string clientAddress, string path);
}
