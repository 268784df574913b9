using Mailseal.Portal.Security;
using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// The portal's side of a sign-in with an account. The redirect URI is built from Portal:PublicUrl, never from the
/// Host header. At the callback the provider's verified address goes through <see cref="PortalSignIn"/>, the one
/// seam every proof ends in, for the pre-session named in the protected state; nothing is signed in through
/// ASP.NET's schemes. Every other outcome is the plain refusal page and no session.
/// </summary>
internal sealed partial class OpenIdSignInEvents : OpenIdConnectEvents
{
    private readonly PortalSignIn signIn;
    private readonly PortalOptions portal;
    private readonly PortalOpenIdOptions openId;
    private readonly ILogger<OpenIdSignInEvents> logger;

    public OpenIdSignInEvents(
        PortalSignIn signIn,
        IOptions<PortalOptions> portal,
        IOptions<PortalOpenIdOptions> openId,
        ILogger<OpenIdSignInEvents> logger)
    {
        this.signIn = signIn;
        this.portal = portal.Value;
        this.openId = openId.Value;
        this.logger = logger;
    }

    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        // The handler stores this value in the state after the event and redeems the code with it.
        context.ProtocolMessage.RedirectUri = PublicAddress(OpenIdPaths.Callback(ProviderOf(context.Scheme.Name).Name));
        return Task.CompletedTask;
    }

    public override async Task TicketReceived(TicketReceivedContext context)
    {
        context.HandleResponse();
        var provider = ProviderOf(context.Scheme.Name);
        var (outcome, envelopeId) = await CompleteAsync(context.HttpContext, provider, context);
        LogOutcome(provider.Name, outcome);
        var pathBase = context.Request.PathBase;
        context.Response.Redirect(outcome == OpenIdSignInOutcome.Session
            ? pathBase + LocalUrl.OrDefault(OpenIdProperties.ReturnUrl(context.Properties), $"{PortalPaths.Read}/{envelopeId}")
            : pathBase + OpenIdPaths.Refused);
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        context.HandleResponse();
        // The failure's type says enough (correlation, state, token); its message may quote what came in.
        LogFailure(ProviderOf(context.Scheme.Name).Name, context.Failure?.GetType().Name ?? "none");
        context.Response.Redirect(context.Request.PathBase + OpenIdPaths.Refused);
        return Task.CompletedTask;
    }

    private async Task<(OpenIdSignInOutcome Outcome, string? EnvelopeId)> CompleteAsync(
        HttpContext http, OpenIdProviderOptions provider, TicketReceivedContext context)
    {
        // The flow must end in the browser that started it, on the pre-session it started from.
        var preSession = await signIn.FindPreSessionAsync(http, http.RequestAborted);
        if (preSession is null || !OpenIdProperties.IsFor(context.Properties, preSession))
        {
            return (OpenIdSignInOutcome.PreSessionGone, null);
        }

        var address = context.Principal is null ? null : VerifiedAddress.Read(provider.AddressRule, context.Principal);
        if (address is null)
        {
            return (OpenIdSignInOutcome.AddressNotVerified, null);
        }

        // PortalSignIn checks that the address is a recipient of the pre-session's envelope.
        return await signIn.SignInAsync(http, preSession, address, "OpenID Connect (" + provider.Name + ")", http.RequestAborted)
            ? (OpenIdSignInOutcome.Session, preSession.EnvelopeId)
            : (OpenIdSignInOutcome.NotRecipient, null);
    }

    private OpenIdProviderOptions ProviderOf(string scheme) =>
        openId.Providers.Single(p => OpenIdPaths.Scheme(p.Name) == scheme);

    private string PublicAddress(string path) =>
        Mailseal.Protection.Wrapper.PortalAddresses.Origin(portal.PublicUrl) + portal.BasePath + path;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in with OpenID provider {Provider}: {Outcome}")]
    private partial void LogOutcome(string provider, OpenIdSignInOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sign-in with OpenID provider {Provider}: ProviderFailure ({FailureType})")]
    private partial void LogFailure(string provider, string failureType);
}
