namespace Mailseal.Testing.OpenId;

/// <summary>
/// An account of the loopback OpenID provider: the id typed into its login form, and the claims it releases
/// about the account (besides <c>sub</c>, which is the id).
/// </summary>
public sealed record OpenIdTestAccount(string Id, IReadOnlyDictionary<string, object> Claims)
{
    /// <summary>A standard issuer's account: <c>email</c> with <c>email_verified</c>.</summary>
    public static OpenIdTestAccount WithEmail(string id, string email, bool emailVerified) =>
        new(id, new Dictionary<string, object> { ["email"] = email, ["email_verified"] = emailVerified });
}
