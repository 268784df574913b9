using System.Net;
using Mailseal.Portal.Tests.Infrastructure;
using Mailseal.Protection.Envelope;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Portal.Tests.Sessions;

public sealed class SessionTests
{
    private static readonly string[] Bob = ["bob@example.net"];

    [Fact]
    public async Task SignIn_Recipient_SessionOpensItsEnvelopeAndConsumesThePreSession()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var (envelopeId, _) = await ArriveAsync(app, browser, "Figures");

        Assert.True(await SignInSeam.SignInAsync(app, browser, "Bob@Example.NET"));

        Assert.Contains("mailseal-session", browser.Cookies.Keys);
        Assert.DoesNotContain("mailseal-arrival", browser.Cookies.Keys);
        using var read = await browser.GetAsync($"/read/{envelopeId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("<h1 id=\"subject\">Figures</h1>", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_NotARecipient_NoSession()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        await ArriveAsync(app, browser, "Figures");

        Assert.False(await SignInSeam.SignInAsync(app, browser, "mallory@example.net"));

        Assert.DoesNotContain("mailseal-session", browser.Cookies.Keys);
    }

    [Fact]
    public async Task Read_SessionOfEnvelopeAOnEnvelopeB_NotFound()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var (envelopeA, _) = await ArriveAsync(app, browser, "A");
        Assert.True(await SignInSeam.SignInAsync(app, browser, Bob[0]));
        var (envelopeB, _) = await ArriveAsync(app, browser, "B");

        using var onB = await browser.GetAsync($"/read/{envelopeB}");
        using var onA = await browser.GetAsync($"/read/{envelopeA}");

        Assert.Equal(HttpStatusCode.NotFound, onB.StatusCode);
        Assert.DoesNotContain("id=\"subject\"", await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
    }

    [Fact]
    public async Task Read_IdleLongerThanTimeout_SessionEnded()
    {
        await using var app = await PortalApp.StartAsync(false, "--Portal:SessionIdleTimeout=00:20:00");
        using var browser = app.CreateBrowser();
        var (envelopeId, _) = await ArriveAsync(app, browser, "Idle");
        Assert.True(await SignInSeam.SignInAsync(app, browser, Bob[0]));

        app.Time.Advance(TimeSpan.FromMinutes(19));
        using var active = await browser.GetAsync($"/read/{envelopeId}");
        app.Time.Advance(TimeSpan.FromMinutes(20));
        using var idle = await browser.GetAsync($"/read/{envelopeId}");

        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, idle.StatusCode);
        Assert.Contains("id=\"session-ended-title\"", await idle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_PastAbsoluteTimeout_SessionEndedHoweverActive()
    {
        await using var app = await PortalApp.StartAsync(false, "--Portal:SessionIdleTimeout=00:20:00", "--Portal:SessionAbsoluteTimeout=01:00:00");
        using var browser = app.CreateBrowser();
        var (envelopeId, _) = await ArriveAsync(app, browser, "Absolute");
        Assert.True(await SignInSeam.SignInAsync(app, browser, Bob[0]));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(15));
            using var response = await browser.GetAsync($"/read/{envelopeId}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsSession_WithoutTokenOrCrossSite_Refused()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var (envelopeId, _) = await ArriveAsync(app, browser, "Out");
        Assert.True(await SignInSeam.SignInAsync(app, browser, Bob[0]));

        using var noToken = await browser.PostFormAsync("/signout", new FormUrlEncodedContent([]));
        using var page = await browser.GetAsync($"/read/{envelopeId}");
        var token = Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var crossSite = await browser.PostFormAsync("/signout", new FormUrlEncodedContent([new("__antiforgery", token)]), "https://evil.example");
        using var stillIn = await browser.GetAsync($"/read/{envelopeId}");
        using var signOut = await browser.PostFormAsync("/signout", new FormUrlEncodedContent([new("__antiforgery", token)]));
        using var after = await browser.GetAsync($"/read/{envelopeId}");

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.DoesNotContain("mailseal-session", browser.Cookies.Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Session_ForgedOrStolenCookieAfterSignOut_Refused()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var (envelopeId, _) = await ArriveAsync(app, browser, "Stolen");
        Assert.True(await SignInSeam.SignInAsync(app, browser, Bob[0]));
        var stolen = browser.Cookies["mailseal-session"];
        using var page = await browser.GetAsync($"/read/{envelopeId}");
        var token = Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var signOut = await browser.PostFormAsync("/signout", new FormUrlEncodedContent([new("__antiforgery", token)]));

        using var thief = app.CreateBrowser();
        thief.Remember([$"mailseal-session={stolen}; path=/", "mailseal-x=1"]);
        using var replay = await thief.GetAsync($"/read/{envelopeId}");
        using var forger = app.CreateBrowser();
        forger.Remember(["mailseal-session=AAAAAAAAAAAAAAAAAAAAAA; path=/"]);
        using var forged = await forger.GetAsync($"/read/{envelopeId}");

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    private static async Task<(string EnvelopeId, byte[] Envelope)> ArriveAsync(PortalApp app, Browser browser, string subject)
    {
        var envelope = await app.SealAsync(subject, Bob);
        using var response = await browser.PostEnvelopeAsync(envelope);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var license = await app.Services.GetRequiredService<EnvelopeUnsealer>().VerifyAsync(new MemoryStream(envelope));
        return (license.EnvelopeIdHex, envelope);
    }
}
