namespace Mailseal.Core.Rules;

/// <summary>A policy rejection: an enhanced status code (5.7.x) and the text the sender sees.</summary>
public sealed record RejectDecision(string StatusCode, string ReasonText);
