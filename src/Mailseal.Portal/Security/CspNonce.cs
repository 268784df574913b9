using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Portal.Security;

/// <summary>The per-response nonce that the page's one inline style block carries and the CSP names.</summary>
public static class CspNonce
{
    private static readonly object Key = new();

    /// <summary>The nonce of this request (made on first use: 128 random bits as hex, which needs no escaping in HTML).</summary>
    public static string Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[Key] is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[Key] = nonce;
        return nonce;
    }
}
