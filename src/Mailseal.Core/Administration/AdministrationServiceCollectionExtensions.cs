using Mailseal.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailseal.Core.Administration;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the admin service, the API keys and configuration export/import. Needs the stores
    /// (AddMailsealStorage), the image normaliser and tenant keys (AddMailsealProtection) and DKIM keys
    /// (AddMailsealDelivery).
    /// </summary>
    public static IServiceCollection AddMailsealAdministration(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ConfigurationTransfer>();
        services.AddSingleton<AdminService>();
        services.AddSingleton<AdminApiKeyService>();
        return services;
    }
}
