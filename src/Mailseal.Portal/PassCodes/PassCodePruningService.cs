using Mailseal.Core.Portal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mailseal.Portal.PassCodes;

/// <summary>
/// Forgets expired codes and send windows, and attempt counters idle for two days (never one that is still
/// locked). Every node runs it; the deletes are idempotent.
/// </summary>
internal sealed partial class PassCodePruningService(IPassCodeStore store, TimeProvider time, ILogger<PassCodePruningService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan IdleCounterLifetime = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = time.GetUtcNow();
                await store.PruneAsync(now, now - IdleCounterLifetime, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database that is briefly away is tried again at the next tick; nothing depends on pruning at once.
                LogFailed(logger, ex.GetType().Name, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning pass codes failed: {Error}: {Detail}")]
    private static partial void LogFailed(ILogger logger, string error, string detail);
}
