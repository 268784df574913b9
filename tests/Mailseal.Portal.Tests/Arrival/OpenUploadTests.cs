using System.Net;
using Mailseal.Portal.Tests.Infrastructure;

namespace Mailseal.Portal.Tests.Arrival;

public sealed class OpenUploadTests
{
    private static readonly string[] Bob = ["bob@example.net"];

    [Fact]
    public async Task PostOpen_SavedMessageHtmlWithToken_SameArrivalAsTheForm()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var html = await app.MessageHtmlAsync(await app.SealAsync("Saved", Bob));

        using var response = await UploadAsync(browser, html, withToken: true);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.OriginalString);
        Assert.Contains("mailseal-arrival", browser.Cookies.Keys);
    }

    [Fact]
    public async Task PostOpen_WithoutAntiforgeryToken_Refused()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var html = await app.MessageHtmlAsync(await app.SealAsync("Saved", Bob));

        using var response = await UploadAsync(browser, html, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("mailseal-arrival", browser.Cookies.Keys);
    }

    [Fact]
    public async Task PostOpen_FromAnotherSite_Refused()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var html = await app.MessageHtmlAsync(await app.SealAsync("Saved", Bob));

        using var response = await UploadAsync(browser, html, withToken: true, origin: "null");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("mailseal-arrival", browser.Cookies.Keys);
    }

    [Fact]
    public async Task PostOpen_NotAMessage_UniformInvalidPage()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await UploadAsync(browser, "<html><body>hello</body></html>"u8.ToArray(), withToken: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This message cannot be opened", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, byte[] file, bool withToken, string? origin = null)
    {
        using var page = await browser.GetAsync("/open");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(token), "__antiforgery");
        }

        form.Add(new ByteArrayContent(file), "message", "message.html");
        return await browser.PostFormAsync("/open", form, origin);
    }
}
