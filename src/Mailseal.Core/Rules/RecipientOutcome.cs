namespace Mailseal.Core.Rules;

/// <summary>The rules that matched for one recipient (Audit ones included) and the decision they led to.</summary>
public sealed record RecipientOutcome(string Recipient, IReadOnlyList<RuleMatch> MatchedRules, RecipientDecision Decision);
