namespace Mailseal.Core.Rules;

/// <summary>A validated rule with its predicates compiled (regular expressions built once per rule).</summary>
internal sealed record CompiledTransportRule(
    TransportRule Rule,
    IReadOnlyList<CompiledPredicate> Conditions,
    IReadOnlyList<CompiledPredicate> Exceptions);
