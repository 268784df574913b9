namespace Mailseal.Core.Rules;

/// <summary>Recipients with the same decision: they get one copy of the message.</summary>
public sealed record RecipientGroup(RecipientDecision Decision, IReadOnlyList<string> Recipients);
