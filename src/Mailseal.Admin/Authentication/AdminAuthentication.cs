namespace Mailseal.Admin.Authentication;

/// <summary>The names by which admin endpoints (the API, and anything else behind an admin API key) require a key.</summary>
public static class AdminAuthentication
{
    /// <summary>The authentication scheme: "Authorization: Bearer &lt;admin API key&gt;" from an allowed network.</summary>
    public const string Scheme = "MailsealAdminApiKey";

    /// <summary>The authorization policy that requires <see cref="Scheme"/>.</summary>
    public const string Policy = "MailsealAdmin";

    /// <summary>The claim holding the key's id; the principal's name is the key's name.</summary>
    public const string KeyIdClaim = "mailseal:admin-key-id";

    /// <summary>
    /// The parameter of a refused result's properties that holds how long the client address must wait (a
    /// <see cref="TimeSpan"/>), set when it sent too many wrong keys.
    /// </summary>
    public const string RetryAfterParameter = "mailseal:retry-after";
}
