using System.Globalization;
using System.Text;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// The normal form of an envelope recipient (RCPT address) that recipient hashes are computed over, so
/// that "Anna@Example.ORG." and "anna@example.org" name the same recipient.
/// </summary>
public static class RecipientAddress
{
    private static readonly IdnMapping Idn = new();

    /// <summary>
    /// Splits at the last '@'; the domain loses one trailing dot, goes through IDNA to ASCII and is
    /// lower-cased; the local part is Unicode NFC and lower-cased (invariant culture).
    /// </summary>
    /// <exception cref="ArgumentException">No '@', an empty part, or a domain IDNA refuses.</exception>
    public static string Normalize(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        if (at < 0)
        {
            throw new ArgumentException("A recipient address needs an '@'.", nameof(address));
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (domain.EndsWith('.'))
        {
            domain = domain[..^1];
        }

        if (local.Length == 0 || domain.Length == 0)
        {
            throw new ArgumentException("A recipient address needs a local part and a domain.", nameof(address));
        }

        // Lower-casing is the point of a normal form here, not a display choice.
#pragma warning disable CA1308
        var asciiDomain = Idn.GetAscii(domain).ToLowerInvariant();
        var normalLocal = local.Normalize(NormalizationForm.FormC).ToLowerInvariant();
#pragma warning restore CA1308
        return normalLocal + "@" + asciiDomain;
    }
}
