using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Admin.Page;

/// <summary>
/// The admin page's responses and their headers: the portal's strict policy (a nonce for the one style block,
/// data: images, frames from this origin only), no caching, no framing; previews get a sandbox of their own.
/// </summary>
internal static class AdminPageResponses
{
    /// <summary>The policy of a preview: its own inline styles and data: images, nothing else, sandboxed.</summary>
    public const string PreviewPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; " +
        "object-src 'none'; frame-ancestors 'self'; sandbox";

    public static IResult Page(HttpContext context, int status, Func<string, string> render)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        SetCommonHeaders(context);
        context.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'nonce-{nonce}'; img-src data:; frame-src 'self'; form-action 'self'; " +
            "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
        context.Response.Headers.XFrameOptions = "DENY";
        return Results.Content(render(nonce), "text/html; charset=utf-8", statusCode: status);
    }

    public static IResult Preview(HttpContext context, string html)
    {
        SetCommonHeaders(context);
        context.Response.Headers.ContentSecurityPolicy = PreviewPolicy;
        context.Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public static IResult SeeOther(HttpContext context, string location)
    {
        SetCommonHeaders(context);
        context.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static void SetCommonHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        // Not no-referrer: under it browsers send "Origin: null" on the page's own form posts, which the origin check refuses.
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }
}
