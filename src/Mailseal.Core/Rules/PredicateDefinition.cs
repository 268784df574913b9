namespace Mailseal.Core.Rules;

/// <summary>
/// One row of <see cref="PredicateCatalog"/>: a predicate's name, kind of values, whether it depends on the
/// recipient, its evaluator, and for header predicates the Exchange parameter that names the header.
/// </summary>
internal sealed record PredicateDefinition(
    string Name,
    PredicateValueKind ValueKind,
    bool DependsOnRecipient,
    Func<PredicateInput, CompiledPredicate, PredicateResult> Evaluate,
    string? HeaderParameter = null);
