using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mailseal.Core.Portal;
using Mailseal.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Portal.Tests.Arrival;

public sealed partial class EnvelopeArrivalTests
{
    private static readonly string[] Bob = ["bob@example.net"];

    [Fact]
    public async Task PostEnvelope_Valid_SeeOtherToBrandedSignInChoice()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var arrival = await browser.PostEnvelopeAsync(await app.SealAsync("Figures", Bob));

        Assert.Equal(HttpStatusCode.SeeOther, arrival.StatusCode);
        Assert.Equal("/signin", arrival.Headers.Location?.OriginalString);
        Assert.Contains("mailseal-arrival", browser.Cookies.Keys);
        using var choice = await browser.GetAsync("/signin");
        var html = await choice.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, choice.StatusCode);
        Assert.Contains("id=\"choose-title\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"use-pass-code\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEnvelope_Expired_PlainExpiredPage()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var envelope = await app.SealAsync("Old", Bob, expiresAt: app.Time.GetUtcNow().AddDays(1));
        app.Time.Advance(TimeSpan.FromDays(2));

        using var response = await browser.PostEnvelopeAsync(envelope);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This message has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("mailseal-arrival", browser.Cookies.Keys);
    }

    [Fact]
    public async Task PostEnvelope_TamperedForeignOrGarbage_OneUniformPage()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var tampered = await app.SealAsync("Figures", Bob);
        // A flip inside the signed license; one in the ciphertext shows when the message is read.
        tampered[64] ^= 0x01;
        var foreign = await PortalApp.SealForeignAsync(Bob[0]);
        var garbage = Encoding.ASCII.GetBytes("not an envelope at all");

        var pages = new List<string>();
        foreach (var envelope in new[] { tampered, foreign, garbage })
        {
            using var response = await browser.PostEnvelopeAsync(envelope);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            pages.Add(WithoutNonce(await response.Content.ReadAsStringAsync()));
        }

        using var notBase64 = new MultipartFormDataContent { { new StringContent("@@@ not base64 @@@"), "envelope" } };
        using var notBase64Response = await browser.PostEnvelopeAsync(notBase64);
        pages.Add(WithoutNonce(await notBase64Response.Content.ReadAsStringAsync()));

        Assert.Single(pages.Distinct());
        Assert.Contains("This message cannot be opened", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("mailseal-arrival", browser.Cookies.Keys);
    }

    [Fact]
    public async Task PostEnvelope_OverTheLimits_RefusedCleanlyWith413()
    {
        await using var app = await PortalApp.StartAsync(false, "--Portal:MaxArrivalBytes=300000", "--Portal:MaxEnvelopeBytes=100000");
        using var browser = app.CreateBrowser();

        // Decoded past Portal:MaxEnvelopeBytes while the form stays under Portal:MaxArrivalBytes…
        using var overEnvelope = await browser.PostEnvelopeAsync(await app.SealAsync("Big", Bob, bodyBytes: 150_000));
        // …and a form past Portal:MaxArrivalBytes.
        using var overForm = await browser.PostEnvelopeAsync(await app.SealAsync("Bigger", Bob, bodyBytes: 400_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overEnvelope.StatusCode);
        Assert.Contains("too large", await overEnvelope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overForm.StatusCode);
        Assert.Equal(0, await app.Services.GetRequiredService<IPreSessionStore>().CachedBytesAsync(app.Time.GetUtcNow()));
    }

    [Fact]
    public async Task PostEnvelope_LargestMessage_AcceptedByDefaultLimits()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var envelope = await app.SealAsync("Largest", Bob, bodyBytes: 25 * 1024 * 1024 - 1024);

        using var response = await browser.PostEnvelopeAsync(envelope);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(envelope.Length, await app.Services.GetRequiredService<IPreSessionStore>().CachedBytesAsync(app.Time.GetUtcNow()));
    }

    [Fact]
    public async Task PostEnvelope_SameEnvelopeAgain_ReusesCacheEntryWithNewPreSession()
    {
        await using var app = await PortalApp.StartAsync();
        var envelope = await app.SealAsync("Again", Bob);
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var browser = app.CreateBrowser();
            using var response = await browser.PostEnvelopeAsync(envelope);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            tokens.Add(browser.Cookies["mailseal-arrival"]);
        }

        Assert.Equal(envelope.Length, await app.Services.GetRequiredService<IPreSessionStore>().CachedBytesAsync(app.Time.GetUtcNow()));
        Assert.Equal(3, tokens.Distinct().Count());
    }

    [Fact]
    public async Task PostEnvelope_PastRateLimit_429UntilTheWindowPasses()
    {
        await using var app = await PortalApp.StartAsync(false, "--Portal:ArrivalsPerClient=3", "--Portal:ArrivalRateWindow=00:10:00");
        using var browser = app.CreateBrowser();
        var envelope = await app.SealAsync("Flood", Bob);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await browser.PostEnvelopeAsync(envelope);
            statuses.Add(response.StatusCode);
        }

        app.Time.Advance(TimeSpan.FromMinutes(10));
        using var later = await browser.PostEnvelopeAsync(envelope);

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.SeeOther, later.StatusCode);
    }

    [Fact]
    public async Task PostEnvelope_CacheAtItsByteCap_503AndNothingStored()
    {
        await using var app = await PortalApp.StartAsync(false, "--Portal:EnvelopeCacheMaxBytes=1048576");
        using var browser = app.CreateBrowser();

        using var first = await browser.PostEnvelopeAsync(await app.SealAsync("One", Bob, bodyBytes: 600_000));
        using var second = await browser.PostEnvelopeAsync(await app.SealAsync("Two", Bob, bodyBytes: 600_000));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.True(await app.Services.GetRequiredService<IPreSessionStore>().CachedBytesAsync(app.Time.GetUtcNow()) <= 1048576);
    }

    [Fact]
    public async Task PostEnvelope_PublicUrlWithPath_ServedAndRedirectedUnderIt()
    {
        await using var app = await PortalApp.StartAsync(false, "--Portal:PublicUrl=http://portal.test/secure/");
        using var browser = app.CreateBrowser();

        using var arrival = await browser.PostEnvelopeAsync("/secure/envelope", await app.SealAsync("Prefixed", Bob));
        using var choice = await browser.GetAsync("/secure/signin");

        Assert.Equal(HttpStatusCode.SeeOther, arrival.StatusCode);
        Assert.Equal("/secure/signin", arrival.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, choice.StatusCode);
        Assert.Contains("href=\"/secure/signin/code\"", await choice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutPreSession_AsksToOpenTheMessageAgain()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"ended-title\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string WithoutNonce(string html) => Nonce().Replace(html, "nonce=\"\"");

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();
}
