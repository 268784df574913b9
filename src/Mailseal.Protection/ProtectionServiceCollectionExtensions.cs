using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailseal.Protection;

public static class ProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers keys, sealing and unsealing, and the wrapper mail. Needs the stores and the
    /// <see cref="KeyEncryptionKey"/> registered (Mailseal.Storage does both).
    /// </summary>
    public static IServiceCollection AddMailsealProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ProtectionOptions>()
            .Bind(configuration.GetSection(ProtectionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new KeyProtector(sp.GetRequiredService<KeyEncryptionKey>()));
        services.AddSingleton<TenantKeyRing>();
        services.AddSingleton<ITenantKeyRing>(sp => sp.GetRequiredService<TenantKeyRing>());
        services.AddSingleton<KeyManager>();
        return services;
    }
}
