using System.Net;
using System.Web;
using Mailseal.Portal.SignIn.OpenIdConnect;
using Mailseal.Portal.Tests.Infrastructure;

namespace Mailseal.Portal.Tests.OpenIdConnect;

/// <summary>Sign-in with an account, end to end against a real OpenID provider on loopback.</summary>
public sealed class OpenIdSignInTests(OpenIdPortal portal) : IClassFixture<OpenIdPortal>
{
    private const string SessionCookie = "mailseal-session";
    private const string ArrivalCookie = "mailseal-arrival";

    [Fact]
    public async Task SignInChoice_ConfiguredProviders_OneLinkEach()
    {
        var (browser, _) = await portal.ArriveAsync();
        using (browser)
        {
            using var choice = await browser.GetAsync("/signin");
            var html = await choice.Content.ReadAsStringAsync();

            Assert.Contains("<a class=\"button\" id=\"openid-loopback\" href=\"/signin/openid/loopback\">Sign in with Loopback</a>", html, StringComparison.Ordinal);
            Assert.Contains("<a class=\"button\" id=\"openid-entra\" href=\"/signin/openid/entra\">Sign in with Entra</a>", html, StringComparison.Ordinal);
            Assert.Contains("id=\"use-pass-code\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignIn_VerifiedRecipient_SessionAndTheMessageOpens()
    {
        var (browser, envelopeId) = await portal.ArriveAsync();
        using (browser)
        {
            using var back = await portal.SignInAsync(browser, "loopback", "anna");

            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
            Assert.Equal($"/read/{envelopeId}", back.Headers.Location?.OriginalString);
            Assert.Contains(SessionCookie, browser.Cookies.Keys);
            Assert.DoesNotContain(ArrivalCookie, browser.Cookies.Keys);
            using var read = await browser.GetAsync($"/read/{envelopeId}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Contains("<h1 id=\"subject\">Quarterly figures</h1>", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Challenge_RedirectToProvider_CarriesNoPreSessionInClear()
    {
        var (browser, _) = await portal.ArriveAsync();
        using (browser)
        {
            var arrivalToken = browser.Cookies[ArrivalCookie];
            using var challenge = await browser.GetAsync(OpenIdPaths.Challenge("loopback"));
            var authorization = challenge.Headers.Location!;
            var query = HttpUtility.ParseQueryString(authorization.Query);

            // The provider offers pushed authorization requests, so the handler sends the parameters (state with
            // the pre-session inside) straight to the provider and the browser carries only a reference.
            Assert.Equal("mailseal-portal", query["client_id"]);
            Assert.StartsWith("urn:ietf:params:oauth:request_uri:", query["request_uri"], StringComparison.Ordinal);
            Assert.DoesNotContain(arrivalToken, Uri.UnescapeDataString(authorization.AbsoluteUri), StringComparison.Ordinal);
            Assert.Contains(challenge.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("mailseal-oidc-correlation.", StringComparison.Ordinal)
                && cookie.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase) && cookie.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("anna-unverified")]
    [InlineData("mallory")]
    public async Task SignIn_UnverifiedEmailOrNotARecipient_RefusedWithoutSession(string account)
    {
        var (browser, envelopeId) = await portal.ArriveAsync();
        using (browser)
        {
            using var back = await portal.SignInAsync(browser, "loopback", account);

            await AssertRefusedAsync(browser, back);
            using var read = await browser.GetAsync($"/read/{envelopeId}");
            Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
            // The arrival lives on: the recipient can choose again.
            Assert.Contains(ArrivalCookie, browser.Cookies.Keys);
        }
    }

    [Fact]
    public async Task Callback_TamperedState_Refused()
    {
        var (browser, _) = await portal.ArriveAsync();
        using (browser)
        {
            var callback = await portal.SignInAtProviderAsync(browser, "loopback", "anna");
            var query = HttpUtility.ParseQueryString(callback.Query);
            var state = query["state"]!;
            query["state"] = state[..^2] + (state[^2] == 'A' ? 'B' : 'A') + state[^1];

            using var back = await browser.GetAsync(callback.AbsolutePath + "?" + query);

            await AssertRefusedAsync(browser, back);
        }
    }

    [Fact]
    public async Task Callback_TamperedCode_Refused()
    {
        var (browser, _) = await portal.ArriveAsync();
        using (browser)
        {
            var callback = await portal.SignInAtProviderAsync(browser, "loopback", "anna");
            var query = HttpUtility.ParseQueryString(callback.Query);
            query["code"] = query["code"]![..^1] + (query["code"]![^1] == 'x' ? 'y' : 'x');

            using var back = await browser.GetAsync(callback.AbsolutePath + "?" + query);

            await AssertRefusedAsync(browser, back);
        }
    }

    [Fact]
    public async Task Callback_TakenToAnotherBrowser_Refused()
    {
        var (victim, _) = await portal.ArriveAsync();
        var (thief, thiefEnvelope) = await portal.ArriveAsync();
        using (victim)
        using (thief)
        {
            var callback = await portal.SignInAtProviderAsync(victim, "loopback", "anna");

            using var back = await thief.GetAsync(callback.PathAndQuery);

            await AssertRefusedAsync(thief, back);
            using var read = await thief.GetAsync($"/read/{thiefEnvelope}");
            Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        }
    }

    [Fact]
    public async Task Callback_UsedTwice_SecondRefused()
    {
        var (browser, _) = await portal.ArriveAsync();
        using (browser)
        {
            var callback = await portal.SignInAtProviderAsync(browser, "loopback", "anna");
            using var first = await browser.GetAsync(callback.PathAndQuery);
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            browser.Remember(["mailseal-session=; expires=Thu, 01 Jan 1970 00:00:00 GMT"]);

            using var second = await browser.GetAsync(callback.PathAndQuery);

            await AssertRefusedAsync(browser, second);
        }
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Challenge_OffSiteReturnUrl_RefusedBeforeTheProvider(string returnUrl)
    {
        var (browser, _) = await portal.ArriveAsync();
        using (browser)
        {
            using var challenge = await browser.GetAsync(OpenIdPaths.Challenge("loopback") + "?returnUrl=" + Uri.EscapeDataString(returnUrl));

            Assert.Equal(HttpStatusCode.BadRequest, challenge.StatusCode);
            Assert.Null(challenge.Headers.Location);
        }
    }

    [Fact]
    public async Task Challenge_LocalReturnUrl_FollowedAfterSignIn()
    {
        var (browser, envelopeId) = await portal.ArriveAsync();
        using (browser)
        {
            using var back = await portal.SignInAsync(browser, "loopback", "anna", $"/read/{envelopeId}?from=account");

            Assert.Equal($"/read/{envelopeId}?from=account", back.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Challenge_NoArrival_BackToTheChoiceWhichSaysSo()
    {
        using var browser = portal.App.CreateBrowser();

        using var challenge = await browser.GetAsync(OpenIdPaths.Challenge("loopback"));

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/signin", challenge.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Challenge_UnknownProvider_NotFound()
    {
        var (browser, _) = await portal.ArriveAsync();
        using (browser)
        {
            using var challenge = await browser.GetAsync(OpenIdPaths.Challenge("nobody"));

            Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
        }
    }

    [Fact]
    public async Task SignIn_MicrosoftRuleWithDomainOwnerVerified_Session()
    {
        var (browser, envelopeId) = await portal.ArriveAsync();
        using (browser)
        {
            using var back = await portal.SignInAsync(browser, "entra", "anna-entra");

            Assert.Equal($"/read/{envelopeId}", back.Headers.Location?.OriginalString);
            Assert.Contains(SessionCookie, browser.Cookies.Keys);
        }
    }

    [Theory]
    [InlineData("anna-entra-unverified")]
    [InlineData("anna")]
    public async Task SignIn_MicrosoftRuleWithoutDomainOwnerVerified_Refused(string account)
    {
        // "anna" has email_verified but no xms_edov (and no tid): under Microsoft's rule that proves nothing.
        var (browser, _) = await portal.ArriveAsync();
        using (browser)
        {
            using var back = await portal.SignInAsync(browser, "entra", account);

            await AssertRefusedAsync(browser, back);
        }
    }

    private static async Task AssertRefusedAsync(Browser browser, HttpResponseMessage callbackResponse)
    {
        Assert.Equal(HttpStatusCode.Redirect, callbackResponse.StatusCode);
        Assert.Equal(OpenIdPaths.Refused, callbackResponse.Headers.Location?.OriginalString);
        Assert.DoesNotContain(SessionCookie, browser.Cookies.Keys);
        using var page = await browser.GetAsync(OpenIdPaths.Refused);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("id=\"openid-refused-title\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
