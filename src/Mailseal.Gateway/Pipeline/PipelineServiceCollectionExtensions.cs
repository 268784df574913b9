using Mailseal.Gateway.Front;
using Mailseal.Gateway.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailseal.Gateway.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GatewayMessageHandler"/> as the front's <see cref="IMessageHandler"/>, with "Gateway:Pipeline"
    /// bound to <see cref="PipelineOptions"/>. Needs storage, protection and delivery registered.
    /// </summary>
    public static IServiceCollection AddMailsealPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection(PipelineOptions.SectionName))
            .Validate(o => o.MaxHops > 0 && o.MaxMimeDepth > 0 && o.ThreadExpiry > TimeSpan.Zero,
                "Gateway:Pipeline: MaxHops, MaxMimeDepth and ThreadExpiry must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EnvelopeInspector>();
        services.AddSingleton<ThreadMemory>();
        services.AddSingleton<CopyDeliverer>();
        services.AddSingleton<TrafficRecorder>();
        services.AddSingleton<GatewayMessageHandler>();
        services.AddSingleton<IMessageHandler>(sp => sp.GetRequiredService<GatewayMessageHandler>());
        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        return services;
    }
}
