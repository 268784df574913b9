using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Mailseal.Protection.Envelope;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// The end of a sign-in with an account: the provider's verified address becomes a session for the
/// pre-session carried in the protected state, when the address is a recipient of its envelope. Nothing is
/// signed in through ASP.NET's cookie scheme; every other outcome is a plain refusal page and no session.
/// </summary>
internal sealed partial class OpenIdSignInEvents : OpenIdConnectEvents
{
    private readonly IOpenIdPreSessions preSessions;
    private readonly EnvelopeUnsealer unsealer;
    private readonly IOptions<PortalOpenIdOptions> options;
    private readonly ILogger<OpenIdSignInEvents> logger;

    public OpenIdSignInEvents(
        IOpenIdPreSessions preSessions,
        EnvelopeUnsealer unsealer,
        IOptions<PortalOpenIdOptions> options,
        ILogger<OpenIdSignInEvents> logger)
    {
        this.preSessions = preSessions;
        this.unsealer = unsealer;
        this.options = options;
        this.logger = logger;
    }

    public override async Task TicketReceived(TicketReceivedContext context)
    {
        context.HandleResponse();
        var provider = options.Value.Providers.Single(p => OpenIdPaths.Scheme(p.Name) == context.Scheme.Name);
        var outcome = await CompleteAsync(context.HttpContext, provider, context.Principal, context.Properties);
        LogOutcome(provider.Name, outcome);
        if (outcome == OpenIdSignInOutcome.Session)
        {
            var returnUrl = OpenIdProperties.ReturnUrl(context.Properties);
            context.Response.Redirect(LocalReturnUrl.IsLocal(returnUrl) ? returnUrl! : "/");
            return;
        }

        await OpenIdRefusalPage.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, provider.DisplayName);
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        context.HandleResponse();
        var provider = options.Value.Providers.Single(p => OpenIdPaths.Scheme(p.Name) == context.Scheme.Name);
        // The failure's type says enough (correlation, state, token); its message may quote what came in.
        LogFailure(provider.Name, context.Failure?.GetType().Name ?? "none");
        await OpenIdRefusalPage.WriteAsync(context.HttpContext, StatusCodes.Status400BadRequest, provider.DisplayName);
    }

    private async Task<OpenIdSignInOutcome> CompleteAsync(
        HttpContext http, OpenIdProviderOptions provider, ClaimsPrincipal? principal, AuthenticationProperties? properties)
    {
        // The flow must end in the browser that started it, on the pre-session it started from.
        var preSessionId = OpenIdProperties.PreSessionId(properties);
        var current = await preSessions.CurrentIdAsync(http);
        if (preSessionId is null || current is null || !SameId(preSessionId, current))
        {
            return OpenIdSignInOutcome.PreSessionGone;
        }

        var license = await preSessions.FindLicenseAsync(preSessionId, http.RequestAborted);
        if (license is null)
        {
            return OpenIdSignInOutcome.PreSessionGone;
        }

        var address = principal is null ? null : VerifiedAddress.Read(provider.AddressRule, principal);
        if (address is null)
        {
            return OpenIdSignInOutcome.AddressNotVerified;
        }

        if (!await unsealer.IsRecipientAsync(license, address, http.RequestAborted))
        {
            return OpenIdSignInOutcome.NotRecipient;
        }

        await preSessions.StartSessionAsync(http, preSessionId, address);
        return OpenIdSignInOutcome.Session;
    }

    private static bool SameId(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in with OpenID provider {Provider}: {Outcome}")]
    private partial void LogOutcome(string provider, OpenIdSignInOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sign-in with OpenID provider {Provider}: ProviderFailure ({FailureType})")]
    private partial void LogFailure(string provider, string failureType);
}
