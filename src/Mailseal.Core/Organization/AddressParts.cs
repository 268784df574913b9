namespace Mailseal.Core.Organization;

/// <summary>The local part and domain of an addr-spec, split at the last '@'.</summary>
public static class AddressParts
{
    /// <summary>The domain without a trailing dot, or "" when the address has none.</summary>
    public static string Domain(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..].Trim().TrimEnd('.');
    }

    /// <summary>True when <paramref name="domain"/> is <paramref name="parent"/> or one of its subdomains.</summary>
    public static bool IsDomainOrSubdomain(string domain, string parent) =>
        string.Equals(domain, parent, StringComparison.OrdinalIgnoreCase)
        || domain.EndsWith("." + parent, StringComparison.OrdinalIgnoreCase);
}
