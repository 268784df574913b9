using System.Security.Claims;
using Mailseal.Admin.Authentication;
using Mailseal.Admin.Hosting;
using Mailseal.Core.Administration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mailseal.Admin.Page;

/// <summary>
/// Who may see the admin page: a request with a live admin API key as Bearer, or with the session cookie of a
/// sign-in whose key is still live (a revoked key ends its sessions at once). Keys, as Bearer (through the admin key
/// scheme, as on the API) or typed into the sign-in form, go through <see cref="AdminKeyCheck"/>: wrong ones count
/// with the API's against the client address, and none is looked at while it is over the limit. Fails closed:
/// anything else is nobody.
/// </summary>
internal sealed partial class AdminPageAccess(
    AdminApiKeyService keys,
    AdminKeyCheck keyCheck,
    AdminPageSessions sessions,
    ILogger<AdminPageAccess> logger)
{
    public const string PlainCookieName = "mailseal-admin";
    public const string SecureCookieName = "__Host-mailseal-admin";

    /// <summary>Who makes the request: its key's id, or null, or how long its address must wait after too many wrong keys.</summary>
    public async Task<AdminPageVisitor> VisitorAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().Length > 0)
        {
            // The admin key scheme's result for this request: it checked the Bearer key once for everyone (any other
            // scheme is no key at all: refused, as on the API, without counting).
            var result = await context.AuthenticateAsync(AdminAuthentication.Scheme);
            if (result.Succeeded)
            {
                return new(result.Principal.FindFirstValue(AdminAuthentication.KeyIdClaim), null);
            }

            if (result.Properties?.GetParameter<TimeSpan?>(AdminAuthentication.RetryAfterParameter) is { } retryAfter)
            {
                LogBearerLimited(logger, ClientOf(context));
                return new(null, retryAfter);
            }

            LogBearerRefused(logger, ClientOf(context));
            return new(null, null);
        }

        var session = sessions.Find(context.Request.Cookies[CookieName(context)]);
        if (session is null)
        {
            return new(null, null);
        }

        return new(await keys.IsLiveAsync(session.KeyId, context.RequestAborted) ? session.KeyId : null, null);
    }

    /// <summary>Checks a key typed into the sign-in form; when it is accepted, sets the session cookie.</summary>
    public async Task<AdminKeyCheckResult> SignInAsync(HttpContext context, string? presented)
    {
        // A sign-in without a key is a wrong key: only a header can be left out.
        var check = await keyCheck.CheckAsync(context, presented?.Trim() ?? "");
        var client = ClientOf(context);
        if (check.Verdict == AdminKeyVerdict.TooManyFailures)
        {
            LogSignInLimited(logger, client);
            return check;
        }

        if (check.Key is not { } key)
        {
            LogSignInRefused(logger, client);
            return check;
        }

        var token = sessions.Start(key.Id);
        context.Response.Cookies.Append(CookieName(context), token, CookieOptions(context));
        LogSignedIn(logger, key.Id, client);
        return check;
    }

    public void SignOut(HttpContext context)
    {
        var name = CookieName(context);
        sessions.End(context.Request.Cookies[name]);
        context.Response.Cookies.Delete(name, CookieOptions(context));
    }

    private static string CookieName(HttpContext context) => context.Request.IsHttps ? SecureCookieName : PlainCookieName;

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    // The TCP peer, as the API's refusals log it (the page is served on the admin listener only).
    private static string ClientOf(HttpContext context) => AdminListener.ClientAddress(context)?.ToString() ?? "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin page sign-in with key {KeyId} from {Client}")]
    private static partial void LogSignedIn(ILogger logger, string keyId, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin page sign-in refused from {Client}: unknown, wrong or revoked key")]
    private static partial void LogSignInRefused(ILogger logger, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin page request refused from {Client}: unknown, wrong or revoked Bearer key")]
    private static partial void LogBearerRefused(ILogger logger, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin page sign-in refused from {Client}: too many failed admin keys from this address")]
    private static partial void LogSignInLimited(ILogger logger, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin page request refused from {Client}: too many failed admin keys from this address")]
    private static partial void LogBearerLimited(ILogger logger, string client);
}
