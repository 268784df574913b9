using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

public static class OpenIdSignInServiceCollectionExtensions
{
    /// <summary>
    /// Registers one OpenID Connect handler per provider under <c>Portal:OpenIdConnect:Providers</c>. The
    /// providers are validated here, before the host starts: a bad entry fails the start with every problem.
    /// </summary>
    /// <exception cref="OptionsValidationException">The configured providers are not valid.</exception>
    public static IServiceCollection AddPortalOpenIdConnect(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(PortalOpenIdOptions.Section);
        var configured = section.Get<PortalOpenIdOptions>() ?? new PortalOpenIdOptions();
        var validation = new PortalOpenIdOptionsValidator().Validate(Options.DefaultName, configured);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PortalOpenIdOptions), validation.Failures);
        }

        services.AddOptions<PortalOpenIdOptions>().Bind(section);
        services.AddSingleton<IValidateOptions<PortalOpenIdOptions>, PortalOpenIdOptionsValidator>();
        services.AddScoped<OpenIdSignInEvents>();

        var authentication = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, NoSignInHandler>(NoSignInHandler.SchemeName, displayName: null, _ => { });
        foreach (var provider in configured.Providers)
        {
            authentication.AddOpenIdConnect(
                OpenIdPaths.Scheme(provider.Name),
                provider.DisplayName,
                options => OpenIdHandlerSetup.Configure(options, provider));
            // The flow's cookies are Secure exactly when the portal's own are (its public URL is https).
            services.AddOptions<OpenIdConnectOptions>(OpenIdPaths.Scheme(provider.Name))
                .Configure<PortalCookies>((options, cookies) =>
                {
                    var policy = cookies.Secure ? CookieSecurePolicy.Always : CookieSecurePolicy.None;
                    options.CorrelationCookie.SecurePolicy = policy;
                    options.NonceCookie.SecurePolicy = policy;
                });
        }

        return services;
    }
}
