namespace Mailseal.Core.Rules;

/// <summary>A rule that matched for a recipient, with the mode it ran in (Audit matches change nothing).</summary>
public sealed record RuleMatch(string RuleName, int Priority, RuleMode Mode);
