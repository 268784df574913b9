using Mailseal.Protection.Wrapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Security;

/// <summary>
/// Refuses every state-changing request that does not come from the portal's own pages: the browser must say
/// Sec-Fetch-Site: same-origin, or (older browsers) send an Origin equal to the public URL's. POST /envelope,
/// the arrival from a file:// page, is the one exception. Antiforgery tokens are checked as well, by the pages.
/// </summary>
internal sealed partial class SameOriginPosts(RequestDelegate next, IOptions<PortalOptions> options, ILogger<SameOriginPosts> logger)
{
    private readonly string _origin = PortalAddresses.Origin(options.Value.PublicUrl);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || PortalPaths.IsCrossSiteArrival(request))
        {
            return next(context);
        }

        if (IsSameOrigin(request))
        {
            return next(context);
        }

        LogRefused(logger, request.Method, request.Path);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        if (site.Length == 0 && origin.Length == 0)
        {
            return false;
        }

        // Under the portal's Referrer-Policy: no-referrer, browsers send "Origin: null" on their own same-origin form
        // posts (Fetch, "append a request Origin header"); Sec-Fetch-Site, which no page can set, still says same-origin.
        var sameOriginWithoutOrigin = site == "same-origin" && origin == "null";
        return (site.Length == 0 || site == "same-origin")
            && (origin.Length == 0 || sameOriginWithoutOrigin || string.Equals(origin, _origin, StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a cross-site {Method} to {Path}.")]
    private static partial void LogRefused(ILogger logger, string method, PathString path);
}
