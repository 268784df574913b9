using Mailseal.Testing;
using Mailseal.Testing.Browsers;
using Microsoft.Playwright;

namespace Mailseal.Portal.Tests.OpenIdConnect;

/// <summary>
/// Sign-in with an account in headless Chromium, from message.html on file:// to the message: the portal's
/// Content-Security-Policy, its cookies and the provider's own pages as a real browser treats them.
/// </summary>
public sealed class OpenIdSignInBrowserTests
{
    [Fact]
    public async Task SignIn_FromMessageHtmlInChromium_MessageOpens()
    {
        await using var portal = await OpenIdPortal.StartReachableAsync();
        using var folder = new TempDirectory();
        var messageHtml = folder.Combine("message.html");
        await File.WriteAllBytesAsync(messageHtml, await portal.App.MessageHtmlAsync(
            await portal.App.SealAsync("Quarterly figures", [OpenIdPortal.Recipient])));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        await page.GotoAsync(new Uri(messageHtml).AbsoluteUri);
        await page.ClickAsync("button, input[type=submit]");
        await page.WaitForURLAsync(new Uri(portal.App.PublicUrl, "/signin").AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtifacts.PathFor("openid-signin-choice.png") });
        await page.ClickAsync("#openid-loopback");
        await page.WaitForURLAsync(portal.Issuer.AbsoluteUri + "**");
        await page.FillAsync("input[name=login]", "anna");
        await page.FillAsync("input[name=password]", "any");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Uri(portal.App.PublicUrl, "/read/").AbsoluteUri + "**");

        Assert.Equal("Quarterly figures", await page.InnerTextAsync("#subject"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtifacts.PathFor("openid-signin-read.png") });
    }
}
