using Microsoft.AspNetCore.Http;

namespace Mailseal.Portal;

/// <summary>The portal's fixed paths, named once.</summary>
internal static class PortalPaths
{
    public const string Envelope = "/envelope";
    public const string Open = "/open";
    public const string SignIn = "/signin";
    public const string PassCode = "/signin/code";
    public const string SignOut = "/signout";
    public const string Read = "/read";

    /// <summary>POST /envelope: the only request accepted from another site (message.html on file://).</summary>
    public static bool IsCrossSiteArrival(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(Envelope, StringComparison.OrdinalIgnoreCase);

    /// <summary>A reply (with attachments) posted from a read page: POST /read/{envelopeId}?handler=Reply.</summary>
    public static bool IsReply(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.StartsWithSegments(Read, StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Query["handler"], "Reply", StringComparison.OrdinalIgnoreCase);

    /// <summary>The requests that carry a whole envelope: POST /envelope and the upload of /open.</summary>
    public static bool IsArrival(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals(Envelope, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(Open, StringComparison.OrdinalIgnoreCase));
}
