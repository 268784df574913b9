namespace Mailseal.Portal.Arrival;

/// <summary>How an arrival ended; every refusal has its own plain page, and every invalid envelope the same one.</summary>
public enum ArrivalOutcome
{
    Arrived,

    /// <summary>Not an envelope of ours, tampered, foreign, malformed: one uniform answer.</summary>
    Invalid,

    /// <summary>A genuine envelope whose license expired.</summary>
    Expired,

    TooLarge,

    /// <summary>Too many arrivals from this client address in the current window.</summary>
    RateLimited,

    /// <summary>The shared envelope cache is full.</summary>
    Busy,
}
