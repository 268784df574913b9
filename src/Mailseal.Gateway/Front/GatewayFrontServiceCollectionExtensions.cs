using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Gateway.Front;

public static class GatewayFrontServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="GatewayFrontOptions"/> from the "Gateway" section (on start) and runs the
    /// <see cref="GatewayFront"/> as a hosted service. The host registers an <see cref="IMessageHandler"/> and a
    /// <see cref="Mailseal.Protection.SpoolFactory"/>.
    /// </summary>
    public static IServiceCollection AddMailsealGatewayFront(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GatewayFrontOptions>()
            .Bind(configuration.GetSection(GatewayFrontOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayFrontOptions>, GatewayFrontOptionsValidator>();
        services.AddSingleton<GatewayFront>();
        services.AddHostedService<GatewayFrontHostedService>();
        return services;
    }
}
