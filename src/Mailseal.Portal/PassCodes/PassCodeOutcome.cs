namespace Mailseal.Portal.PassCodes;

public enum PassCodeOutcome
{
    /// <summary>The code was right, live, issued to this pre-session, envelope and address, and is now used up.</summary>
    Accepted,

    /// <summary>Wrong, expired, replaced or already used, or not for this pre-session, envelope or address.</summary>
    Rejected,

    /// <summary>Too many failures: nothing is checked until the lock lifts.</summary>
    Locked,
}
