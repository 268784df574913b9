using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Security;

/// <summary>
/// Headers on every portal response: a strict CSP with a nonce (a response that set its own policy, like the
/// message body document, keeps it), no caching, no sniffing, no referrer, no framing, and HSTS under HTTPS.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IOptions<PortalOptions> options)
{
    /// <summary>The pages' policy around the nonce: one inline style block, data: images, frames of our own only.</summary>
    public static string PagePolicy(string nonce) =>
        "default-src 'none'; style-src 'nonce-" + nonce + "'; img-src data:; frame-src 'self'; form-action 'self'; " +
        "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    private readonly bool _https = options.Value.IsHttps;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = PagePolicy(CspNonce.Get(context));
            }

            if (!headers.ContainsKey("X-Frame-Options"))
            {
                headers.XFrameOptions = "DENY";
            }

            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            if (_https && context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
