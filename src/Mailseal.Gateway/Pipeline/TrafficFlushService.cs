using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// Writes the <see cref="TrafficRecorder"/>'s counts every <see cref="PipelineOptions.TrafficFlushInterval"/>, and
/// once more at shutdown. Registered before the front, so it stops after the front has finished the transactions
/// in flight and the last flush holds their counts.
/// </summary>
internal sealed class TrafficFlushService(
    TrafficRecorder traffic,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<TrafficFlushService> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TrafficFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: StopAsync flushes what is left.
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await traffic.FlushAsync(cancellationToken);
        }
#pragma warning disable CA1031 // The counts stay in memory for the next flush; a store outage must not stop the service.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            PipelineLog.TrafficFlushFailed(logger, ex.Message);
        }
    }
}
