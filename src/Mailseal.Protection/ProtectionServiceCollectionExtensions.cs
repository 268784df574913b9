using Mailseal.Core.Branding;
using Mailseal.Core.Administration;
using Mailseal.Core.Keys;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;
using Mailseal.Protection.Wrapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mailseal.Protection;

public static class ProtectionServiceCollectionExtensions
{
    /// <summary>The portal's public URL (PortalOptions in Mailseal.Portal); Protection:PortalUrl follows it.</summary>
    public const string PortalPublicUrlKey = "Portal:PublicUrl";

    /// <summary>
    /// Registers keys, sealing and unsealing, and the wrapper mail. Needs the stores and the
    /// <see cref="KeyEncryptionKey"/> registered (Mailseal.Storage does both). Sealing and unsealing stream
    /// in one pass and need no spool.
    /// </summary>
    public static IServiceCollection AddMailsealProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ProtectionOptions>()
            .Bind(configuration.GetSection(ProtectionOptions.SectionName))
            .PostConfigure(options =>
            {
                // One setting for the portal's address: Portal:PublicUrl, when given, is where message.html posts.
                if (Uri.TryCreate(configuration[PortalPublicUrlKey], UriKind.Absolute, out var portalUrl))
                {
                    options.PortalUrl = portalUrl;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new KeyProtector(sp.GetRequiredService<KeyEncryptionKey>()));
        services.AddSingleton<TenantKeyRing>();
        services.AddSingleton<ITenantKeyRing>(sp => sp.GetRequiredService<TenantKeyRing>());
        services.AddSingleton<KeyManager>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProtectionOptions>>().Value);
        services.AddSingleton<EnvelopeSealer>();
        services.AddSingleton<EnvelopeUnsealer>();
        services.AddSingleton(_ => new WrapperMailBuilder());
        services.AddSingleton<BrandingTemplateCache>();
        services.AddSingleton<MessageSealer>();
        services.AddSingleton<MessageUnsealer>();
        services.AddSingleton<IBrandingImageNormalizer, BrandingImageNormalizer>();
        services.AddSingleton<ITenantKeyAdministration, TenantKeyAdministration>();
        return services;
    }
}
