namespace Mailseal.Core.Rules;

/// <summary>
/// Priorities as Exchange keeps them: 0 to n-1 without gaps. Placing a rule at a taken priority moves that
/// rule and every later one down by one; a priority past the end puts the rule last.
/// </summary>
public static class RulePriorities
{
    /// <summary>
    /// The whole set after inserting <paramref name="rule"/>, or moving it when a rule of that name exists,
    /// renumbered 0…n-1.
    /// </summary>
    public static IReadOnlyList<TransportRule> Place(IReadOnlyList<TransportRule> existing, TransportRule rule)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(rule);
        var ordered = existing
            .Where(r => !string.Equals(r.Name, rule.Name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Priority).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        ordered.Insert(Math.Clamp(rule.Priority, 0, ordered.Count), rule);
        return Renumber(ordered);
    }

    /// <summary>The rules in their order, renumbered 0…n-1 (after a removal, say).</summary>
    public static IReadOnlyList<TransportRule> Renumber(IEnumerable<TransportRule> ordered) =>
        [.. ordered.Select((r, index) => r.Priority == index ? r : r with { Priority = index })];
}
