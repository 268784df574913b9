using System.Security.Cryptography;
using System.Text;

namespace Mailseal.Protection.Envelope;

/// <summary>Keyed hashes of recipients: HMAC-SHA256 under the tenant secret over the UTF-8 normal form.</summary>
public static class RecipientHasher
{
    /// <summary>The 32-byte hash of <paramref name="address"/> (normalized first).</summary>
    /// <exception cref="ArgumentException">The address has no normal form.</exception>
    public static byte[] Hash(string address, ReadOnlySpan<byte> secret) =>
        HashNormalForm(RecipientAddress.Normalize(address), secret);

    internal static byte[] HashNormalForm(string normalForm, ReadOnlySpan<byte> secret) =>
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(normalForm));

    /// <summary>Whether <paramref name="address"/> is among the license's recipients; false for a malformed address.</summary>
    public static bool IsRecipient(License license, string address, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(address);
        byte[] hash;
        try
        {
            hash = Hash(address, secret);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var found = false;
        foreach (var candidate in license.RecipientHashes)
        {
            // Look at every entry so the time taken does not say where the match was.
            found |= CryptographicOperations.FixedTimeEquals(candidate.AsSpan(), hash);
        }

        return found;
    }
}
