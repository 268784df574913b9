using Mailseal.Gateway.Front;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailseal.Gateway.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GatewayMessageHandler"/> as the front's <see cref="IMessageHandler"/>, with "Gateway:Pipeline"
    /// bound to <see cref="PipelineOptions"/>, and the traffic counters' flush. Needs storage, protection and delivery
    /// registered; register it before the front, so that the last flush runs after the front has drained.
    /// </summary>
    public static IServiceCollection AddMailsealPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection(PipelineOptions.SectionName))
            .Validate(o => o.MaxHops > 0 && o.MaxMimeDepth > 0 && o.ThreadExpiry > TimeSpan.Zero
                && o.PolicyRefreshInterval >= TimeSpan.Zero && o.PolicyRefreshInterval <= TimeSpan.FromMinutes(5)
                && o.TrafficFlushInterval > TimeSpan.Zero && o.TrafficFlushInterval <= TimeSpan.FromMinutes(5),
                "Gateway:Pipeline: MaxHops, MaxMimeDepth and ThreadExpiry must be positive, PolicyRefreshInterval between 0 and 5 minutes, TrafficFlushInterval above 0 and at most 5 minutes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MailFlowPolicyCache>();
        services.AddSingleton<EnvelopeInspector>();
        services.AddSingleton<ThreadMemory>();
        services.AddSingleton<CopyDeliverer>();
        services.AddSingleton<TrafficRecorder>();
        services.AddHostedService<TrafficFlushService>();
        services.AddSingleton<GatewayMessageHandler>();
        services.AddSingleton<IMessageHandler>(sp => sp.GetRequiredService<GatewayMessageHandler>());
        return services;
    }
}
