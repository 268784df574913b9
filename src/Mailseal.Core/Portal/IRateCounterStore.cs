namespace Mailseal.Core.Portal;

/// <summary>
/// Fixed-window counters in the shared store, so that a limit holds across portal nodes rather than per node.
/// Keys name what is counted (e.g. arrivals per client address); callers hash anything personal.
/// </summary>
public interface IRateCounterStore
{
    /// <summary>
    /// Adds one to the counter of <paramref name="key"/> in the window starting at <paramref name="windowStart"/>
    /// and returns the new count. The counter is kept until <paramref name="expiresAt"/>.
    /// </summary>
    Task<long> IncrementAsync(string key, DateTimeOffset windowStart, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Forgets counters that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
