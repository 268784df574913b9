using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Mailseal.Admin.Metrics;

/// <summary>
/// OpenTelemetry metrics in Prometheus text format (docs/observability.md). The meters of every Mailseal part in
/// this process are collected, wherever they were registered, plus ASP.NET Core's request durations.
/// </summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>Where the scrape endpoint is mapped.</summary>
    public const string Path = "/metrics";

    /// <summary>"Mailseal.Gateway", "Mailseal.Portal" and any later part's meter.</summary>
    public const string MailsealMeters = "Mailseal.*";

    public static IServiceCollection AddMailsealMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MailsealMeters)
            .AddAspNetCoreInstrumentation()
            // No response cache: a scrape sees what happened up to it, and scrapes come every few seconds at most.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Maps GET /metrics. Map it on the admin listener only: the public portal listener never serves it.</summary>
    public static IEndpointConventionBuilder MapMailsealMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPrometheusScrapingEndpoint(Path);
    }
}
