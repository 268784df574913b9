using Mailseal.Testing;

namespace Mailseal.Admin.Tests.Page;

public sealed class PortalPreviewBrowserTests(PortalPreviewFixture fixture) : IClassFixture<PortalPreviewFixture>
{
    [Fact]
    public async Task AdminPage_TemplateInGerman_RendersThreePreviewFrames()
    {
        await using var browser = await AdminPageBrowser.SignInAsync(fixture.App.AdminUri, fixture.Key);
        var page = browser.Page;

        await page.GotoAsync(new Uri(fixture.App.AdminUri, $"/admin?template={PortalPreviewFixture.Fabrikam}&language=de").ToString());

        var frames = page.Locator(".previews iframe");
        Assert.Equal(3, await frames.CountAsync());
        foreach (var id in new[] { "preview-wrapper", "preview-message-html", "preview-portal" })
        {
            Assert.Equal("", await page.Locator($"#{id}").GetAttributeAsync("sandbox"));
            var body = page.FrameLocator($"#{id}").Locator("body");
            await body.WaitForAsync();
            Assert.False(string.IsNullOrWhiteSpace(await body.InnerTextAsync()), $"The frame {id} is empty.");
        }

        var portal = page.FrameLocator("#preview-portal");
        Assert.Equal("Sichere Nachricht öffnen", await portal.Locator("#choose-title").InnerTextAsync());
        Assert.Equal(PortalPreviewFixture.FabrikamPortalText, await portal.Locator("#portal-text").InnerTextAsync());
        var logo = portal.Locator("img.logo");
        Assert.Equal(fixture.LogoUris[PortalPreviewFixture.Fabrikam], await logo.GetAttributeAsync("src"));
        Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The portal page's logo did not load in the preview.");
        // The page's own style block applies under the preview's policy: white card on the portal's grey.
        Assert.Equal("rgb(255, 255, 255)", await portal.Locator("main").EvaluateAsync<string>("m => getComputedStyle(m).backgroundColor"));
        Assert.Equal("rgb(238, 241, 245)", await portal.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));

        await browser.ScreenshotAsync(TestArtifacts.PathFor("admin-page-three-previews.png"));
        Assert.DoesNotContain(browser.ConsoleMessages, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }
}
