using System.Security.Claims;
using MimeKit;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// The address a provider vouches for, under the provider's <see cref="AddressRule"/>; null when the claims
/// do not prove one. Claim names are the providers' own (the handler maps no inbound claims).
/// </summary>
public static class VerifiedAddress
{
    public const string EmailClaim = "email";
    public const string EmailVerifiedClaim = "email_verified";
    public const string EmailDomainOwnerVerifiedClaim = "xms_edov";

    /// <summary>Reads the verified address, or null; never throws for hostile or missing claims.</summary>
    public static string? Read(AddressRule rule, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var proof = rule switch
        {
            AddressRule.EmailVerified => EmailVerifiedClaim,
            AddressRule.MicrosoftEntra => EmailDomainOwnerVerifiedClaim,
            _ => null,
        };
        if (proof is null || !IsTrue(principal, proof))
        {
            return null;
        }

        var email = SingleValue(principal, EmailClaim);
        return email is not null && IsPlainAddress(email) ? email : null;
    }

    /// <summary>
    /// Present, and every copy is true: JSON true reads "true" from the ID token and "True" from userinfo;
    /// some issuers send the string "true".
    /// </summary>
    private static bool IsTrue(ClaimsPrincipal principal, string claim)
    {
        var values = principal.FindAll(claim).Select(c => c.Value).ToList();
        return values.Count > 0 && values.All(value => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The claim's value when every copy of it agrees (id token and userinfo may both carry it).</summary>
    private static string? SingleValue(ClaimsPrincipal principal, string claim)
    {
        var values = principal.FindAll(claim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>A bare addr-spec, nothing a display name or a group could hide behind.</summary>
    private static bool IsPlainAddress(string value) =>
        value.Length <= 320
        && MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && string.Equals(mailbox.Address, value, StringComparison.Ordinal);
}
