using Mailseal.Admin.Authentication;
using Mailseal.Admin.Hosting;
using Mailseal.Admin.Metrics;
using Mailseal.Admin.Page;
using Mailseal.Core.Administration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mailseal.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// Registers the admin API: the "Admin" options (validated on start), the admin listener on Kestrel, the API key
    /// authentication scheme and policy, and the admin service. Needs the stores (AddMailsealStorage), protection
    /// (AddMailsealProtection) and delivery (AddMailsealDelivery). Map the routes with MapMailsealAdminApi.
    /// </summary>
    public static IServiceCollection AddMailsealAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IConfigureOptions<KestrelServerOptions>, AdminListener>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, AdminListenerMatcherPolicy>());
        services.TryAddSingleton<AdminClientNetworks>();
        services.TryAddSingleton<AdminKeyFailureLimiter>();
        services.TryAddSingleton<AdminKeyCheck>();
        services.TryAddSingleton<AdminListenerAddress>();
        if (!services.Any(s => s.ServiceType == typeof(AdminService)))
        {
            services.AddMailsealAdministration();
        }

        services.AddMailsealAdminPage();
        services.AddMailsealMetrics();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AdminApiKeyAuthenticationHandler>(AdminAuthentication.Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminAuthentication.Policy, policy =>
            policy.AddAuthenticationSchemes(AdminAuthentication.Scheme).RequireAuthenticatedUser());
        return services;
    }
}
