namespace Mailseal.Core.Rules;

/// <summary>The predicates a rule can use, for clients that offer them as parameters (the command line, cmdlets).</summary>
public static class RulePredicates
{
    /// <summary>An exception is its condition's name with this prefix, as in Exchange.</summary>
    public const string ExceptIfPrefix = PredicateCatalog.ExceptIfPrefix;

    /// <summary>Every condition, in catalogue order; each is also an exception under <see cref="ExceptIfPrefix"/>.</summary>
    public static IReadOnlyList<RulePredicateParameter> Parameters { get; } =
        [.. PredicateCatalog.All.Select(d => new RulePredicateParameter(d.Name, d.ValueKind, d.HeaderParameter))];
}
