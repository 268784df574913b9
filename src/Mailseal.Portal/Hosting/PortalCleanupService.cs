using Mailseal.Core.Portal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Hosting;

/// <summary>
/// Removes expired pre-sessions, envelopes, sessions, rate counters, pass codes and send windows from the shared store
/// once a minute, and pass-code attempt counters idle for two days (never one that is still locked). Expired entries
/// are already ignored when read; this only gives their space back. Several nodes may run it at once.
/// </summary>
internal sealed partial class PortalCleanupService(
    IPreSessionStore preSessions,
    IPortalSessionStore sessions,
    IRateCounterStore counters,
    IPassCodeStore passCodes,
    TimeProvider time,
    IOptions<PortalOptions> options,
    ILogger<PortalCleanupService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan IdleAttemptCounterLifetime = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = time.GetUtcNow();
                await sessions.PruneAsync(now, options.Value.SessionIdleTimeout, stoppingToken);
                await preSessions.PruneAsync(now, stoppingToken);
                await counters.PruneAsync(now, stoppingToken);
                await passCodes.PruneAsync(now, now - IdleAttemptCounterLifetime, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; reads ignore expired rows meanwhile.
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing expired portal entries failed; retrying in a minute.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
