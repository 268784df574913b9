using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Core.Tracking;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// Counts each handled copy per matched rule, UTC day, direction and action. Direction per copy: Outbound when any
/// recipient is outside the accepted domains, Inbound when the sender is outside, Internal otherwise.
/// The counts add up in memory and reach the store in one transaction per <see cref="FlushAsync"/>
/// (<see cref="TrafficFlushService"/>: every <see cref="PipelineOptions.TrafficFlushInterval"/> and at shutdown),
/// so a message does not wait for a commit of its own; a crash loses at most one interval of counts.
/// </summary>
public sealed class TrafficRecorder(ITrafficCounterStore store, TimeProvider time)
{
    private readonly Lock _pendingLock = new();
    private Dictionary<TrafficKey, long> _pending = [];

    /// <summary>Name counted for copies sealed by the thread rule rather than by a rule.</summary>
    public const string ThreadRuleName = "(thread)";

    /// <summary>The counts of one copy going in <paramref name="direction"/> (<see cref="DirectionOf"/>).</summary>
    public static IReadOnlyList<TrafficCount> CountsFor(CopyResult copy, RuleEvaluation evaluation, TrafficDirection direction, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(evaluation);
        var action = ActionOf(copy);
        var matches = evaluation.Recipients
            .Where(o => copy.Plan.Recipients.Contains(o.Recipient, StringComparer.OrdinalIgnoreCase))
            .SelectMany(o => o.MatchedRules)
            .DistinctBy(m => (m.RuleName.ToUpperInvariant(), m.Mode))
            .ToList();
        var counts = new List<TrafficCount>();
        foreach (var match in matches)
        {
            var counted = match.Mode == RuleMode.Enforce ? action : TrafficAction.Audited;
            if (counted is { } value)
            {
                counts.Add(new TrafficCount(day, match.RuleName, direction, value, 1));
            }
        }

        if (copy.Plan.ByThreadRule && action is { } threadAction)
        {
            counts.Add(new TrafficCount(day, ThreadRuleName, direction, threadAction, 1));
        }

        return counts;
    }

    /// <summary>Adds the counts to those waiting for the next flush.</summary>
    public void Record(IEnumerable<TrafficCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (_pendingLock)
        {
            foreach (var count in counts)
            {
                var key = new TrafficKey(count.Day, count.RuleName, count.Direction, count.Action);
                _pending[key] = _pending.GetValueOrDefault(key) + count.Messages;
            }
        }
    }

    /// <summary>
    /// Writes the waiting counts in one transaction. When the store fails they wait for the next flush (and the
    /// failure is thrown), so a database outage delays counts instead of losing them.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        // Two flushes at once take disjoint batches; the store adds increments, so neither needs to wait.
        List<TrafficCount> batch;
        lock (_pendingLock)
        {
            batch = [.. _pending.Select(p => new TrafficCount(p.Key.Day, p.Key.RuleName, p.Key.Direction, p.Key.Action, p.Value))];
            _pending = [];
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await store.IncrementAsync(batch, cancellationToken);
        }
        catch
        {
            Record(batch);
            throw;
        }
    }

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The copy's direction as the report and the gateway's metrics count it.</summary>
    public static TrafficDirection DirectionOf(CopyResult copy, OrganizationSnapshot organization, string sender)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(organization);
        return copy.Plan.Recipients.Any(r => !organization.IsInOrganization(r)) ? TrafficDirection.Outbound
            : organization.IsInOrganization(sender) ? TrafficDirection.Internal : TrafficDirection.Inbound;
    }

    /// <summary>Only what happened is counted: a copy that failed transiently is counted when it is retried.</summary>
    private static TrafficAction? ActionOf(CopyResult copy) => copy.Plan.Action switch
    {
        CopyAction.Reject => TrafficAction.Rejected,
        _ when !copy.AnyDelivered => null,
        CopyAction.Seal => TrafficAction.Sealed,
        CopyAction.Unseal => TrafficAction.Unsealed,
        CopyAction.Plain when copy.Plan.PassedUnsealed => TrafficAction.PassedUnsealed,
        _ => null,
    };

    private readonly record struct TrafficKey(DateOnly Day, string RuleName, TrafficDirection Direction, TrafficAction Action);
}
