using System.Security.Cryptography;
using System.Text;

namespace Mailseal.Core.Tracking;

/// <summary>An address as logs show it (gateway tracking, portal pass codes): the first 16 hex digits of SHA-256 of its lower-case form.</summary>
public static class RecipientHash
{
    public static string Of(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
