using Mailseal.Admin.Hosting;
using Mailseal.Core.Administration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mailseal.Admin.Page;

/// <summary>
/// Who may see the admin page: a request with a live admin API key as Bearer, or with the session cookie of a
/// sign-in whose key is still live (a revoked key ends its sessions at once). Fails closed: anything else is nobody.
/// </summary>
internal sealed partial class AdminPageAccess(AdminApiKeyService keys, AdminPageSessions sessions, ILogger<AdminPageAccess> logger)
{
    public const string PlainCookieName = "mailseal-admin";
    public const string SecureCookieName = "__Host-mailseal-admin";

    /// <summary>The id of the key the request is made with, or null.</summary>
    public async Task<string?> KeyIdAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            var presented = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
            var key = await keys.VerifyAsync(presented, cancellationToken);
            if (key is null)
            {
                LogBearerRefused(logger, ClientOf(context));
            }

            return key?.Id;
        }

        var session = sessions.Find(context.Request.Cookies[CookieName(context)]);
        if (session is null)
        {
            return null;
        }

        return await keys.IsLiveAsync(session.KeyId, cancellationToken) ? session.KeyId : null;
    }

    /// <summary>Checks a key typed into the sign-in form; on success sets the session cookie.</summary>
    public async Task<bool> SignInAsync(HttpContext context, string? presented)
    {
        var key = await keys.VerifyAsync(presented?.Trim(), context.RequestAborted);
        if (key is null)
        {
            LogSignInRefused(logger, ClientOf(context));
            return false;
        }

        var token = sessions.Start(key.Id);
        context.Response.Cookies.Append(CookieName(context), token, CookieOptions(context));
        var client = ClientOf(context);
        LogSignedIn(logger, key.Id, client);
        return true;
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
}
