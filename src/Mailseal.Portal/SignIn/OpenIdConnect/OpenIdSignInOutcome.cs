namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>How a sign-in with an account ended; logged for every attempt.</summary>
public enum OpenIdSignInOutcome
{
    Session,
    AddressNotVerified,
    NotRecipient,
    PreSessionGone,
    ProviderFailure,
}
