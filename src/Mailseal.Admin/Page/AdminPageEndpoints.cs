using Mailseal.Admin.Authentication;
using Mailseal.Core.Administration;
using Mailseal.Core.Branding;
using Mailseal.Protection.Wrapper;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Admin.Page;

/// <summary>
/// The admin page's handlers. Every one but sign-in asks <see cref="AdminPageAccess"/> first and fails closed. The
/// portal's page is previewed only where the portal is hosted, i.e. has registered an <see cref="IPortalPagePreview"/>.
/// </summary>
internal sealed class AdminPageEndpoints(
    AdminPageAccess access,
    AdminService admin,
    IOmeConfigurationStore templates,
    BrandingPreview previews,
    TimeProvider time,
    IPortalPagePreview? portalPage = null)
{
    public const int DefaultDays = 14;
    public const int MaxDays = 92;

    public async Task<IResult> DashboardAsync(HttpContext context, int? days, string? template, string? language)
    {
        var visitor = await access.VisitorAsync(context);
        if (visitor.RetryAfter is { } retryAfter)
        {
            return TooManyFailedKeys(context, retryAfter);
        }

        if (visitor.KeyId is null)
        {
            return SignInPage(context, StatusCodes.Status401Unauthorized, error: null);
        }

        var ct = context.RequestAborted;
        var count = Math.Clamp(days ?? DefaultDays, 1, MaxDays);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var firstDay = today.AddDays(1 - count);
        var report = await admin.GetTrafficReportAsync(new TrafficReportRequest { StartDate = firstDay, EndDate = today }, ct);
        var names = await TemplateNamesAsync(ct);
        var model = new AdminPageModel(
            [.. Enumerable.Range(0, count).Select(firstDay.AddDays)],
            RuleTraffic.Rank(report),
            names,
            names.FirstOrDefault(n => string.Equals(n, template, StringComparison.OrdinalIgnoreCase)) ?? names[0],
            WrapperLanguage.Translated.FirstOrDefault(l => l == language) ?? WrapperLanguage.Translated[0],
            PortalHosted: portalPage is not null);
        return AdminPageResponses.Page(context, StatusCodes.Status200OK, nonce => AdminPageHtml.Dashboard(nonce, model));
    }

    public async Task<IResult> SignInAsync(HttpContext context)
    {
        if (!IsSameOrigin(context) || !context.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var check = await access.SignInAsync(context, form["key"].ToString());
        return check.Verdict switch
        {
            AdminKeyVerdict.Accepted => AdminPageResponses.SeeOther(context, AdminPagePaths.Dashboard),
            AdminKeyVerdict.TooManyFailures => TooManyFailedKeys(context, check.RetryAfter),
            _ => SignInPage(context, StatusCodes.Status401Unauthorized, AdminPageHtml.WrongKeyMessage),
        };
    }

    public IResult SignOut(HttpContext context)
    {
        if (!IsSameOrigin(context))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        access.SignOut(context);
        return AdminPageResponses.SeeOther(context, AdminPagePaths.Dashboard);
    }

    public async Task<IResult> PreviewAsync(HttpContext context, PreviewKind kind, string? template, string? language)
    {
        var visitor = await access.VisitorAsync(context);
        if (visitor.RetryAfter is { } retryAfter)
        {
            AdminKeyCheck.SetRetryAfter(context.Response, retryAfter);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (visitor.KeyId is null)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var ct = context.RequestAborted;
        var name = (await TemplateNamesAsync(ct)).FirstOrDefault(n => string.Equals(n, template, StringComparison.OrdinalIgnoreCase));
        if (name is null || language is null || !WrapperLanguage.Translated.Contains(language))
        {
            return Results.NotFound();
        }

        if (kind == PreviewKind.PortalPage)
        {
            return portalPage is null
                ? Results.NotFound()
                : AdminPageResponses.Preview(context, await portalPage.RenderSignInPageAsync(name, language, ct));
        }

        var (wrapperHtml, pageHtml) = await previews.RenderAsync(await templates.FindAsync(name, ct), language, ct);
        return AdminPageResponses.Preview(context, kind == PreviewKind.MessageHtml ? pageHtml : wrapperHtml);
    }

    private static IResult SignInPage(HttpContext context, int status, string? error) =>
        AdminPageResponses.Page(context, status, nonce => AdminPageHtml.SignIn(nonce, error));

    /// <summary>429 with Retry-After, the API's answer, and the sign-in form saying how long to wait.</summary>
    private static IResult TooManyFailedKeys(HttpContext context, TimeSpan retryAfter)
    {
        AdminKeyCheck.SetRetryAfter(context.Response, retryAfter);
        return SignInPage(context, StatusCodes.Status429TooManyRequests,
            AdminPageHtml.TooManyFailedKeysMessage(AdminKeyCheck.RetryAfterSeconds(retryAfter)));
    }

    /// <summary>The stored templates, with the default one first even before anyone stored it.</summary>
    private async Task<IReadOnlyList<string>> TemplateNamesAsync(CancellationToken cancellationToken)
    {
        var stored = (await templates.ListAsync(cancellationToken)).Select(t => t.Identity);
        return [.. new[] { OmeConfiguration.DefaultIdentity }.Concat(stored.Order(StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Forms post only from this origin (a cross-site sign-in or sign-out is refused, "Origin: null" too). A client
    /// that sends neither Sec-Fetch-Site nor Origin is not a browser, so no other site can be behind it.
    /// </summary>
    private static bool IsSameOrigin(HttpContext context)
    {
        var request = context.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
