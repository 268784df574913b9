namespace Mailseal.Core.Organization;

/// <summary>What counts as an accepted domain's name, a user's address and a language tag, checked the same way everywhere.</summary>
public static class OrganizationNames
{
    public const int MaxDomainLength = 253;
    public const int MaxAddressLength = 320;
    public const int MaxLanguageLength = 35;

    public static bool IsDomainName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxDomainLength
        && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '@');

    public static bool IsAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address) && address.Length <= MaxAddressLength && address.Contains('@', StringComparison.Ordinal)
        && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>A BCP 47 tag such as "de-DE": letters, digits and hyphens.</summary>
    public static bool IsLanguageTag(string? tag) =>
        !string.IsNullOrEmpty(tag) && tag.Length <= MaxLanguageLength && char.IsAsciiLetter(tag[0])
        && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
