using System.Security.Cryptography;
using System.Text;

namespace Mailseal.Gateway.Pipeline;

/// <summary>A recipient address as logs show it: the first 16 hex digits of SHA-256 of its lower-case form.</summary>
public static class RecipientHash
{
    public static string Of(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
