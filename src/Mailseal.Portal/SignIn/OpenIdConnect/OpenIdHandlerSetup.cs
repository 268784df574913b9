using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>How ASP.NET Core's OpenID Connect handler is set up for one configured provider.</summary>
internal static class OpenIdHandlerSetup
{
    public static void Configure(OpenIdConnectOptions options, OpenIdProviderOptions provider)
    {
        options.Authority = provider.Authority;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;

        // Authorization code flow with PKCE, the code returned in the query: the redirect back is a top-level
        // GET, so the SameSite=Lax correlation and nonce cookies come with it (a form_post would drop them).
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in provider.EffectiveScopes)
        {
            options.Scope.Add(scope);
        }

        // Only the verified address leaves the callback: no tokens kept, no claims renamed or stored.
        options.SaveTokens = false;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.ClaimActions.MapUniqueJsonKey(VerifiedAddress.EmailVerifiedClaim, VerifiedAddress.EmailVerifiedClaim);
        options.ClaimActions.MapUniqueJsonKey(
            VerifiedAddress.EmailDomainOwnerVerifiedClaim, VerifiedAddress.EmailDomainOwnerVerifiedClaim);

        options.CallbackPath = OpenIdPaths.Callback(provider.Name);
        options.SignedOutCallbackPath = OpenIdPaths.SignedOutCallback(provider.Name);
        options.RemoteSignOutPath = OpenIdPaths.RemoteSignOut(provider.Name);
        options.CorrelationCookie.Name = "mailseal-oidc-correlation.";
        options.NonceCookie.Name = "mailseal-oidc-nonce.";
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.HttpOnly = true;
        }

        options.RemoteAuthenticationTimeout = TimeSpan.FromMinutes(10);
        options.EventsType = typeof(OpenIdSignInEvents);
        options.SignInScheme = NoSignInHandler.SchemeName;

        if (provider.AddressRule == AddressRule.MicrosoftEntra)
        {
            // The multi-tenant authorities (common, organizations) publish the issuer as a template with
            // {tenantid}: Microsoft's validator checks it against the token's tid, and each signing key
            // against the issuer it is published for.
            // Made at first use: it reads the issuer template through the handler's own configuration manager
            // and backchannel (both created after this runs), so metadata is fetched once, under the same rules.
            AadIssuerValidator? issuerValidator = null;
            options.TokenValidationParameters.IssuerValidator = (issuer, token, parameters) =>
                (issuerValidator ??= AadIssuerValidator.GetAadIssuerValidator(
                    provider.Authority,
                    options.Backchannel,
                    _ => (BaseConfigurationManager)options.ConfigurationManager!))
                .Validate(issuer, token, parameters);
            options.TokenValidationParameters.EnableAadSigningKeyIssuerValidation();
        }
    }
}
