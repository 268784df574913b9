namespace Mailseal.Admin.Authentication;

/// <summary>What <see cref="AdminKeyCheck"/> made of a presented admin key.</summary>
internal enum AdminKeyVerdict
{
    Accepted,

    /// <summary>No key was presented; counts for nothing.</summary>
    Missing,

    /// <summary>Unknown, wrong, malformed or revoked; counted against the client address.</summary>
    Wrong,

    /// <summary>The client address sent too many wrong keys: the key was not looked at.</summary>
    TooManyFailures,
}
