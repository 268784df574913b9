namespace Mailseal.Portal.Replying;

/// <summary>The recipient who signed in to the portal and answers.</summary>
/// <param name="Address">The address the portal verified: a recipient of the envelope's license.</param>
/// <param name="DisplayName">The name to show with it, when known.</param>
public sealed record Replier(string Address, string? DisplayName);
