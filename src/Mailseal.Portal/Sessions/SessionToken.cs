using System.Buffers.Text;
using System.Security.Cryptography;

namespace Mailseal.Portal.Sessions;

/// <summary>
/// The random tokens in the portal's cookies (pre-session and session): 128 bits from the CSPRNG, base64url in
/// the cookie, and only their SHA-256 in the store, so a database dump opens no session.
/// </summary>
internal static class SessionToken
{
    private const int TokenBytes = 16;

    public static (string Token, byte[] Hash) New()
    {
        var raw = RandomNumberGenerator.GetBytes(TokenBytes);
        return (Base64Url.EncodeToString(raw), SHA256.HashData(raw));
    }

    /// <summary>The hash of a token from a cookie, or null when the value is not a token at all.</summary>
    public static byte[]? HashOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 32)
        {
            return null;
        }

        Span<byte> raw = stackalloc byte[32];
        if (Base64Url.DecodeFromChars(token, raw, out _, out var written) != System.Buffers.OperationStatus.Done || written != TokenBytes)
        {
            return null;
        }

        return SHA256.HashData(raw[..written]);
    }
}
