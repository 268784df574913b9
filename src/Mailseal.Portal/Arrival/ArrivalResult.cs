using Mailseal.Core.Portal;

namespace Mailseal.Portal.Arrival;

/// <summary>The outcome of an arrival, and for <see cref="ArrivalOutcome.Arrived"/> the new pre-session and its cookie token.</summary>
public sealed record ArrivalResult(ArrivalOutcome Outcome, PreSession? PreSession = null, string? Token = null)
{
    public static ArrivalResult Refused(ArrivalOutcome outcome) => new(outcome);
}
