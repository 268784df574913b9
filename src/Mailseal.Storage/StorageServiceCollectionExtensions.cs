using Mailseal.Core.Administration;
using Mailseal.Core.Branding;
using Mailseal.Core.Dkim;
using Mailseal.Core.Keys;
using Mailseal.Core.Organization;
using Mailseal.Core.Portal;
using Mailseal.Core.Rules;
using Mailseal.Core.Tenancy;
using Mailseal.Core.Tracking;
using Mailseal.Storage.KeyEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Storage;

/// <summary>Registers Mailseal's storage with a host.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="StorageOptions"/> from the "Storage" section (on start), and registers
    /// <see cref="MailsealStorage"/>, its stores and key-encryption key as singletons, plus a hosted service
    /// that migrates the schema at start. Nothing touches the database during registration.
    /// </summary>
    public static IServiceCollection AddMailsealStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddSingleton(provider => MailsealStorage.Open(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IKeyStore>(provider => provider.GetRequiredService<MailsealStorage>().Keys);
        services.AddSingleton<ITenantStore>(provider => provider.GetRequiredService<MailsealStorage>().Tenants);
        services.AddSingleton<IOmeConfigurationStore>(provider => provider.GetRequiredService<MailsealStorage>().Branding);
        services.AddSingleton<IOrganizationStore>(provider => provider.GetRequiredService<MailsealStorage>().Organization);
        services.AddSingleton<ITransportRuleStore>(provider => provider.GetRequiredService<MailsealStorage>().TransportRules);
        services.AddSingleton<IDkimKeyStore>(provider => provider.GetRequiredService<MailsealStorage>().DkimKeys);
        services.AddSingleton<ITrafficCounterStore>(provider => provider.GetRequiredService<MailsealStorage>().TrafficCounters);
        services.AddSingleton<IThreadStore>(provider => provider.GetRequiredService<MailsealStorage>().Threads);
        services.AddSingleton<IPassCodeStore>(provider => provider.GetRequiredService<MailsealStorage>().PassCodes);
        services.AddSingleton<IPreSessionStore>(provider => provider.GetRequiredService<MailsealStorage>().PreSessions);
        services.AddSingleton<IPortalSessionStore>(provider => provider.GetRequiredService<MailsealStorage>().PortalSessions);
        services.AddSingleton<IRateCounterStore>(provider => provider.GetRequiredService<MailsealStorage>().RateCounters);
        services.AddSingleton<IDataProtectionKeyStore>(provider => provider.GetRequiredService<MailsealStorage>().DataProtectionKeys);
        services.AddSingleton<IAuditLogStore>(provider => provider.GetRequiredService<MailsealStorage>().AuditLog);
        services.AddSingleton<IAdminApiKeyStore>(provider => provider.GetRequiredService<MailsealStorage>().AdminApiKeys);
        services.AddSingleton<KeyEncryptionKeySource>(
            provider => provider.GetRequiredService<MailsealStorage>().KeyEncryptionKeys);
        services.AddSingleton<KeyEncryptionKey>(
            provider => provider.GetRequiredService<KeyEncryptionKeySource>().GetKey());
        services.AddHostedService<StorageStartupService>();
        return services;
    }
}
