using Mailseal.Core.Keys;

namespace Mailseal.Protection.Keys;

/// <summary>The words operators use for key purposes, and the prefixes of key ids.</summary>
public static class KeyNames
{
    public static string Describe(KeyPurpose purpose) => purpose switch
    {
        KeyPurpose.ContentKeyWrapping => "wrapping",
        KeyPurpose.LicenseSigning => "signing",
        KeyPurpose.RecipientHashing => "recipient-hash",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    public static KeyPurpose Parse(string word) =>
        Enum.GetValues<KeyPurpose>().FirstOrDefault(p => string.Equals(Describe(p), word, StringComparison.OrdinalIgnoreCase)) is var purpose
        && purpose != default
            ? purpose
            : throw new ArgumentException($"Unknown key purpose '{word}': use wrapping, signing or recipient-hash.", nameof(word));

    internal static string IdPrefix(KeyPurpose purpose) => purpose switch
    {
        KeyPurpose.ContentKeyWrapping => "wrap",
        KeyPurpose.LicenseSigning => "sign",
        KeyPurpose.RecipientHashing => "rh",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };
}
