namespace Mailseal.Core.Rules;

/// <summary>What the values of a predicate are, which decides how they are validated and compiled.</summary>
public enum PredicateValueKind
{
    Addresses,
    Scope,
    Domains,
    Words,
    Patterns,
    Extensions,
    Size,
    MessageTypes,
}
