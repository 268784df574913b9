using System.Globalization;
using Mailseal.Testing;
using Microsoft.Playwright;

namespace Mailseal.Admin.Tests.Page;

public sealed class AdminPageBrowserTests(AdminPageFixture fixture) : IClassFixture<AdminPageFixture>
{
    [Fact]
    public async Task AdminPage_SignedInInChromium_DrawsSeededBarsTopRulesAndPreviews()
    {
        await using var browser = await AdminPageBrowser.SignInAsync(fixture.Host.Address, fixture.Key);
        var page = browser.Page;

        var cookie = Assert.Single(await browser.Context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        // Every seeded (rule, day, action) is one bar, with its count.
        foreach (var group in fixture.Seeded.GroupBy(c => (c.RuleName, c.Day, c.Action)))
        {
            var day = group.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var action = group.Key.Action.ToString().ToLowerInvariant();
            var bar = page.Locator($"section.rule-chart[data-rule=\"{group.Key.RuleName}\"] rect.bar[data-day=\"{day}\"][data-action=\"{action}\"]");
            Assert.Equal(1, await bar.CountAsync());
            Assert.Equal(group.Sum(c => c.Messages).ToString(CultureInfo.InvariantCulture), await bar.GetAttributeAsync("data-count"));
            var box = await bar.BoundingBoxAsync();
            Assert.True(box is { Height: > 0, Width: > 0 }, $"The bar for {group.Key} is not drawn.");
        }

        Assert.Equal(6, await page.Locator("rect.bar").CountAsync());
        var firstRow = await page.Locator("#top-rules tbody tr").First.InnerTextAsync();
        Assert.StartsWith(AdminPageFixture.BusyRule, firstRow, StringComparison.Ordinal);
        Assert.EndsWith("18", firstRow.TrimEnd(), StringComparison.Ordinal);

        // The default template's previews are shown; then the Contoso one in German.
        var wrapper = page.FrameLocator("#preview-wrapper");
        await wrapper.Locator("body").WaitForAsync();
        await page.GotoAsync(new Uri(fixture.Host.Address, "/admin?template=Contoso&language=de").ToString());
        Assert.Contains(AdminPageFixture.TemplateEmailText, await page.FrameLocator("#preview-wrapper").Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(AdminPageFixture.TemplateEmailText, await page.FrameLocator("#preview-message-html").Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        var logo = page.FrameLocator("#preview-wrapper").Locator("img").First;
        Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The wrapper's logo did not load in the preview.");
        Assert.Equal("", await page.Locator("#preview-wrapper").GetAttributeAsync("sandbox"));

        await browser.ScreenshotAsync(TestArtifacts.PathFor("admin-page.png"));
        Assert.DoesNotContain(browser.ConsoleMessages, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }
}
