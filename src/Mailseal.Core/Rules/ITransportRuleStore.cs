namespace Mailseal.Core.Rules;

/// <summary>
/// Persistence of mail-flow rules. Names compare case-insensitively; priorities stay 0…n-1 without gaps
/// (<see cref="RulePriorities"/>). Callers validate rules first (<see cref="TransportRuleValidator"/>).
/// </summary>
public interface ITransportRuleStore
{
    /// <summary>All rules, by priority.</summary>
    Task<IReadOnlyList<TransportRule>> ListAsync(CancellationToken cancellationToken = default);

    Task<TransportRule?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Adds the rule, or replaces the one with its name, at its priority; others shift as Exchange does.</summary>
    Task UpsertAsync(TransportRule rule, CancellationToken cancellationToken = default);

    /// <summary>Removes a rule and closes the gap in priorities. Returns false when none had that name.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Replaces every rule at once (import); the rules are stored in their priority order, renumbered.</summary>
    Task ReplaceAllAsync(IReadOnlyList<TransportRule> rules, CancellationToken cancellationToken = default);
}
