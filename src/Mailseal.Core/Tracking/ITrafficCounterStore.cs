namespace Mailseal.Core.Tracking;

/// <summary>
/// Counters per rule, day, direction and action (the report legacy OME offered). Increments add up
/// across gateway nodes: the store, not a node's memory, holds the sum.
/// </summary>
public interface ITrafficCounterStore
{
    /// <summary>Adds each increment's messages to its counter.</summary>
    Task IncrementAsync(IReadOnlyCollection<TrafficCount> increments, CancellationToken cancellationToken = default);

    /// <summary>The counters of the days from <paramref name="firstDay"/> to <paramref name="lastDay"/>, both included.</summary>
    Task<IReadOnlyList<TrafficCount>> QueryAsync(
        DateOnly firstDay, DateOnly lastDay, string? ruleName = null, TrafficDirection? direction = null, CancellationToken cancellationToken = default);
}
