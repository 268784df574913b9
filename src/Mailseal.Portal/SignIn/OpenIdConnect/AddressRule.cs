namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// How a provider's claims say that an address is verified: the rule an administrator picks per provider.
/// docs/portal-openid.md states each rule precisely.
/// </summary>
public enum AddressRule
{
    /// <summary>
    /// The standard rule (OpenID Connect Core §5.1), for Google and any issuer that sends it: the
    /// <c>email</c> claim with <c>email_verified</c> true.
    /// </summary>
    EmailVerified,

    /// <summary>
    /// Microsoft's identity platform (login.microsoftonline.com), which does not send <c>email_verified</c>:
    /// the <c>email</c> claim with the optional claim <c>xms_edov</c> (email domain owner verified) true.
    /// </summary>
    MicrosoftEntra,
}
