namespace Mailseal.Portal.PassCodes;

/// <summary>
/// The answer to a request, the same whether or not the address is a recipient: a short reference that the code
/// mail also shows, or a rate limit and when to try again (then no code was made and the reference is empty).
/// </summary>
public sealed record PassCodeIssue(string Reference, bool RateLimited, DateTimeOffset? RetryAfter);
