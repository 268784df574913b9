namespace Mailseal.Portal.PassCodes;

/// <summary>The outcome of an attempt; <see cref="LockedUntil"/> is set when further attempts are locked.</summary>
public sealed record PassCodeCheck(PassCodeOutcome Outcome, DateTimeOffset? LockedUntil);
