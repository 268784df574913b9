namespace Mailseal.Core.Rules;

/// <summary>One condition as a parameter: its name, what its values are, and for header predicates the parameter naming the header.</summary>
public sealed record RulePredicateParameter(string Name, PredicateValueKind ValueKind, string? HeaderParameter);
