using System.Globalization;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// Domains as DKIM names them: A-labels (RFC 8616), lower case, no trailing dot — so that "bücher.example"
/// and "xn--bcher-kva.example" find the same key.
/// </summary>
public static class DkimDomain
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The normal form of <paramref name="domain"/>, or null when it is not a domain name.</summary>
    public static string? Normalize(string? domain)
    {
        if (string.IsNullOrWhiteSpace(domain))
        {
            return null;
        }

        try
        {
            return Idn.GetAscii(domain.Trim().TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
