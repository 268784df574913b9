namespace Mailseal.Core.Rules;

/// <summary>Whether one predicate held, and why, in words for the explanation.</summary>
public sealed record PredicateResult(bool Matched, string Detail)
{
    public static PredicateResult Yes(string detail) => new(true, detail);

    public static PredicateResult No(string detail) => new(false, detail);
}
