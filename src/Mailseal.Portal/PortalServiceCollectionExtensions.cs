using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Mailseal.Core.Branding;
using Mailseal.Core.Portal;
using Mailseal.Portal.Arrival;
using Mailseal.Portal.Hosting;
using Mailseal.Portal.Localization;
using Mailseal.Portal.PassCodes;
using Mailseal.Portal.Preview;
using Mailseal.Portal.Reading;
using Mailseal.Portal.Replying;
using Mailseal.Portal.Viewing;
using Mailseal.Portal.Sessions;
using Mailseal.Portal.SignIn.OpenIdConnect;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Mailseal.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the portal: <see cref="PortalOptions"/> from the "Portal" section (validated at start), Kestrel's
    /// listener, arrival, pass codes, sessions, reading and replying, antiforgery with data-protection keys in the shared store (sealed
    /// under the key-encryption key), localisation and the
    /// pages, and the sign-in page's preview for the admin page (<see cref="IPortalPagePreview"/>). Needs storage and protection registered; the host calls <see cref="PortalApplicationExtensions.UseMailsealPortal"/>.
    /// </summary>
    public static IServiceCollection AddMailsealPortal(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PortalOptions>()
            .Bind(configuration.GetSection(PortalOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, PortalKestrel>();
        services.AddSingleton<PortalCookies>();
        services.AddSingleton<ArrivalService>();
        services.AddSingleton<PortalSignIn>();
        services.AddSingleton<SessionMessageOpener>();
        services.AddSingleton<IPortalPagePreview, PortalPagePreview>();
        services.AddHostedService<PortalCleanupService>();
        services.AddMailsealPortalPassCodes(configuration);
        services.AddMailsealPortalViewing(configuration);
        services.AddMailsealPortalReplying(configuration);

        services.AddSingleton<DataProtectionKeySealer>();
        // Registered before AddDataProtection so that it runs before the framework's hosted service reads the ring.
        services.AddHostedService<DataProtectionKeyRingCheck>();
        services.AddDataProtection().SetApplicationName("Mailseal.Portal");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDataProtectionKeyStore, DataProtectionKeySealer>((keys, store, sealer) =>
            {
                keys.XmlRepository = new StoreXmlRepository(store);
                keys.XmlEncryptor = new KekXmlEncryptor(sealer);
            });
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<PortalCookies>((antiforgery, cookies) =>
        {
            antiforgery.Cookie.Name = cookies.Antiforgery;
            antiforgery.Cookie.SecurePolicy = cookies.Secure ? Microsoft.AspNetCore.Http.CookieSecurePolicy.Always : Microsoft.AspNetCore.Http.CookieSecurePolicy.None;
            antiforgery.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            antiforgery.Cookie.Path = "/";
            antiforgery.FormFieldName = "__antiforgery";
            antiforgery.SuppressXFrameOptionsHeader = true;
        });

        services.AddLocalization();
        // Pages in Japanese or German stay readable text: only markup-significant characters are escaped.
        services.Configure<WebEncoderOptions>(encoding => encoding.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(localization =>
        {
            localization.SetDefaultCulture(PortalCultures.Default)
                .AddSupportedCultures(PortalCultures.Supported)
                .AddSupportedUICultures(PortalCultures.Supported);
            localization.FallBackToParentCultures = true;
            localization.FallBackToParentUICultures = true;
            // Only the browser's Accept-Language: no query string or cookie can switch it.
            localization.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PortalOptions>>((forwarded, portal) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in portal.Value.TrustedProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
            }
        });

        services.AddPortalOpenIdConnect(configuration);
        services.AddRazorPages().AddApplicationPart(typeof(PortalServiceCollectionExtensions).Assembly);
        return services;
    }
}
