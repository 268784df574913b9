using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Mailseal.Admin.Tests.Api;

namespace Mailseal.Admin.Tests.Page;

/// <summary>
/// Keys tried on the admin page — in the sign-in form or as Bearer — count in the admin listener's failed-key limit
/// together with the API's, and are refused like the API's while the client address is over it.
/// </summary>
public sealed class AdminPageKeyLimitTests
{
    private const string WrongKey = AdminKeyFailureLimitTests.WrongKey;

    [Fact]
    public async Task SignIn_WrongKeysPastLimit_TooManyRequestsWithRetryAfterEvenForValidKey()
    {
        await using var app = await AdminApiApp.StartAsync(AdminKeyFailureLimitTests.ThreeAnHour);
        using var client = NewBrowserlessClient(app);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var refused = await SignInAsync(client, WrongKey);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await SignInAsync(client, WrongKey);
        using var validLimited = await SignInAsync(client, app.Key);

        foreach (var response in new[] { limited, validLimited })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            AssertRetryAfter(response);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("id=\"sign-in-error\">Too many wrong admin keys came from this address.", body, StringComparison.Ordinal);
        }

        AssertLimitLoggedWithoutKeys(app, "sign-in");
    }

    [Fact]
    public async Task Get_WrongBearerKeysPastLimit_TooManyRequestsEvenForValidKey()
    {
        await using var app = await AdminApiApp.StartAsync(AdminKeyFailureLimitTests.ThreeAnHour);
        using var wrong = AdminApiApp.NewClient(app.AdminUri, WrongKey);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var refused = await wrong.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await wrong.GetAsync("/admin");
        using var validLimited = await app.Client.GetAsync("/admin");
        using var previewLimited = await app.Client.GetAsync("/admin/preview/wrapper?template=OME%20Configuration&language=en");

        foreach (var response in new[] { limited, validLimited, previewLimited })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            AssertRetryAfter(response);
        }

        Assert.DoesNotContain("<svg class=\"chart\"", await validLimited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertLimitLoggedWithoutKeys(app, "request");
    }

    [Fact]
    public async Task WrongKeys_ThroughPageAndApi_AddUpForOneClient()
    {
        await using var app = await AdminApiApp.StartAsync(AdminKeyFailureLimitTests.ThreeAnHour);
        using var wrong = AdminApiApp.NewClient(app.AdminUri, WrongKey);
        using var browserless = NewBrowserlessClient(app);

        using (var api = await app.PostAsync("users/list", null, wrong))
        using (var bearer = await wrong.GetAsync("/admin"))
        using (var signIn = await SignInAsync(browserless, WrongKey))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, bearer.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        }

        using var apiLimited = await app.PostAsync("users/list", null);
        await AdminApiAccessTests.AssertProblemAsync(apiLimited, HttpStatusCode.TooManyRequests, "too-many-failed-keys");
        using var pageLimited = await SignInAsync(browserless, app.Key);
        Assert.Equal(HttpStatusCode.TooManyRequests, pageLimited.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnderLimit_SignsInAndOtherSchemesNeverCount()
    {
        await using var app = await AdminApiApp.StartAsync(AdminKeyFailureLimitTests.ThreeAnHour);
        using var browserless = NewBrowserlessClient(app);
        using var basic = AdminApiApp.NewClient(app.AdminUri, key: null);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "b3BzOm9wcw==");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var refused = await SignInAsync(browserless, WrongKey);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var refused = await basic.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var signIn = await SignInAsync(browserless, app.Key);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        using var page = await browserless.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Session_StartedBeforeLimit_StaysSignedIn()
    {
        await using var app = await AdminApiApp.StartAsync(AdminKeyFailureLimitTests.ThreeAnHour);
        using var signedIn = NewBrowserlessClient(app);
        using var wrong = AdminApiApp.NewClient(app.AdminUri, WrongKey);
        using (var signIn = await SignInAsync(signedIn, app.Key))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var refused = await wrong.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await wrong.GetAsync("/admin");
        using var page = await signedIn.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task PageViews_WithoutAKeyOrWithASession_AreNotRefusedApiRequests()
    {
        await using var app = await AdminApiApp.StartAsync(AdminKeyFailureLimitTests.ThreeAnHour);
        using var browser = NewBrowserlessClient(app);

        using (var signInForm = await browser.GetAsync("/admin"))
        using (var signIn = await SignInAsync(browser, app.Key))
        using (var page = await browser.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("name=\"key\"", await signInForm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Admin API request refused", StringComparison.Ordinal));
    }

    // Keeps cookies and sends no Origin or Sec-Fetch-Site, which the page's same-origin check lets through.
    private static HttpClient NewBrowserlessClient(AdminApiApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }, disposeHandler: true) { BaseAddress = app.AdminUri };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string key)
    {
        using var form = new FormUrlEncodedContent([new("key", key)]);
        return await client.PostAsync("/admin/signin", form);
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
    }

    /// <param name="app">The host.</param>
    /// <param name="refused">"sign-in" or "request", as the page's log line names what it refused.</param>
    private static void AssertLimitLoggedWithoutKeys(AdminApiApp app, string refused)
    {
        Assert.Contains(app.Logs.Lines, l => l.Contains(
            $"Admin page {refused} refused from 127.0.0.1: too many failed admin keys from this address", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(WrongKey, StringComparison.Ordinal) || l.Contains(app.Key, StringComparison.Ordinal));
    }
}
