using System.Net;
using Mailseal.Portal.Tests.Infrastructure;

namespace Mailseal.Portal.Tests.Security;

/// <summary>
/// The portal sends Referrer-Policy: no-referrer, under which Chromium sends "Origin: null" with the portal's own
/// form posts; Sec-Fetch-Site still says same-origin. Those posts must pass the same-origin check (the browser
/// end-to-end test found every pass-code post refused), while a cross-site "null" stays refused.
/// </summary>
public sealed class NoReferrerOriginTests
{
    [Theory]
    [InlineData("same-origin", HttpStatusCode.OK)]
    [InlineData("cross-site", HttpStatusCode.Forbidden)]
    [InlineData("same-site", HttpStatusCode.Forbidden)]
    public async Task PostWithNullOrigin_OnlyWhenTheBrowserSaysSameOrigin_Accepted(string site, HttpStatusCode expected)
    {
        await using var app = await PortalApp.StartAsync();
        await app.EnsureKeysAsync();
        using var browser = app.CreateBrowser();
        using (var arrival = await browser.PostEnvelopeAsync(await app.SealAsync("Figures", ["bob@example.net"])))
        {
            Assert.Equal(HttpStatusCode.SeeOther, arrival.StatusCode);
        }

        using var page = await browser.GetAsync("/signin/code");
        var token = Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin/code?handler=Send")
        {
            Content = new FormUrlEncodedContent([new("address", "bob@example.net"), new("__antiforgery", token)]),
        };
        request.Headers.Add("Origin", "null");
        request.Headers.Add("Sec-Fetch-Site", site);

        using var response = await browser.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
