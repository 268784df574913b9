using System.Net;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// The one plain page for every refused sign-in with an account: it does not say which check failed.
/// </summary>
internal static class OpenIdRefusalPage
{
    public static async Task WriteAsync(HttpContext context, int statusCode, string providerDisplayName)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var provider = WebUtility.HtmlEncode(providerDisplayName);
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in refused</title></head><body>"
            + $"<h1>Sign-in with {provider} refused</h1>"
            + "<p>The account's address must be verified by the provider and be a recipient of this message.</p>"
            + "<p>Open the message again and sign in with another account or use a one-time pass code.</p>"
            + "</body></html>",
            context.RequestAborted);
    }
}
